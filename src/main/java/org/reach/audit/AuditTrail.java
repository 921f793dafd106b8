package org.reach.audit;

import java.time.Clock;
import java.time.Instant;

import org.reach.audit.store.AuditEvents;
import org.reach.platform.Forbidden;
import org.reach.platform.Paging;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.RequestOrigin;
import org.reach.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and searches the audit log. There is deliberately no way to change or remove an entry. Entries
 * join the caller's transaction, so a write that is rolled back leaves no audit line and an audit line
 * that cannot be written rolls the write back.
 */
@Service
public class AuditTrail {

    private static final int MAX_PAGE_SIZE = 200;

    private final AuditEvents events;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    AuditTrail(AuditEvents events, Clock clock, ApplicationEventPublisher publisher) {
        this.events = events;
        this.clock = clock;
        this.publisher = publisher;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWrite(ReachUser actor, Long organisationId, AuditAction action, String entityType, Object entityId,
                            String detail) {
        append(actor, organisationId, action, entityType, entityId, detail);
        publisher.publishEvent(new RecordWritten(organisationId, action, entityType,
                entityId == null ? null : entityId.toString()));
    }

    /** Every read of client-level data goes through here, including lists. */
    @Transactional
    public void recordRead(ReachUser actor, long organisationId, String entityType, Object entityId, String detail) {
        append(actor, organisationId, AuditAction.READ, entityType, entityId, detail);
    }

    /** Sign-in events happen outside any business transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSecurityEvent(Long actorId, String username, Long organisationId, AuditAction action, String detail) {
        events.append(new AuditEvent(0, Instant.now(clock), actorId, username, organisationId, action, "account",
                actorId == null ? null : actorId.toString(), detail, RequestOrigin.remoteAddress()));
    }

    /**
     * Administrators see everything; organisation managers see their own organisation's log. Everyone else
     * is refused, because the log shows who worked with which client record.
     */
    @Transactional(readOnly = true)
    public AuditPage search(ReachUser actor, AuditFilter filter, int page, int size) {
        AuditFilter scoped;
        if (actor.isAdmin()) {
            scoped = filter;
        } else if (actor.has(Role.ORG_MANAGER) && actor.organisationId() != null) {
            scoped = new AuditFilter(filter.from(), filter.to(), filter.actor(), filter.action(), filter.entityType(),
                    filter.entityId(), actor.organisationId());
        } else {
            throw new Forbidden("read audit log");
        }
        Problems problems = new Problems();
        problems.check(page >= 0 && page <= Paging.MAX_PAGE, "page", "error.pageNumber", Paging.MAX_PAGE);
        problems.check(filter.from() == null || filter.to() == null || !filter.from().isAfter(filter.to()), "from",
                "error.periodOrder");
        problems.throwIfAny();
        int boundedSize = Paging.size(size, MAX_PAGE_SIZE);
        return new AuditPage(events.search(scoped, Paging.offset(page, boundedSize), boundedSize), page, boundedSize,
                events.count(scoped));
    }

    public static boolean mayRead(ReachUser actor) {
        return actor.isAdmin() || (actor.has(Role.ORG_MANAGER) && actor.organisationId() != null);
    }

    private void append(ReachUser actor, Long organisationId, AuditAction action, String entityType, Object entityId,
                        String detail) {
        events.append(new AuditEvent(0, Instant.now(clock), actor.id() == 0 ? null : actor.id(), actor.getUsername(),
                organisationId, action, entityType, entityId == null ? null : entityId.toString(),
                detail == null ? null : truncate(detail), RequestOrigin.remoteAddress()));
    }

    private static String truncate(String detail) {
        return detail.length() <= 500 ? detail : detail.substring(0, 497) + "...";
    }
}
