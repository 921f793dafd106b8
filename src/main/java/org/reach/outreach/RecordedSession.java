package org.reach.outreach;

/** The stored session and whether this call stored it (false: the same uuid and content came before). */
public record RecordedSession(OutreachSession session, boolean created) {
}
