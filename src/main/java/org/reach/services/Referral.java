package org.reach.services;

import java.time.LocalDate;

/** A tracked referral; {@code uuid} is the one the recording device made, or null for one made on a page. */
public record Referral(long id, long organisationId, long clientId, ProviderType providerType, String providerName,
                       Long internalSiteId, LocalDate madeOn, LocalDate acceptedOn, LocalDate closedOn,
                       String outcomeNote, ReferralStatus status, long madeBy, String uuid) {

    public Referral(long id, long organisationId, long clientId, ProviderType providerType, String providerName,
                    Long internalSiteId, LocalDate madeOn, LocalDate acceptedOn, LocalDate closedOn,
                    String outcomeNote, ReferralStatus status, long madeBy) {
        this(id, organisationId, clientId, providerType, providerName, internalSiteId, madeOn, acceptedOn, closedOn,
                outcomeNote, status, madeBy, null);
    }

    /** The date of the latest step, which the next step may not precede. */
    public LocalDate lastStepOn() {
        return closedOn != null ? closedOn : acceptedOn != null ? acceptedOn : madeOn;
    }
}
