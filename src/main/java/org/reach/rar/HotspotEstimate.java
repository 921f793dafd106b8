package org.reach.rar;

import java.util.List;

/** Every estimate a hotspot has, and the one used for roll-ups and the map (null when it has none). */
public record HotspotEstimate(Hotspot hotspot, List<Estimate> estimates, Estimate best) {
}
