package org.reach.indicators;

/** A DHIS2 mapping as entered. */
public record Dhis2MappingForm(Long organisationId, String indicatorCode, Disaggregation disaggregation, String category,
                               String dataElement, String categoryOptionCombo, String orgUnit) {
}
