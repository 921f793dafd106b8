package org.reach.clients;

import java.time.LocalDate;

import org.reach.clients.uic.NearMatch;

/** An existing client whose code is close to a new one, with what a person needs to decide. */
public record NearMatchCandidate(long clientId, String code, NearMatch.Kind kind, Gender gender, Integer birthYear,
                                 String enrolmentSiteName, LocalDate firstContact) {

    public String reasonKey() {
        return kind.messageKey();
    }
}
