package org.reach.followup;

import java.time.LocalDate;

import org.reach.clients.Gender;

/**
 * The receiving side's confirmation: the day the person arrived and either an existing client of the receiving
 * organisation to link, or a registration from the shared code (or the code on the person's card) and the sex
 * they state on arrival.
 */
public record ArrivalForm(LocalDate arrivedOn, Long existingClientId, String code, Gender gender) {
}
