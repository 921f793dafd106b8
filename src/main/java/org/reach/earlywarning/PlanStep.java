package org.reach.earlywarning;

import java.time.Instant;
import java.time.LocalDate;

/** One item of a contingency plan started for an alert: what, who, by when, and when it was done. */
public record PlanStep(long id, long alertId, int position, String what, String who, LocalDate dueOn, Instant doneAt) {

    public boolean done() {
        return doneAt != null;
    }
}
