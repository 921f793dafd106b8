package org.reach.audit;

/**
 * Published for every audited write, so that whatever keeps derived data (such as cached indicator sums) can
 * bring it up to date. Listeners should wait for the commit: a rolled-back write is not published then.
 *
 * @param entityId the record written, or null when the entry covers several (a batch)
 */
public record RecordWritten(Long organisationId, AuditAction action, String entityType, String entityId) {
}
