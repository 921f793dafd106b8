package org.reach.followup;

/** A transfer moves the client's care; a referral sends them for a service and keeps them here. */
public enum TransferKind {
    TRANSFER, REFERRAL;

    public String messageKey() {
        return "followup.transferKind." + name();
    }
}
