package org.reach.indicators;

import java.util.List;

/**
 * An indicator a capability defines over its measures: what it is (stored with the built-in definitions so that
 * DHIS2 mappings, exports and translations treat it alike) and how the engine reads it. Measures are named: the
 * provider's own, or a built-in one ({@link #BUILT_IN_MEASURES}).
 *
 * @param numerator   the measure counted
 * @param denominator the measure it is divided by, or null for a count
 * @param sortOrder   where it is listed among the indicators (built-in ones use 10 to 200)
 */
public record ContributedIndicator(String code, String numeratorText, String denominatorText, IndicatorUnit unit,
                                   String periodType, List<Disaggregation> disaggregations, String source,
                                   String numerator, String denominator, int sortOrder) {

    /**
     * Built-in measures an indicator may divide by: people reached, reached who use opioids, active and enrolled
     * clients at the end of the period, and person-days at risk (enrolled clients' days in the period from
     * enrolment to death, exit or the period's end).
     */
    public static final List<String> BUILT_IN_MEASURES = List.of("REACHED", "OPIOIDS_REACHED", "ACTIVE", "ENROLLED",
            "PERSON_DAYS");

    public ContributedIndicator {
        disaggregations = List.copyOf(disaggregations);
        if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new IllegalArgumentException("Indicator code must be upper-case letters, digits and _: " + code);
        }
    }

    public String nameKey() {
        return "indicator." + code;
    }
}
