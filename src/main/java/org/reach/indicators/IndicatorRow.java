package org.reach.indicators;

/**
 * One category of an indicator table as it may leave the system: numerator and denominator as text
 * ("&lt;5" for a small count, "*" for a count hidden so that a small one cannot be derived), the value
 * only when neither is hidden.
 */
public record IndicatorRow(String category, String label, String numerator, String denominator, Double value, Band band,
                           boolean suppressed) {
}
