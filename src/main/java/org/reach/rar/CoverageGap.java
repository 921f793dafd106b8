package org.reach.rar;

/**
 * Estimated size of one subgroup at one hotspot against the clients reached there, with where that number
 * comes from and the distance to the nearest service site. Coverage is null when no size could be estimated.
 */
public record CoverageGap(long hotspotId, String hotspot, String district, Subgroup subgroup, Long estimated,
                          int reached, ReachSource source, Long gap, Double coverage, Double distanceKm,
                          String nearestSite) {
}
