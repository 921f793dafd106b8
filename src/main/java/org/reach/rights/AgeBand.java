package org.reach.rights;

/** Age band of a person who gave no client code. */
public enum AgeBand {
    UNDER_18, FROM_18_TO_24, FROM_25_TO_34, FROM_35_TO_49, FROM_50;

    public String messageKey() {
        return "rights.age." + name();
    }
}
