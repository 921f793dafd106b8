package org.reach.accounts;

import java.time.Instant;

/** A personal API token as listed to its owner: only its prefix is known after creation. */
public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                       Instant revokedAt) {

    public boolean usable(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
