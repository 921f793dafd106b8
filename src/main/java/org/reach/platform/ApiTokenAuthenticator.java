package org.reach.platform;

import java.util.Optional;

/** Turns a personal API token into the person it belongs to, if the token is valid and not revoked. */
public interface ApiTokenAuthenticator {

    Optional<Authenticated> authenticate(String rawToken);

    /** The person and the token that vouched for them. */
    record Authenticated(ReachUser user, BearerToken token) {
    }
}
