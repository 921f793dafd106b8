package org.reach.indicators;

/** Where one indicator category goes in DHIS2; category {@code TOTAL} for the indicator's total. */
public record Dhis2Mapping(long id, long organisationId, String indicatorCode, Disaggregation disaggregation,
                           String category, String dataElement, String categoryOptionCombo, String orgUnit) {
}
