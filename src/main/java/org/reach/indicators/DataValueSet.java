package org.reach.indicators;

import java.util.List;

/**
 * A DHIS2 {@code dataValueSets} payload ({@link #payload()} is what is sent); suppressed values are left
 * out and counted in {@code withheld}.
 */
public record DataValueSet(List<DataValue> dataValues, int withheld) {

    public record DataValue(String dataElement, String period, String orgUnit, String categoryOptionCombo, String value) {
    }

    /** Exactly the DHIS2 shape: {@code {"dataValues": [...]}}. */
    public java.util.Map<String, List<DataValue>> payload() {
        return java.util.Map.of("dataValues", dataValues);
    }
}
