package org.reach.rar;

/**
 * Estimated size of one subgroup at one hotspot against the clients reached there, with where that number
 * comes from and the distance to the nearest service site. Coverage is null when no size could be estimated.
 */
public record CoverageGap(long hotspotId, String hotspot, String district, Subgroup subgroup, Long estimated,
                          Integer reached, ReachSource source, Long gap, Double coverage, Double distanceKm,
                          String nearestSite, boolean suppressed) {

    /**
     * The same gap for a reader without access to the organisation's clients (a coordinator): a registry count of
     * 1 to 4 people is withheld, with the gap and coverage that would give it away.
     */
    CoverageGap withoutSmallRegistryCount() {
        if (source != ReachSource.REGISTRY || reached == null || reached < 1 || reached > 4) {
            return this;
        }
        return new CoverageGap(hotspotId, hotspot, district, subgroup, estimated, null, source, null, null, distanceKm,
                nearestSite, true);
    }
}
