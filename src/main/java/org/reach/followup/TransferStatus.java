package org.reach.followup;

/** A transfer waits for the receiving organisation to confirm arrival or record a no-show. */
public enum TransferStatus {
    PENDING, ARRIVED, NO_SHOW;

    public String messageKey() {
        return "followup.transferStatus." + name();
    }
}
