package org.reach.rar;

import java.time.LocalDate;

/** Two rounds of marked contacts at a hotspot: n1 marked, n2 met in round two, m of whom were marked. */
public record CaptureRecapture(long id, long hotspotId, LocalDate firstRound, LocalDate secondRound, int marked,
                               int secondSample, int recaptured) {
}
