package org.reach.safety;

/** The contact within 72 hours after an overdose. */
public enum FollowUpResult {
    SEEN_WELL, SEEN_NEEDS_CARE, REFERRED, NOT_FOUND;

    public String messageKey() {
        return "safety.followUp." + name();
    }
}
