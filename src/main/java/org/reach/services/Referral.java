package org.reach.services;

import java.time.LocalDate;

public record Referral(long id, long organisationId, long clientId, ProviderType providerType, String providerName,
                       Long internalSiteId, LocalDate madeOn, LocalDate acceptedOn, LocalDate closedOn,
                       String outcomeNote, ReferralStatus status, long madeBy) {

    /** The date of the latest step, which the next step may not precede. */
    public LocalDate lastStepOn() {
        return closedOn != null ? closedOn : acceptedOn != null ? acceptedOn : madeOn;
    }
}
