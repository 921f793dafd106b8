package org.reach.linkage;

import java.time.Instant;

/**
 * One linkage run of a programme as a coordinator sees it: when, how many encodings were compared and how many
 * comparisons that took, and the thresholds used. No client and no count of linked people (those go through the
 * indicators, with small-cell suppression).
 */
public record LinkageRun(long id, Instant startedAt, Instant finishedAt, int encodings, long comparisons,
                         int fullThresholdPercent, int basicThresholdPercent) {

    public long seconds() {
        return Math.max(0, finishedAt.getEpochSecond() - startedAt.getEpochSecond());
    }
}
