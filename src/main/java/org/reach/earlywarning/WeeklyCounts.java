package org.reach.earlywarning;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A weekly count the early warning watches: drug reports with an adulterant, new substances, and overdoses
 * from the safety capability. Any capability may offer one as a Spring bean; the detectors run over every series
 * for every city of an organisation. Weeks start on Monday.
 */
public interface WeeklyCounts {

    /** Stable name, unique across Reach (e.g. {@code adulterant.FENTANYL}); alerts and plans are kept under it. */
    String name();

    /** The message key naming the series in the reader's language. */
    String messageKey();

    /**
     * Counts for {@code weeks} weeks starting on the Monday {@code firstWeek}, of one organisation and, unless
     * {@code city} is null, one city. Counts are whole and not negative.
     */
    int[] counts(long organisationId, String city, LocalDate firstWeek, int weeks);

    /**
     * The first day this series knows of for the organisation: the detectors read the weeks before it as unknown
     * (NA), not zero. Empty: the day of the organisation's first drug report, as for the early warning's own series.
     */
    default Optional<LocalDate> firstDay(long organisationId) {
        return Optional.empty();
    }

    /** Cities this series may count in besides those the organisation reports drugs from. */
    default Set<String> cities(long organisationId) {
        return Set.of();
    }
}
