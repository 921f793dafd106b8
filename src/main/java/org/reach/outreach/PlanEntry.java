package org.reach.outreach;

import java.time.DayOfWeek;

/** A peer's assignment to a hotspot on one day of the week, planned at a site. */
public record PlanEntry(long id, long organisationId, long siteId, long peerId, long hotspotId, DayOfWeek weekday) {
}
