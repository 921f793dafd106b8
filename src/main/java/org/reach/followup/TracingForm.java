package org.reach.followup;

import java.time.LocalDate;

/** A tracing attempt as entered: {@code movedToCity} only with the outcome "moved to another city". */
public record TracingForm(Long clientId, TracingMethod method, LocalDate date, TracingOutcome outcome,
                          String movedToCity, String note) {
}
