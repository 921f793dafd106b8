package org.reach.earlywarning.detection;

/**
 * One week a detector judged: its 1-based position in the series, the count, the upper bound ({@code NaN} where R
 * gives {@code NA}) and the alarm ({@code null} where R gives {@code NA}).
 */
public record Signal(int week, double observed, double upperbound, Boolean alarm) {

    public boolean alarmed() {
        return Boolean.TRUE.equals(alarm);
    }
}
