package org.reach.clients;

import java.time.LocalDate;

/**
 * Published by whoever records a contact with a registered client (an encounter, a completed
 * referral); the registry moves the client's first and last contact dates and so their status.
 */
public record ClientContacted(long clientId, long organisationId, LocalDate date) {
}
