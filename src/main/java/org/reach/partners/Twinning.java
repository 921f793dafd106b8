package org.reach.partners;

import java.time.Instant;
import java.util.List;

/** A recorded pair: the supporting partner helps the learning partner in these domains. */
public record Twinning(long id, Long programmeId, long learningOrganisationId, String learningOrganisationName,
                       long supportingOrganisationId, String supportingOrganisationName, Long assessmentId,
                       List<String> domains, String note, Instant createdAt) {

    public Twinning {
        domains = List.copyOf(domains);
    }
}
