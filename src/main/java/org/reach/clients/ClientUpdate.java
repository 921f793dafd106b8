package org.reach.clients;

import java.time.LocalDate;
import java.util.Set;

/**
 * The facts of a client that may be corrected; the code never changes. The alias is applied only when the
 * person may see it (assigned to the enrolment site); for everyone else the stored alias stays as it is.
 */
public record ClientUpdate(Gender gender, Integer birthYear, Set<KeyPopulation> keyPopulations, Drug primaryDrug,
                           Drug secondaryDrug, Route route, Long enrolmentSiteId, String enrolmentHotspot,
                           Long peerEducatorId, LocalDate firstContact, String alias) {

    public ClientUpdate {
        keyPopulations = keyPopulations == null ? Set.of() : Set.copyOf(keyPopulations);
    }

    public static ClientUpdate of(Client client, String alias) {
        return new ClientUpdate(client.gender(), client.birthYear(), client.keyPopulations(), client.primaryDrug(),
                client.secondaryDrug(), client.route(), client.enrolmentSiteId(), client.enrolmentHotspot(),
                client.peerEducatorId(), client.firstContact(), alias);
    }
}
