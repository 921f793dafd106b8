package org.reach.indicators;

/** A size estimate used as denominator: how many people of a population live in an area in a year. */
public record Denominator(long id, long organisationId, Population population, String area, int year, int estimate,
                          String source) {

    public enum Population {
        PEOPLE_WHO_INJECT_DRUGS, OPIOID_DEPENDENT;

        public String messageKey() {
            return "indicators.population." + name();
        }
    }
}
