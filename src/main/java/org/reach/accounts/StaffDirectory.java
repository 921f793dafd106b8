package org.reach.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.reach.accounts.store.UserAccounts;
import org.reach.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff by name, for other capabilities: who recorded a change, who may be a client's peer educator, who may join an
 * assessment team. Only identifiers, display names and organisations leave here; the caller decides who may see
 * them, and the accounts tables stay this capability's own.
 */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

    private final UserAccounts accounts;

    StaffDirectory(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** Display names by account id; an id without an account is left out. */
    public Map<Long, String> displayNames(Collection<Long> accountIds) {
        return accounts.displayNames(accountIds);
    }

    public Optional<String> displayName(long accountId) {
        return Optional.ofNullable(displayNames(List.of(accountId)).get(accountId));
    }

    /** Whether the account, active or not, belongs to the organisation. */
    public boolean isMemberOf(long accountId, long organisationId) {
        return accounts.isMemberOf(accountId, organisationId);
    }

    /** Active staff of the organisations holding one of the roles, ordered by display name. */
    public List<StaffMember> active(Collection<Long> organisationIds, Set<Role> roles) {
        return accounts.active(organisationIds, roles, null, Set.of());
    }

    /**
     * Active staff holding one of {@code organisationRoles} in one of the organisations, or one of
     * {@code programmeRoles} at the level of the programme (coordinators), ordered by display name, each once.
     */
    public List<StaffMember> active(Collection<Long> organisationIds, Set<Role> organisationRoles, long programmeId,
                                    Set<Role> programmeRoles) {
        return accounts.active(organisationIds, organisationRoles, programmeId, programmeRoles);
    }
}
