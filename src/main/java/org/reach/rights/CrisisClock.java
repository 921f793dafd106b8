package org.reach.rights;

/** Where a report stands against the 24-hour crisis clock. */
public enum CrisisClock {
    /** No response yet, still within 24 hours of the report. */
    DUE,
    /** No response and more than 24 hours since the report: an urgent notice for the protection focal persons. */
    OVERDUE,
    /** First response within 24 hours. */
    IN_TIME,
    /** First response after 24 hours. */
    LATE,
    /** Closed without a response (the person wanted none, or could not be reached). */
    CLOSED_UNANSWERED;

    public String messageKey() {
        return "rights.clock." + name();
    }

    public boolean urgent() {
        return this == OVERDUE;
    }
}
