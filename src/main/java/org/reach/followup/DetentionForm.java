package org.reach.followup;

import java.time.LocalDate;

/** The start of a detention episode. */
public record DetentionForm(Long clientId, FacilityType facilityType, String facilityName, LocalDate startedOn,
                            LocalDate expectedRelease, OatInside oatInside) {
}
