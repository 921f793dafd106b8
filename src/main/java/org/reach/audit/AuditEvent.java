package org.reach.audit;

import java.time.Instant;

/**
 * One line of the audit log as stored.
 *
 * @param origin the page or API it came from as a route pattern ("GET /api/clients/{id}"), or null for work
 *               outside a request (background jobs, start-up)
 */
public record AuditEvent(long id, Instant occurredAt, Long actorId, String actorUsername, Long organisationId,
                         AuditAction action, String entityType, String entityId, String detail, String remoteAddress,
                         String origin) {
}
