package org.reach.services;

import java.time.LocalDate;

/** A new referral; the client by id or by code. */
public record ReferralForm(Long clientId, String clientUic, ProviderType providerType, String providerName,
                           Long internalSiteId, LocalDate madeOn) {
}
