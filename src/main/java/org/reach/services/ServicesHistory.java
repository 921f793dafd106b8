package org.reach.services;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.reach.clients.Client;
import org.reach.clients.ClientHistory;
import org.reach.clients.TimelineEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts a client's encounters and referrals on their timeline in the registry. */
@Component
class ServicesHistory implements ClientHistory {

    private final Encounters encounters;
    private final Referrals referrals;

    ServicesHistory(Encounters encounters, Referrals referrals) {
        this.encounters = encounters;
        this.referrals = referrals;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(ReachUser actor, Client client) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Encounter encounter : encounters.ofClient(actor, client)) {
            entries.add(new TimelineEntry(encounter.date(), "encounter", "timeline.encounter",
                    List.of(encounter.services().size()), "/encounters/" + encounter.id()));
        }
        for (Referral referral : referrals.ofClient(actor, client)) {
            entries.add(new TimelineEntry(referral.madeOn(), "referral", "timeline.referralMade",
                    List.of(referral.providerName()), "/referrals/" + referral.id()));
            if (referral.acceptedOn() != null) {
                entries.add(new TimelineEntry(referral.acceptedOn(), "referral", "timeline.referralAccepted",
                        List.of(referral.providerName()), "/referrals/" + referral.id()));
            }
            if (referral.closedOn() != null) {
                entries.add(new TimelineEntry(referral.closedOn(), "referral",
                        referral.status() == ReferralStatus.COMPLETED ? "timeline.referralCompleted" : "timeline.referralFailed",
                        List.of(referral.providerName()), "/referrals/" + referral.id()));
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::date).reversed());
        return entries;
    }
}
