package org.reach.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reporting period: a month, a quarter, a year or a custom range of days, both ends included. */
public record Period(Type type, LocalDate start, LocalDate end) {

    public enum Type { MONTH, QUARTER, YEAR, CUSTOM }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-?(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");
    public static final int MAX_DAYS = 3 * 366;

    public static Period month(int year, int month) {
        YearMonth ym = YearMonth.of(year, month);
        return new Period(Type.MONTH, ym.atDay(1), ym.atEndOfMonth());
    }

    public static Period quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(Type.QUARTER, start, start.plusMonths(3).minusDays(1));
    }

    public static Period year(int year) {
        return new Period(Type.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * Reads {@code 2026-04} or {@code 202604}, {@code 2026Q2}, {@code 2026}, or {@code 2026-01-10..2026-02-20};
     * null when the text is none of these or the range is backwards or longer than three years.
     */
    public static Period parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        try {
            Matcher m;
            if ((m = RANGE.matcher(t)).matches()) {
                LocalDate from = LocalDate.parse(m.group(1));
                LocalDate to = LocalDate.parse(m.group(2));
                if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
                    return null;
                }
                return new Period(Type.CUSTOM, from, to);
            }
            if ((m = QUARTER.matcher(t)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = YEAR.matcher(t)).matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
            if ((m = MONTH.matcher(t)).matches()) {
                return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The text {@link #parse} reads back. */
    public String code() {
        return switch (type) {
            case MONTH -> YearMonth.from(start).toString();
            case QUARTER -> start.getYear() + "Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(start.getYear());
            case CUSTOM -> start + ".." + end;
        };
    }

    /** The DHIS2 period: {@code 202604}, {@code 2026Q2}, {@code 2026}; custom ranges have none. */
    public String dhis2() {
        return switch (type) {
            case MONTH -> String.format("%d%02d", start.getYear(), start.getMonthValue());
            case QUARTER, YEAR -> code();
            case CUSTOM -> null;
        };
    }

    /** The last day of the whole month, quarter or year; a custom range ends where it says. */
    public LocalDate naturalEnd() {
        return switch (type) {
            case MONTH -> YearMonth.from(start).atEndOfMonth();
            case QUARTER -> start.plusMonths(3).minusDays(1);
            case YEAR -> LocalDate.of(start.getYear(), 12, 31);
            case CUSTOM -> end;
        };
    }

    /** A month, quarter or year that has not ended yet and is counted up to a day inside it ("to date"). */
    public boolean toDate() {
        return type != Type.CUSTOM && end.isBefore(naturalEnd());
    }

    /**
     * The period counted up to {@code day} when it has not ended by then: census days, annualisation and months
     * reached use the days that have happened, not days still to come. Null when the period starts after the day.
     */
    public Period upTo(LocalDate day) {
        if (start.isAfter(day)) {
            return null;
        }
        return end.isAfter(day) ? new Period(type, start, day) : this;
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** The calendar months the period touches, each cut to the period. */
    public List<Period> months() {
        List<Period> months = new ArrayList<>();
        YearMonth ym = YearMonth.from(start);
        while (!ym.atDay(1).isAfter(end)) {
            LocalDate from = ym.atDay(1).isBefore(start) ? start : ym.atDay(1);
            LocalDate to = ym.atEndOfMonth().isAfter(end) ? end : ym.atEndOfMonth();
            boolean whole = from.equals(ym.atDay(1)) && to.equals(ym.atEndOfMonth());
            months.add(whole ? month(ym.getYear(), ym.getMonthValue()) : new Period(Type.CUSTOM, from, to));
            ym = ym.plusMonths(1);
        }
        return months;
    }

    /** The same period moved back by some months (for cohorts). */
    public Period minusMonths(int months) {
        return new Period(Type.CUSTOM, start.minusMonths(months), end.minusMonths(months));
    }
}
