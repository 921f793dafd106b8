package org.reach.audit;

import java.time.LocalDate;

/** What the audit page and API search by; every part is optional. */
public record AuditFilter(LocalDate from, LocalDate to, String actor, AuditAction action, String entityType,
                          String entityId, Long organisationId) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }
}
