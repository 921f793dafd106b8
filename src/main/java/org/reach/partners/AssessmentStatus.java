package org.reach.partners;

public enum AssessmentStatus {
    IN_PROGRESS, FINALISED;

    public String messageKey() {
        return "partners.status." + name();
    }
}
