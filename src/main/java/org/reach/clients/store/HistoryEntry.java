package org.reach.clients.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored status or stage change: the new value's name, its date, reason or note, who and when. The store leaves
 * the recorder's name out (accounts keep the names); the registry adds it where a history table shows it.
 */
public record HistoryEntry(long id, String value, LocalDate date, String text, Long recordedBy, String recordedByName,
                           Instant recordedAt) {

    public HistoryEntry withRecordedByName(String name) {
        return new HistoryEntry(id, value, date, text, recordedBy, name, recordedAt);
    }
}
