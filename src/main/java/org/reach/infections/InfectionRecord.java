package org.reach.infections;

import java.time.Instant;
import java.time.LocalDate;

/** One stored infection record of a client; codes as in {@link InfectionKind}, notes as typed. */
public record InfectionRecord(long id, String uuid, long organisationId, long clientId, Long siteId, InfectionKind kind,
                              LocalDate date, String result, String detail, Long viralLoad, String treatment,
                              String antibiotics, LocalDate followUpOn, String notes, Instant createdAt) {
}
