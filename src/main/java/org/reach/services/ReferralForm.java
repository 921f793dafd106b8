package org.reach.services;

import java.time.LocalDate;

/**
 * A new referral; the client by id or by code. {@code uuid} is optional and made by the device that recorded it (the
 * field app queues referrals offline), so that the same referral sent again is recognised and stored once.
 */
public record ReferralForm(String uuid, Long clientId, String clientUic, ProviderType providerType,
                           String providerName, Long internalSiteId, LocalDate madeOn) {

    /** A referral made on a page, without a device's uuid. */
    public ReferralForm(Long clientId, String clientUic, ProviderType providerType, String providerName,
                        Long internalSiteId, LocalDate madeOn) {
        this(null, clientId, clientUic, providerType, providerName, internalSiteId, madeOn);
    }
}
