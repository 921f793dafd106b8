package org.reach.indicators;

/**
 * How an indicator is broken down. Client attributes for people; for places (site, city, hotspot,
 * organisation) the person's enrolment, or the encounter's place for contacts.
 */
public enum Disaggregation {
    NONE, SEX, AGE_25, AGE_BANDS, KEY_POPULATION, DRUG, ROUTE, SITE, CITY, HOTSPOT, ORGANISATION;

    public String messageKey() {
        return "indicators.disaggregation." + name();
    }
}
