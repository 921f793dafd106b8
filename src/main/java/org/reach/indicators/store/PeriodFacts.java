package org.reach.indicators.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the indicator engine needs to know about a period, summarised per client by the database: one row per
 * client enrolled by the end of the period, and the quantities given per place (client or anonymous). These
 * rows never leave the indicators capability: only counts per category do.
 *
 * @param clients   per client id, everything the indicators ask of that client for the period
 * @param anonymous quantities given in the period in anonymous encounters (and to clients outside the scope),
 *                  per place
 * @param cities    the city of each site of the scope's organisations, where recorded
 */
public record PeriodFacts(Map<Long, Client> clients, List<PlaceAmounts> anonymous, Map<Long, String> cities) {

    /**
     * One client as of the end of the period.
     *
     * @param lastContactInWindow latest encounter from the start of the look-back window to the period's end
     *                            (null when none): the window reaches back as far as any lost-to-follow-up
     *                            threshold, so "no contact since the threshold" is exact
     * @param monthsReached       calendar months of the period with at least one encounter
     * @param received            service codes received in the period (only the codes indicators ask about)
     * @param oat                 OAT dispensations from the OAT look-back before the period to its end
     * @param amounts             what was given to this client in the period, per place
     */
    public record Client(long id, long organisationId, String gender, Integer birthYear, String drug, String route,
                         long siteId, String hotspot, LocalDate firstContact, String explicitStatus,
                         LocalDate explicitStatusDate, Set<String> keyPopulations, LocalDate lastContactInWindow,
                         int monthsReached, Set<String> received, boolean testedForHiv, boolean knowsHivResult,
                         LocalDate firstOat, LocalDate firstPrep, LocalDate firstPositiveTest, LocalDate firstArt,
                         List<Dispensation> oat, int referralsMade, int referralsCompleted, boolean progressed,
                         List<PlaceAmounts> amounts) {
    }

    /** An OAT dispensation: a number of dose days from a date. */
    public record Dispensation(LocalDate date, int doseDays) {
    }

    /**
     * Quantities given at one place in the period: needles and naloxone kits as handed out, the other services
     * as the number of times given, and the quantity of each service an organisation's own indicator counts. The
     * client is null for anonymous encounters.
     */
    public record PlaceAmounts(Long clientId, long organisationId, Long siteId, String hotspot, long needles, long naloxone,
                               long woundCare, long dentalCare, long mentalHealth, long basicNeeds,
                               Map<String, Long> quantities) {

        /** Built-in quantities only. */
        public PlaceAmounts(Long clientId, long organisationId, Long siteId, String hotspot, long needles, long naloxone,
                            long woundCare, long dentalCare, long mentalHealth, long basicNeeds) {
            this(clientId, organisationId, siteId, hotspot, needles, naloxone, woundCare, dentalCare, mentalHealth,
                    basicNeeds, Map.of());
        }
    }
}
