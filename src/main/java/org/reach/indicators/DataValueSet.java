package org.reach.indicators;

import java.util.List;

/**
 * A DHIS2 {@code dataValueSets} payload ({@link #payload()} is what is sent). Every mapped value that is not sent is
 * in {@code leftOut} with the reason, so a dry run can say which values DHIS2 will not get and why.
 */
public record DataValueSet(List<DataValue> dataValues, List<LeftOut> leftOut) {

    public DataValueSet {
        dataValues = List.copyOf(dataValues);
        leftOut = List.copyOf(leftOut);
    }

    public record DataValue(String dataElement, String period, String orgUnit, String categoryOptionCombo, String value) {
    }

    /** Why a mapped value is not sent. */
    public enum Reason {
        /** A small count, or a cell hidden so that a small count cannot be worked out. */
        SUPPRESSED,
        /** The breakdown has no such category in the period (a city or hotspot with nobody, or a misspelt one). */
        NO_SUCH_CATEGORY,
        /** The indicator has no value, e.g. a rate without a denominator. */
        NO_VALUE;

        public String messageKey() {
            return "indicators.dhis2.leftOut." + name();
        }
    }

    public record LeftOut(String dataElement, String categoryOptionCombo, String indicatorCode,
                          Disaggregation disaggregation, String category, Reason reason) {
    }

    /** How many mapped values are not sent. */
    public int withheld() {
        return leftOut.size();
    }

    /** Exactly the DHIS2 shape: {@code {"dataValues": [...]}}. */
    public java.util.Map<String, List<DataValue>> payload() {
        return java.util.Map.of("dataValues", dataValues);
    }
}
