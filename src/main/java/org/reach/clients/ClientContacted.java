package org.reach.clients;

import java.time.LocalDate;

/**
 * A contact with a registered client (an encounter, a completed referral); the registry moves the client's first and
 * last contact dates and so their status. {@code inCustody} marks a contact made in a prison or police setting: it
 * is care given to a detained person, so it moves the dates but does not end the detention; release does.
 */
public record ClientContacted(long clientId, long organisationId, LocalDate date, boolean inCustody) {

    public ClientContacted(long clientId, long organisationId, LocalDate date) {
        this(clientId, organisationId, date, false);
    }
}
