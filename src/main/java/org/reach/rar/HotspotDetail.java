package org.reach.rar;

import java.util.List;
import java.util.Map;

/** A hotspot with everything recorded there. */
public record HotspotDetail(Hotspot hotspot, List<Visit> visits, List<KeyInformantEstimate> keyInformants,
                            List<CaptureRecapture> captures, List<Multiplier> multipliers,
                            Map<Subgroup, Integer> reached, HotspotEstimate estimate) {
}
