package org.reach.partners;

public enum AssessmentKind {
    BASELINE, FOLLOW_UP;

    public String messageKey() {
        return "partners.kind." + name();
    }
}
