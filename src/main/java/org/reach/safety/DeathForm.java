package org.reach.safety;

import java.time.LocalDate;

/**
 * A death as recorded or corrected: whose (client id or code), when, where, the coded cause and who told, the
 * overdose report it followed if any, and an optional verbal autopsy: four structured questions and a short note
 * without names.
 */
public record DeathForm(Long clientId, String clientCode, LocalDate diedOn, String place, String cause, String source,
                        Long overdoseReportId, String alone, String illBefore, String soughtCare, String recentlyReleased,
                        String notes) {
}
