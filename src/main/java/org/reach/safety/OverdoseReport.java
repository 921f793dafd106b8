package org.reach.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import org.reach.clients.Gender;

/**
 * A stored overdose report. The person is a client (by id) or anonymous with sex and age band; naloxone was given
 * when doses are above zero, from a distributed kit when {@code naloxoneFromKit}, and the kit was a client's own when
 * {@code kitHolderClientId} names one (otherwise the reporting peer's outreach stock). The point's GPS accuracy is in
 * metres; {@code imprecise} when it is worse than the configured threshold ({@link org.reach.platform.GpsAccuracy}).
 */
public record OverdoseReport(long id, String uuid, long organisationId, LocalDateTime occurredAt, Long siteId,
                             String hotspot, Double latitude, Double longitude, Double gpsAccuracy, Long clientId,
                             Gender sex, AgeBand ageBand, Set<Substance> substances, Set<Sign> signs,
                             int naloxoneDoses, Set<NaloxoneGiver> naloxoneGivers, boolean naloxoneFromKit,
                             Long kitHolderClientId, Set<Response> responses, Outcome outcome, String notes,
                             long reportedBy, LocalDate followUpOn, FollowUpResult followUpResult, Instant createdAt,
                             boolean imprecise) {

    public OverdoseReport {
        substances = Set.copyOf(substances);
        signs = Set.copyOf(signs);
        naloxoneGivers = Set.copyOf(naloxoneGivers);
        responses = Set.copyOf(responses);
    }

    public boolean naloxoneGiven() {
        return naloxoneDoses > 0;
    }

    /** Survived (at home or in hospital) after naloxone: an overdose reversed. */
    public boolean reversed() {
        return naloxoneGiven() && (outcome == Outcome.SURVIVED || outcome == Outcome.HOSPITALISED);
    }

    /** A distributed kit was used: naloxone given by a peer or a bystander from a kit. */
    public boolean kitUsed() {
        return naloxoneGiven() && naloxoneFromKit
                && (naloxoneGivers.contains(NaloxoneGiver.PEER) || naloxoneGivers.contains(NaloxoneGiver.BYSTANDER));
    }

    /** Someone who lived is to be contacted within 72 hours; nobody is to be followed after a death. */
    public boolean awaitsFollowUp() {
        return followUpOn == null && outcome != Outcome.DIED;
    }
}
