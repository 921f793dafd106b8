package org.reach.clients;

import java.time.LocalDate;
import java.util.List;

/**
 * One line on a client's timeline: what happened on which day, as a message key with arguments so it
 * shows in the reader's language, and an optional link to the record.
 */
public record TimelineEntry(LocalDate date, String kind, String messageKey, List<Object> arguments, String href) {

    public TimelineEntry {
        arguments = List.copyOf(arguments);
    }
}
