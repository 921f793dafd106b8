package org.reach.partners;

public enum ActionStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    public String messageKey() {
        return "partners.actionStatus." + name();
    }
}
