package org.reach.indicators;

/** The coverage band of a value against an indicator's thresholds. */
public enum Band {
    LOW, MEDIUM, HIGH, NONE;

    public String messageKey() {
        return "indicators.band." + name();
    }
}
