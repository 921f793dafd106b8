package org.reach.clients.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.reach.clients.CareStage;
import org.reach.clients.ClientStatus;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;

/**
 * A client row as stored: the recorded status only (the rest follows from the last contact), the alias, and the
 * survivor when this record was merged into another.
 */
public record StoredClient(long id, long organisationId, String uic, Gender gender, Integer birthYear,
                           Set<KeyPopulation> keyPopulations, Drug primaryDrug, Drug secondaryDrug, Route route,
                           long enrolmentSiteId, String enrolmentHotspot, Long peerEducatorId, LocalDate firstContact,
                           LocalDate lastContact, ClientStatus explicitStatus, LocalDate explicitStatusDate,
                           CareStage stage, String alias, Instant createdAt, Long mergedInto) {

    public boolean isMerged() {
        return mergedInto != null;
    }

    StoredClient withKeyPopulations(Set<KeyPopulation> populations) {
        return new StoredClient(id, organisationId, uic, gender, birthYear, populations, primaryDrug, secondaryDrug,
                route, enrolmentSiteId, enrolmentHotspot, peerEducatorId, firstContact, lastContact, explicitStatus,
                explicitStatusDate, stage, alias, createdAt, mergedInto);
    }
}
