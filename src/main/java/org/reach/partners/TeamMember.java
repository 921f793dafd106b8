package org.reach.partners;

/** A member of the assessment team: an account (userId) or an external person (userId null). */
public record TeamMember(long id, Long userId, String name, String organisation) {
}
