package org.reach.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A password reset in a manager's organisation done by someone else, as announced on the manager's start
 * page; {@code awaitingHandover} when the manager is to issue the one-time password.
 */
public record PasswordResetNotice(long id, long accountId, String username, String resetBy, Instant resetAt,
                                  boolean awaitingHandover) {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String resetAtUtc() {
        return MINUTES.format(resetAt);
    }
}
