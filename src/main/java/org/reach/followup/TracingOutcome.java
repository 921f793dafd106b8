package org.reach.followup;

/** What a tracing attempt found; the reasons for leaving care are counted by it. */
public enum TracingOutcome {
    FOUND_RETURNED, FOUND_DECLINED, MOVED_CITY, IN_PRISON, IN_REHAB, DECEASED, NOT_FOUND;

    public String messageKey() {
        return "followup.tracingOutcome." + name();
    }
}
