package org.reach.clients;

import java.time.LocalDate;
import java.util.Set;

/**
 * A client as the registry knows them: a code and programme facts, never a name, phone number, address
 * or national ID. The optional alias is not part of this record; it is shown only at the enrolment site.
 */
public record Client(long id, long organisationId, String uic, Gender gender, Integer birthYear,
                     Set<KeyPopulation> keyPopulations, Drug primaryDrug, Drug secondaryDrug, Route route,
                     Long enrolmentSiteId, String enrolmentHotspot, Long peerEducatorId, LocalDate firstContact,
                     LocalDate lastContact, ClientStatus status, CareStage stage) {

    public Client {
        keyPopulations = Set.copyOf(keyPopulations);
    }

    public boolean isDeceased() {
        return status == ClientStatus.DECEASED;
    }
}
