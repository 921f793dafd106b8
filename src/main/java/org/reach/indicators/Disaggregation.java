package org.reach.indicators;

/** How an indicator is broken down. Client attributes for people, the encounter's site for contacts. */
public enum Disaggregation {
    NONE, SEX, AGE_25, AGE_BANDS, KEY_POPULATION, DRUG, ROUTE, SITE;

    public String messageKey() {
        return "indicators.disaggregation." + name();
    }
}
