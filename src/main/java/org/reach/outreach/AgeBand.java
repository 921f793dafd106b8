package org.reach.outreach;

/** Age bands for people met without a code; the first one flags minors, whom programmes report apart. */
public enum AgeBand {
    UNDER_18, FROM_18_TO_24, FROM_25_TO_34, FROM_35;

    public String messageKey() {
        return "outreach.age." + name();
    }
}
