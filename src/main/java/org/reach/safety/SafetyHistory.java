package org.reach.safety;

import java.util.ArrayList;
import java.util.List;

import org.reach.clients.Client;
import org.reach.clients.ClientHistory;
import org.reach.clients.TimelineEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts a client's overdoses and death on their timeline in the registry, linking to the records. */
@Component
class SafetyHistory implements ClientHistory {

    private final Overdoses overdoses;
    private final Deaths deaths;

    SafetyHistory(Overdoses overdoses, Deaths deaths) {
        this.overdoses = overdoses;
        this.deaths = deaths;
    }

    @Override
    @Transactional
    public List<TimelineEntry> timeline(ReachUser actor, Client client) {
        if (!overdoses.mayRead(actor) || !actor.isMemberOf(client.organisationId())) {
            return List.of();
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (OverdoseReport report : overdoses.ofClient(actor, client)) {
            if (report.clientId() != null && report.clientId() == client.id()) {
                entries.add(new TimelineEntry(report.occurredAt().toLocalDate(), "overdose", "timeline.overdose",
                        List.of(report.naloxoneDoses()), "/safety/overdoses/" + report.id()));
            } else {
                entries.add(new TimelineEntry(report.occurredAt().toLocalDate(), "overdose", "timeline.kitUsed",
                        List.of(), "/safety/overdoses/" + report.id()));
            }
        }
        deaths.ofClient(actor, client).ifPresent(death -> entries.add(new TimelineEntry(death.diedOn(), "death",
                "timeline.death", List.of(), "/safety/deaths/" + death.id())));
        return entries;
    }
}
