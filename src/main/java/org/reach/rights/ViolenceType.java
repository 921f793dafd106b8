package org.reach.rights;

/** What was done to the person; a report names one or more. */
public enum ViolenceType {
    PHYSICAL, SEXUAL, VERBAL, EXTORTION, ARBITRARY_ARREST, RAID, CONFISCATION, DENIAL_OF_HEALTH_CARE, EVICTION;

    public String messageKey() {
        return "rights.type." + name();
    }
}
