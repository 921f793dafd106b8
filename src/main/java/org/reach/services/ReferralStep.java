package org.reach.services;

import java.time.LocalDate;

/** Accepting, completing or failing a referral: the date it happened and an optional outcome note. */
public record ReferralStep(LocalDate date, String note) {
}
