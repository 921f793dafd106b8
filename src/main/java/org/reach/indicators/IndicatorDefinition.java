package org.reach.indicators;

import java.util.List;

/**
 * One indicator as stored: what is counted, against what, in which unit, which breakdowns make sense and
 * the coverage bands (below {@code bandLow} low, from {@code bandHigh} high, medium between).
 */
public record IndicatorDefinition(String code, String nameKey, String numerator, String denominator, IndicatorUnit unit,
                                  String periodType, List<Disaggregation> disaggregations, Double bandLow,
                                  Double bandHigh, Double target, String source) {

    public Band band(Double value) {
        if (value == null || bandLow == null || bandHigh == null) {
            return Band.NONE;
        }
        if (value < bandLow) {
            return Band.LOW;
        }
        return value >= bandHigh ? Band.HIGH : Band.MEDIUM;
    }

    /**
     * The message key of the numerator's description in the reader's language; the stored description is the
     * English one, shown where a language has no translation.
     */
    public String numeratorKey() {
        return nameKey + ".numerator";
    }

    /** The message key of the denominator's description; see {@link #numeratorKey()}. */
    public String denominatorKey() {
        return nameKey + ".denominator";
    }

    public boolean hasBands() {
        return bandLow != null && bandHigh != null;
    }
}
