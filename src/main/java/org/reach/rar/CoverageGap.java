package org.reach.rar;

import org.reach.indicators.SmallCellSuppression;

/**
 * Estimated size of one subgroup at one hotspot against the clients reached there, with where that number
 * comes from and the distance to the nearest service site. Coverage is null when no size could be estimated.
 * When the count of people reached is withheld ({@code suppressed}), so are the gap and the coverage that would
 * give it back, and {@code marker} says how it is shown: "&lt;5" for a count of 1 to 4, "*" for a count hidden so
 * that a small one cannot be worked out.
 */
public record CoverageGap(long hotspotId, String hotspot, String district, Subgroup subgroup, Long estimated,
                          Integer reached, ReachSource source, Long gap, Double coverage, Double distanceKm,
                          String nearestSite, boolean suppressed, String marker) {

    /** The same gap with its count of people reached withheld. */
    CoverageGap withheld() {
        String shownAs = reached != null && SmallCellSuppression.isSmall(reached) ? SmallCellSuppression.SMALL
                : SmallCellSuppression.HIDDEN;
        return new CoverageGap(hotspotId, hotspot, district, subgroup, estimated, null, source, null, null, distanceKm,
                nearestSite, true, shownAs);
    }
}
