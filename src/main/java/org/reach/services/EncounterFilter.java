package org.reach.services;

import java.time.LocalDate;

public record EncounterFilter(LocalDate from, LocalDate to, Long siteId, Long clientId) {
}
