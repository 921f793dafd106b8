package org.reach.followup;

import java.time.Clock;
import java.time.LocalDate;

import org.reach.clients.ClientContacted;
import org.reach.clients.ClientsContacted;
import org.reach.followup.store.FollowUpStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a contact means for follow-up, in the transaction that recorded it: a client being traced who is contacted
 * (an encounter, a completed referral, a "found and returned" attempt) has returned to care, and a released client's
 * first contact outside custody after release is the follow-up after release.
 */
@Component
class ContactsAfterTracing {

    private final FollowUpStore store;
    private final Clock clock;

    ContactsAfterTracing(FollowUpStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    void on(ClientsContacted contacted) {
        long organisationId = contacted.organisationId();
        for (ClientContacted contact : contacted.contacts()) {
            if (contact.inCustody()) {
                continue;
            }
            LocalDate tracedFrom = store.tracedFrom(organisationId, contact.clientId());
            if (tracedFrom != null && !contact.date().isBefore(tracedFrom)) {
                store.recordReturn(organisationId, contact.clientId(), tracedFrom, contact.date(), clock.instant());
            }
            for (Detention detention : store.detentions(organisationId, contact.clientId(), false, 5)) {
                if (!detention.open() && detention.contactedOn() == null
                        && !contact.date().isBefore(detention.releasedOn())) {
                    store.contactedAfterRelease(detention.id(), contact.date(), clock.instant());
                }
            }
        }
    }
}
