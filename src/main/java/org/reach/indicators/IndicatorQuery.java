package org.reach.indicators;

import java.time.LocalDate;
import java.util.Locale;

import org.reach.platform.InvalidInput;

/** Reads the period and disaggregation parameters pages and the API share. */
public final class IndicatorQuery {

    private IndicatorQuery() {
    }

    /**
     * The period named, or the last complete quarter when none is: the current quarter counts only the days that
     * have happened, which an M&E officer opening the dashboard early in a quarter must not take for the quarter.
     */
    public static Period period(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return lastCompleteQuarter(today);
        }
        Period period = Period.parse(text);
        if (period == null) {
            throw InvalidInput.of("period", "indicators.error.period");
        }
        return period;
    }

    public static Period currentQuarter(LocalDate today) {
        return Period.quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
    }

    public static Period lastCompleteQuarter(LocalDate today) {
        LocalDate before = currentQuarter(today).start().minusDays(1);
        return Period.quarter(before.getYear(), (before.getMonthValue() - 1) / 3 + 1);
    }

    /** A custom range from two dates, or the period text when either is missing. */
    public static Period period(String text, LocalDate from, LocalDate to, LocalDate today) {
        if (from != null && to != null) {
            return period(from + ".." + to, today);
        }
        return period(text, today);
    }

    public static Disaggregation disaggregation(String text) {
        if (text == null || text.isBlank()) {
            return Disaggregation.NONE;
        }
        try {
            return Disaggregation.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("disaggregation", "indicators.error.disaggregation");
        }
    }
}
