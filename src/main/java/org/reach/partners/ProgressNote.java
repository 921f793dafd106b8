package org.reach.partners;

import java.time.Instant;

public record ProgressNote(long id, ActionStatus status, String note, Instant recordedAt) {
}
