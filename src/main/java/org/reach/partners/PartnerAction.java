package org.reach.partners;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record PartnerAction(long id, long organisationId, String organisationName, Long programmeId,
                            ActionSource source, Long assessmentId, Long twinningId, String rarReference,
                            String title, String domainCode, String owner, Long supportingOrganisationId,
                            String supportingOrganisationName, LocalDate dueDate, ActionStatus status,
                            Instant createdAt, boolean overdue, List<ProgressNote> progress) {

    public PartnerAction {
        progress = List.copyOf(progress);
    }
}
