package org.reach.platform;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person and the scope they act in. Every capability decides access from this object in
 * its service layer, so a page or endpoint cannot widen what a person may see.
 */
public final class ReachUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Session attribute: the instant this page session signed in. */
    public static final String SESSION_SIGNED_IN_AT = "reach.signedInAt";

    private final long id;
    private final String username;
    private final String displayName;
    private final Long organisationId;
    private final Long programmeId;
    private final Set<Role> roles;
    private final Set<Long> siteIds;
    private final String language;
    private final boolean active;
    private final boolean locked;
    private final boolean passwordChangeRequired;
    private String passwordHash;

    public ReachUser(long id, String username, String displayName, Long organisationId, Long programmeId,
                     Set<Role> roles, Set<Long> siteIds, String language, boolean active, boolean locked,
                     boolean passwordChangeRequired, String passwordHash) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.organisationId = organisationId;
        this.programmeId = programmeId;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.siteIds = Set.copyOf(siteIds);
        this.language = language;
        this.active = active;
        this.locked = locked;
        this.passwordChangeRequired = passwordChangeRequired;
        this.passwordHash = passwordHash;
    }

    /** The actor for work the system does itself, such as loading demo data or the first administrator. */
    public static ReachUser system() {
        return new ReachUser(0, "system", "Reach", null, null, EnumSet.of(Role.ADMIN), Set.of(), "en",
                true, false, false, null);
    }

    public long id() { return id; }
    public String displayName() { return displayName; }
    public Long organisationId() { return organisationId; }
    public Long programmeId() { return programmeId; }
    public Set<Role> roles() { return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles); }
    public Set<Long> siteIds() { return siteIds; }
    public String language() { return language; }
    public boolean passwordChangeRequired() { return passwordChangeRequired; }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    public boolean isMemberOf(long organisation) {
        return organisationId != null && organisationId == organisation;
    }

    public boolean isAssignedTo(long site) {
        return siteIds.contains(site);
    }

    /**
     * Records work with clients (encounters, overdoses, infections, drug reports, outreach): staff of an organisation who
     * serve clients, never administrators or coordinators. The one statement of this rule for every capability.
     */
    public boolean recordsClientWork() {
        return organisationId != null
                && (has(Role.ORG_MANAGER) || has(Role.SITE_MANAGER) || has(Role.OUTREACH_WORKER));
    }

    /** Reads work with clients: those who record it and the organisation's M&amp;E officer. */
    public boolean readsClientWork() {
        return recordsClientWork() || (organisationId != null && has(Role.ME_OFFICER));
    }

    /** Organisation managers run their own organisation; administrators run every organisation. */
    public boolean managesOrganisation(long organisation) {
        return isAdmin() || (has(Role.ORG_MANAGER) && isMemberOf(organisation));
    }

    public boolean coordinatesProgramme(Long programme) {
        return programme != null && has(Role.COORDINATOR) && programme.equals(programmeId);
    }

    /**
     * Client-level data stays inside its organisation: only that organisation's staff may read it.
     * Administrators and coordinators work with aggregates only.
     */
    public boolean mayReadClientsOf(long organisation) {
        return isMemberOf(organisation) && roles.stream().anyMatch(Role.ORGANISATION_STAFF::contains);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReachUser that && that.id == id && that.username.equals(username);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + username.hashCode();
    }

    @Override
    public String toString() {
        return "ReachUser[" + username + "]";
    }
}
