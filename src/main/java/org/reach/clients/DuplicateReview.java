package org.reach.clients;

import java.time.LocalDate;

/** A possible duplicate pair of one organisation, side by side as the registry holds them, with the linkage score. */
public record DuplicateReview(int scorePercent, Side first, Side second) {

    /** One record of the pair: what a manager compares before choosing which record survives. */
    public record Side(long clientId, String code, Gender gender, Integer birthYear, String site, ClientStatus status,
                       LocalDate firstContact, LocalDate lastContact, int encounters) {
    }
}
