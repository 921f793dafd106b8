package org.reach.accounts;

import java.util.Set;

import org.reach.platform.Role;

/** What a manager enters to create or change an account. The username cannot change after creation. */
public record AccountForm(String username, String displayName, Long organisationId, Long programmeId, Set<Role> roles,
                          Set<Long> siteIds, String language) {

    public AccountForm {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        siteIds = siteIds == null ? Set.of() : Set.copyOf(siteIds);
    }

    public static AccountForm of(UserAccount account) {
        return new AccountForm(account.username(), account.displayName(), account.organisationId(),
                account.programmeId(), account.roles(), account.siteIds(), account.language());
    }

    public static AccountForm inOrganisation(Long organisationId) {
        return new AccountForm("", "", organisationId, null, Set.of(), Set.of(), "en");
    }
}
