package org.reach.rar;

/** The sum of the best estimates of the hotspots in one district, with the sum of their ranges. */
public record AreaEstimate(String district, int hotspots, int estimated, long point, long low, long high) {
}
