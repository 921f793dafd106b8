package org.reach.rights;

/** Who did it; a report names one or more. */
public enum Perpetrator {
    POLICE, OTHER_AUTHORITIES, COMMUNITY, DEALERS, FAMILY, INTIMATE_PARTNER, OTHER_CLIENTS;

    public String messageKey() {
        return "rights.perpetrator." + name();
    }
}
