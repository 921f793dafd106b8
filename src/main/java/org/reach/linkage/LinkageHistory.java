package org.reach.linkage;

import java.util.ArrayList;
import java.util.List;

import org.reach.clients.Client;
import org.reach.clients.ClientHistory;
import org.reach.clients.TimelineEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;

/**
 * Puts the linkage hints on a client's page in the registry: "probably also known at organisation X" (the other
 * organisation's name only) and "possibly the same person as <code>" for the organisation's own duplicates.
 */
@Component
class LinkageHistory implements ClientHistory {

    private final RecordLinkage linkage;

    LinkageHistory(RecordLinkage linkage) {
        this.linkage = linkage;
    }

    @Override
    public List<TimelineEntry> timeline(ReachUser actor, Client client) {
        if (!linkage.mayReadHints(actor) || !actor.isMemberOf(client.organisationId())) {
            return List.of();
        }
        ClientLinks links = linkage.linksOf(actor, client.id());
        List<TimelineEntry> entries = new ArrayList<>();
        for (String organisation : links.alsoKnownAt()) {
            entries.add(new TimelineEntry(null, "linkage", "linkage.hint.alsoKnownAt", List.of(organisation),
                    "/linkage"));
        }
        for (ClientLinks.PossibleDuplicate duplicate : links.duplicates()) {
            entries.add(new TimelineEntry(null, "linkage-duplicate", "linkage.hint.duplicate",
                    List.of(duplicate.code(), duplicate.scorePercent()), "/clients/" + duplicate.clientId()));
        }
        return entries;
    }
}
