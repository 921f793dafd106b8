package org.reach.field;

import java.time.Instant;

/** A phone enrolled for the field app by one peer. The token itself is never kept, only its hash and first letters. */
public record FieldDevice(long id, long organisationId, long userId, String label, String tokenPrefix,
                          Instant enrolledAt, Instant expiresAt, Instant lastSeenAt, Instant revokedAt, Long revokedBy,
                          Instant wipeToldAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean usable(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
