package org.reach.partners;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

public record ActionForm(Long organisationId, ActionSource source, Long assessmentId, Long twinningId,
                         String rarReference, String title, String domainCode, String owner,
                         Long supportingOrganisationId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate) {
}
