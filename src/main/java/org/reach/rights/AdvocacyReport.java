package org.reach.rights;

import java.util.List;

/**
 * The anonymised advocacy report: counts of incidents by type, by perpetrator, by month and by city, with the share
 * that had a first response within 24 hours, suppressed jointly. No free text, no day, no hotspot, no client code.
 * An incident may name several types and several perpetrators, so those two tables add up to more than the total.
 *
 * @param period         the month, quarter or year ({@code 2026-03}, {@code 2026Q1}, {@code 2026})
 * @param respondedShare percent of incidents with a first response within 24 hours, or null when a count behind it
 *                       is hidden or there are none
 */
public record AdvocacyReport(String scope, String period, String total, List<AdvocacyCell> byType,
                             List<AdvocacyCell> byPerpetrator, List<AdvocacyCell> byMonth, List<AdvocacyCell> byCity,
                             String respondedInTime, Double respondedShare) {

    public AdvocacyReport {
        byType = List.copyOf(byType);
        byPerpetrator = List.copyOf(byPerpetrator);
        byMonth = List.copyOf(byMonth);
        byCity = List.copyOf(byCity);
    }
}
