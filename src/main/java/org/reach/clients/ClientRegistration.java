package org.reach.clients;

import java.time.LocalDate;
import java.util.Set;

import org.reach.clients.uic.UicComponents;

/**
 * A registration: either the components to build the code from (used once, never stored) or a code typed
 * from the client's code card, plus the client's programme facts. When the code is close to existing codes
 * the registry answers with the near matches, and the caller sends the same registration again with a
 * decision: {@code CONFIRMED_SAME} with {@code sameAsClientId}, or {@code REJECTED_DIFFERENT}.
 */
public record ClientRegistration(UicComponents components, String code, Gender gender, Integer birthYear,
                                 Set<KeyPopulation> keyPopulations, Drug primaryDrug, Drug secondaryDrug, Route route,
                                 Long enrolmentSiteId, String enrolmentHotspot, Long peerEducatorId,
                                 LocalDate firstContact, String alias, DuplicateDecision decision, Long sameAsClientId) {

    public ClientRegistration {
        keyPopulations = keyPopulations == null ? Set.of() : Set.copyOf(keyPopulations);
    }

    /** The same registration with the code in place of the components, for the second step. */
    public ClientRegistration withCode(String computedCode) {
        return new ClientRegistration(null, computedCode, gender, birthYear, keyPopulations, primaryDrug, secondaryDrug,
                route, enrolmentSiteId, enrolmentHotspot, peerEducatorId, firstContact, alias, decision, sameAsClientId);
    }

    @Override
    public String toString() {
        return "ClientRegistration[redacted]";
    }
}
