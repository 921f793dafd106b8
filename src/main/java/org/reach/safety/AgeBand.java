package org.reach.safety;

/** The age band of an anonymous person. */
public enum AgeBand {
    UNDER_18, FROM_18_TO_24, FROM_25_TO_34, FROM_35_TO_44, FROM_45, UNKNOWN;

    public String messageKey() {
        return "safety.ageBand." + name();
    }
}
