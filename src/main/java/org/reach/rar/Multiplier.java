package org.reach.rar;

/**
 * A benchmark for the multiplier method: how many people a service counted, and how many of the survey's
 * respondents at the hotspot said they used that service.
 */
public record Multiplier(long id, long hotspotId, String service, int serviceCount, int respondents, int users) {
}
