package org.reach.clients;

public enum ClientStatus {
    ACTIVE, DEFAULTER, LOST_TO_FOLLOW_UP, DETAINED, TRANSFERRED, DECEASED, EXITED,
    /** A duplicate record merged into another record of the same person: hidden from lists and counts. */
    MERGED;

    public String messageKey() {
        return "clientStatus." + name();
    }
}
