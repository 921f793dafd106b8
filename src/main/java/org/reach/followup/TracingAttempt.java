package org.reach.followup;

import java.time.LocalDate;

/** One attempt to find a client who left care, and what it found. */
public record TracingAttempt(long id, long organisationId, long clientId, TracingMethod method, LocalDate date,
                             TracingOutcome outcome, String movedToCity, String note, long recordedBy) {
}
