package org.reach.clients;

import java.time.Instant;

/**
 * Two records of one person made one: the merged record's history now belongs to the survivor, and the merged record
 * is hidden from lists and counts (its code opens the survivor). Undone when {@code undoneAt} is set.
 */
public record ClientMerge(long id, long organisationId, long survivorId, String survivorCode, long mergedId,
                          String mergedCode, String reason, String mergedBy, Instant mergedAt, String undoneBy,
                          Instant undoneAt) {

    public boolean isUndone() {
        return undoneAt != null;
    }
}
