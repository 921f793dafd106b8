package org.reach.services;

/** The outcome of making one referral: the stored referral and whether it is new (false: its uuid came before). */
public record RecordedReferral(Referral referral, boolean created) {
}
