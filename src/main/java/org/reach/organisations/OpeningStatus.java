package org.reach.organisations;

public enum OpeningStatus {
    PLANNED, OPEN, TEMPORARILY_CLOSED, CLOSED;

    public String messageKey() {
        return "site.status." + name();
    }
}
