package org.reach.clients;

import java.time.LocalDate;

/** A move along the continuum of care, with its date and an optional note. */
public record StageChange(CareStage stage, LocalDate date, String note) {
}
