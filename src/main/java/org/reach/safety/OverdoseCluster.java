package org.reach.safety;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * Three or more overdoses at one hotspot (or at one site when no hotspot is named) within 72 hours.
 *
 * @param hotspot the hotspot as first written, or null for a site's cluster
 * @param siteIds the sites the reports were made at (for whom to alert)
 */
public record OverdoseCluster(String hotspot, Long siteId, LocalDateTime first, LocalDateTime last,
                              List<Long> reportIds, Set<Long> siteIds) {

    public OverdoseCluster {
        reportIds = List.copyOf(reportIds);
        siteIds = Set.copyOf(siteIds);
    }

    public int size() {
        return reportIds.size();
    }
}
