package org.reach.rar;

import java.util.List;

/** The estimates of every hotspot of an assessment, rolled up per district and for the whole area. */
public record SizeEstimates(List<HotspotEstimate> hotspots, List<AreaEstimate> areas, AreaEstimate total) {
}
