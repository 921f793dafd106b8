package org.reach.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.reach.clients.Gender;

/** A stored outreach session; the services known clients received are the linked encounters. */
public record OutreachSession(long id, String uuid, long organisationId, long siteId, Long hotspotId, String hotspotName,
                              OutreachSetting setting, LocalDate date, LocalTime start, LocalTime end, List<Long> peerIds,
                              List<Contacts> contacts, List<Served> served, int needlesSyringes, int condoms,
                              int naloxone, int foilPipes, int informationMaterial, Integer returnedSyringes,
                              Integer returnedWeightGrams, int referrals, List<Observed> incidents,
                              String formVersion, long createdBy, Instant createdAt) {

    public OutreachSession {
        peerIds = List.copyOf(peerIds);
        contacts = List.copyOf(contacts);
        served = List.copyOf(served);
        incidents = List.copyOf(incidents);
    }

    public record Contacts(Gender sex, AgeBand ageBand, int people) {
    }

    /** A known client served, and the encounter that holds what they received. */
    public record Served(long encounterId, long clientId) {
    }

    public record Observed(Incident code, int times) {
    }

    public int anonymousContacts() {
        return contacts.stream().mapToInt(Contacts::people).sum();
    }

    /** Everyone the session counted: people without a code and known clients, each known client once. */
    public int peopleCounted() {
        return anonymousContacts() + (int) served.stream().map(Served::clientId).distinct().count();
    }
}
