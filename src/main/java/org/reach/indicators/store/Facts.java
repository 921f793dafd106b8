package org.reach.indicators.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the indicator engine aggregates, read for some organisations up to the end of a period. These rows
 * never leave the indicators capability: only counts per category do.
 */
public record Facts(Map<Long, ClientFact> clients, List<ServiceFact> services, List<EncounterFact> encounters,
                    List<StageFact> stages, List<ReferralFact> referrals, Map<Long, Integer> lostAfterMonths,
                    Map<Long, String> siteNames) {

    public record ClientFact(long id, long organisationId, String gender, Integer birthYear, String drug, String route,
                             long siteId, LocalDate firstContact, String explicitStatus, LocalDate explicitStatusDate,
                             Set<String> keyPopulations) {
    }

    public record EncounterFact(long id, Long clientId, long organisationId, Long siteId, LocalDate date) {
    }

    public record ServiceFact(long encounterId, Long clientId, long organisationId, Long siteId, LocalDate date,
                              String code, int quantity, String result) {
    }

    public record StageFact(long clientId, String stage, LocalDate date) {
    }

    public record ReferralFact(long clientId, long organisationId, LocalDate madeOn, String status) {
    }
}
