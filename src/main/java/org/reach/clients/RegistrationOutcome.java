package org.reach.clients;

import java.util.List;

/**
 * What a registration did: opened an existing client (exact code match or a confirmed near match),
 * created a new one, or stopped because the code is close to existing codes and a person must decide.
 */
public record RegistrationOutcome(Kind kind, String code, Client client, List<NearMatchCandidate> nearMatches) {

    public enum Kind { EXISTING, CREATED, NEEDS_DECISION }

    public RegistrationOutcome {
        nearMatches = nearMatches == null ? List.of() : List.copyOf(nearMatches);
    }

    static RegistrationOutcome existing(Client client) {
        return new RegistrationOutcome(Kind.EXISTING, client.uic(), client, List.of());
    }

    static RegistrationOutcome created(Client client) {
        return new RegistrationOutcome(Kind.CREATED, client.uic(), client, List.of());
    }

    static RegistrationOutcome needsDecision(String code, List<NearMatchCandidate> nearMatches) {
        return new RegistrationOutcome(Kind.NEEDS_DECISION, code, null, nearMatches);
    }
}
