package org.reach.rights;

/** How a report was closed. */
public enum CaseOutcome {
    SUPPORTED, REFERRED, HELP_DECLINED, LOST_CONTACT, NO_HELP_WANTED;

    public String messageKey() {
        return "rights.outcome." + name();
    }
}
