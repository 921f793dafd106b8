package org.reach.audit;

import java.util.List;

/**
 * Published for every audited write, so that whatever keeps derived data (such as cached indicator sums) can
 * bring it up to date. Listeners should wait for the commit: a rolled-back write is not published then.
 *
 * @param entityId  the record written, or null when the entry covers several (a batch)
 * @param clientIds every client the write touched (empty when it touched none)
 */
public record RecordWritten(Long organisationId, AuditAction action, String entityType, String entityId,
                            List<Long> clientIds) {

    public RecordWritten {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
    }

    public RecordWritten(Long organisationId, AuditAction action, String entityType, String entityId) {
        this(organisationId, action, entityType, entityId, List.of());
    }
}
