package org.reach.services;

/** Referrals move only forward: made, then accepted, then completed or failed (or failed straight away). */
public enum ReferralStatus {
    MADE, ACCEPTED, COMPLETED, FAILED;

    public boolean open() {
        return this == MADE || this == ACCEPTED;
    }

    public String messageKey() {
        return "referralStatus." + name();
    }
}
