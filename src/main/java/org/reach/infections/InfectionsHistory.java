package org.reach.infections;

import java.util.ArrayList;
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

/** Puts a client's infection records on their timeline, each linking to the client's infections panel. */
@Component
class InfectionsHistory implements ClientHistory {

    private final Infections infections;
    private final MessageSource messages;

    InfectionsHistory(Infections infections, MessageSource messages) {
        this.infections = infections;
        this.messages = messages;
    }

    @Override
    @Transactional
    public List<TimelineEntry> timeline(ReachUser actor, Client client) {
        if (!infections.mayRead(actor) || !actor.isMemberOf(client.organisationId())) {
            return List.of();
        }
        List<TimelineEntry> entries = new ArrayList<>();
        String href = "/infections/clients/" + client.id();
        for (InfectionRecord r : infections.ofClient(actor, client.id()).records()) {
            entries.add(new TimelineEntry(r.date(), "infection", "timeline.infection",
                    List.of(text(r.kind().messageKey()), r.result() == null ? "" : text(r.kind().codeKey(r.result()))),
                    href));
        }
        return entries;
    }

    /** In the reader's language: the timeline shows arguments as they are. */
    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}
