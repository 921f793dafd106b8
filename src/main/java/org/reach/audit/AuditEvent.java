package org.reach.audit;

import java.time.Instant;

/** One line of the audit log as stored. */
public record AuditEvent(long id, Instant occurredAt, Long actorId, String actorUsername, Long organisationId,
                         AuditAction action, String entityType, String entityId, String detail, String remoteAddress) {
}
