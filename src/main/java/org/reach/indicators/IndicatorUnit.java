package org.reach.indicators;

/** What an indicator's value measures. */
public enum IndicatorUnit {
    COUNT, PERCENT, PER_100, PER_PERSON_YEAR, PERSON_YEARS, PER_1000_PERSON_YEARS;

    public String messageKey() {
        return "indicators.unit." + name();
    }
}
