package org.reach.accounts;

/** A staff account as other capabilities name it: who, and of which organisation (none at programme level). */
public record StaffMember(long id, String displayName, Long organisationId) {
}
