package org.reach.partners;

import java.util.List;

public record TwinningForm(Long learningOrganisationId, Long supportingOrganisationId, Long assessmentId,
                           List<String> domains, String note) {

    public TwinningForm {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }
}
