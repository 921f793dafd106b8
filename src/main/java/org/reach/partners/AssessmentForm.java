package org.reach.partners;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new assessment visit. Assessors are accounts of the programme (coordinators, organisation managers);
 * external members are one per line, "Name (Organisation)".
 */
public record AssessmentForm(Long organisationId, AssessmentKind kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitStart, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitEnd,
                             String sitesVisited, List<Long> assessorIds, String externalMembers) {

    public AssessmentForm {
        assessorIds = assessorIds == null ? List.of() : List.copyOf(assessorIds);
    }
}
