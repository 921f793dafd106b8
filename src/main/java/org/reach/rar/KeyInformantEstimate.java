package org.reach.rar;

/** What one key informant (described by role, never by name) thinks the fewest and most people at a hotspot are. */
public record KeyInformantEstimate(long id, long hotspotId, String informant, int minimum, int maximum) {
}
