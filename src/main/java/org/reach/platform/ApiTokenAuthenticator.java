package org.reach.platform;

import java.util.Optional;

/**
 * Turns a bearer token into the person it belongs to, if the token is valid and not revoked. Personal API tokens and
 * the field app's device tokens each have one; every one is asked in turn.
 */
public interface ApiTokenAuthenticator {

    Optional<Authenticated> authenticate(String rawToken);

    /**
     * Why a token this authenticator knows is refused, when the caller should be told more than "unauthorised": the
     * name of a problem type (e.g. {@code device-revoked}, which makes the field app wipe its local data).
     */
    default Optional<String> refusal(String rawToken) {
        return Optional.empty();
    }

    /** The person and what vouched for them: a {@link BearerToken} or a {@link DeviceCredential}. */
    record Authenticated(ReachUser user, Object credential) {
    }
}
