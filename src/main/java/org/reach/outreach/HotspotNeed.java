package org.reach.outreach;

import java.util.List;

/**
 * What a hotspot needs against what was given: people estimated there (all, and who inject), syringes needed per
 * month (people who inject × injections per day × days), syringes handed out there by sessions in the last 30
 * days, and the gap (never below zero). Sizes are null when the hotspot has no estimate; then so is the need.
 */
public record HotspotNeed(long hotspotId, String hotspot, Long estimatedPeople, Long estimatedInjecting,
                          Long syringesNeeded, long syringesGiven, Long gap, List<Long> peerIds) {

    public HotspotNeed {
        peerIds = List.copyOf(peerIds);
    }
}
