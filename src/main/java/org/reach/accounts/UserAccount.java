package org.reach.accounts;

import java.util.Set;

import org.reach.platform.Role;

/** A staff account as managers see it. The password hash never leaves the accounts store. */
public record UserAccount(long id, String username, String displayName, Long organisationId, Long programmeId,
                          Set<Role> roles, Set<Long> siteIds, String language, boolean active, boolean locked,
                          boolean passwordChangeRequired) {

    public UserAccount {
        roles = Set.copyOf(roles);
        siteIds = Set.copyOf(siteIds);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
