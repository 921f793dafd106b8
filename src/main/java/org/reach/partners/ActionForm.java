package org.reach.partners;

import java.time.LocalDate;

public record ActionForm(Long organisationId, ActionSource source, Long assessmentId, Long twinningId,
                         String rarReference, String title, String domainCode, String owner,
                         Long supportingOrganisationId, LocalDate dueDate) {
}
