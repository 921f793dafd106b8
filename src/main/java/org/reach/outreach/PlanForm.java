package org.reach.outreach;

import java.time.DayOfWeek;

/** Puts a peer on a hotspot on a day of the week. */
public record PlanForm(Long siteId, Long peerId, Long hotspotId, DayOfWeek weekday) {
}
