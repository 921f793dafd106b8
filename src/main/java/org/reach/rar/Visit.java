package org.reach.rar;

import java.time.LocalDate;

/** One visit to a hotspot with the people counted there, in total and by subgroup. */
public record Visit(long id, long hotspotId, LocalDate visitedOn, TimeOfDay timeOfDay, int total, int injecting,
                    int nonInjecting, int women, int youth, int transgender) {
}
