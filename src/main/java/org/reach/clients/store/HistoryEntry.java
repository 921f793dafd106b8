package org.reach.clients.store;

import java.time.Instant;
import java.time.LocalDate;

/** One stored status or stage change: the new value's name, its date, reason or note, who and when. */
public record HistoryEntry(long id, String value, LocalDate date, String text, Long recordedBy, String recordedByName,
                           Instant recordedAt) {
}
