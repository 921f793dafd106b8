package org.reach.followup;

/** Whether opioid agonist treatment went on during a detention. */
public enum OatInside {
    CONTINUED, INTERRUPTED, NOT_ON_OAT, UNKNOWN;

    public String messageKey() {
        return "followup.oatInside." + name();
    }
}
