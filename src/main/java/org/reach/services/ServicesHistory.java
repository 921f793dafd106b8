package org.reach.services;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.reach.clients.Client;
import org.reach.clients.ClientHistory;
import org.reach.clients.TimelineEntry;
import org.reach.platform.ReachUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts a client's encounters and referrals on their timeline in the registry. */
@Component
class ServicesHistory implements ClientHistory {

    private final Encounters encounters;
    private final Referrals referrals;
    private final MessageSource messages;

    ServicesHistory(Encounters encounters, Referrals referrals, MessageSource messages) {
        this.encounters = encounters;
        this.referrals = referrals;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(ReachUser actor, Client client) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Encounter encounter : encounters.ofClient(actor, client)) {
            entries.add(new TimelineEntry(encounter.date(), "encounter", "timeline.encounter",
                    List.of(encounter.services().size(), serviceNames(encounter)), "/encounters/" + encounter.id()));
        }
        for (Referral referral : referrals.ofClient(actor, client)) {
            // newest step first, so steps taken on the same day keep their order once sorted by date
            String href = "/referrals/" + referral.id();
            List<Object> provider = List.of(referral.providerName());
            if (referral.closedOn() != null) {
                entries.add(new TimelineEntry(referral.closedOn(), "referral",
                        referral.status() == ReferralStatus.COMPLETED ? "timeline.referralCompleted" : "timeline.referralFailed",
                        provider, href));
            }
            if (referral.acceptedOn() != null) {
                entries.add(new TimelineEntry(referral.acceptedOn(), "referral", "timeline.referralAccepted", provider, href));
            }
            entries.add(new TimelineEntry(referral.madeOn(), "referral", "timeline.referralMade", provider, href));
        }
        entries.sort(Comparator.comparing(TimelineEntry::date).reversed());
        encounters.elsewhere(actor, client).forEach((site, count) -> entries.add(
                new TimelineEntry(null, "elsewhere", "timeline.elsewhere", List.of(count, site), null)));
        return entries;
    }

    /** The services given, in the reader's language: custom services by their name, built-in ones by key. */
    private String serviceNames(Encounter encounter) {
        Locale locale = LocaleContextHolder.getLocale();
        return encounter.services().stream()
                .map(s -> s.name() != null ? s.name() : messages.getMessage(s.messageKey(), null, s.code(), locale))
                .reduce((list, next) -> messages.getMessage("timeline.serviceList", new Object[] {list, next}, locale))
                .orElse("");
    }
}
