package org.reach.rar;

/** Where an assessment stands; it moves forward from planning to reported. */
public enum AssessmentStatus {
    PLANNING, FIELDWORK, ANALYSIS, REPORTED;

    public String messageKey() {
        return "rar.status." + name();
    }
}
