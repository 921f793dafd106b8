package org.reach.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person behind the current request, for code that has no controller parameter to receive it. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<ReachUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ReachUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }
}
