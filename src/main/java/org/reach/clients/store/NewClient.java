package org.reach.clients.store;

import java.time.LocalDate;
import java.util.Set;

import org.reach.clients.CareStage;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;

/** Validated facts of a client to insert or update. */
public record NewClient(long organisationId, String uic, Gender gender, Integer birthYear,
                        Set<KeyPopulation> keyPopulations, Drug primaryDrug, Drug secondaryDrug, Route route,
                        long enrolmentSiteId, String enrolmentHotspot, Long peerEducatorId, LocalDate firstContact,
                        CareStage stage, String alias) {

    public NewClient {
        keyPopulations = Set.copyOf(keyPopulations);
    }

    public NewClient withUic(String code) {
        return new NewClient(organisationId, code, gender, birthYear, keyPopulations, primaryDrug, secondaryDrug, route,
                enrolmentSiteId, enrolmentHotspot, peerEducatorId, firstContact, stage, alias);
    }
}
