package org.reach.clients;

public enum ClientStatus {
    ACTIVE, DEFAULTER, LOST_TO_FOLLOW_UP, DETAINED, TRANSFERRED, DECEASED, EXITED;

    public String messageKey() {
        return "clientStatus." + name();
    }
}
