package org.reach.partners;

import java.time.Instant;
import java.time.LocalDate;

public record Assessment(long id, long organisationId, String organisationName, Long programmeId, long frameworkId,
                         AssessmentKind kind, LocalDate visitStart, LocalDate visitEnd, String sitesVisited,
                         AssessmentStatus status, Instant createdAt) {

    public boolean finalised() {
        return status == AssessmentStatus.FINALISED;
    }
}
