package org.reach.services;

import java.time.LocalDate;

/** How much of one service an encounter gave, where, by whom and to whom (null: an anonymous person). */
public record QuantityGiven(Long clientId, long organisationId, Long siteId, String hotspot, long workerId,
                            LocalDate date, int quantity) {
}
