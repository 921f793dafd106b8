package org.reach.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.reach.audit.store.AuditEvents;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.Paging;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.RequestOrigin;
import org.reach.platform.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records and searches the audit log. There is deliberately no way to change or remove an entry. Entries
 * join the caller's transaction, so a write that is rolled back leaves no audit line and an audit line
 * that cannot be written rolls the write back.
 *
 * <p>An entry names every client it covers: a list page, a batch or an import is one entry with the ids of
 * all the clients it showed or wrote, so "who looked at client X" has a complete answer
 * ({@link #clientAccess}).
 */
@Service
public class AuditTrail {

    /** The entity type of client records: an entry about one client covers that client. */
    public static final String CLIENT = "client";
    private static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_ORIGIN = 120;

    private final AuditEvents events;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final ObjectProvider<ClientOrganisations> clientOrganisations;

    AuditTrail(AuditEvents events, Clock clock, ApplicationEventPublisher publisher,
               ObjectProvider<ClientOrganisations> clientOrganisations) {
        this.events = events;
        this.clock = clock;
        this.publisher = publisher;
        this.clientOrganisations = clientOrganisations;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWrite(ReachUser actor, Long organisationId, AuditAction action, String entityType, Object entityId,
                            String detail) {
        recordWrite(actor, organisationId, action, entityType, entityId, detail, List.of());
    }

    /** A write that touched these clients (a batch or an import names them all in one entry). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWrite(ReachUser actor, Long organisationId, AuditAction action, String entityType, Object entityId,
                            String detail, Collection<Long> clientIds) {
        Set<Long> clients = clients(entityType, entityId, clientIds);
        append(actor, organisationId, action, entityType, entityId, detail, clients);
        publisher.publishEvent(new RecordWritten(organisationId, action, entityType,
                entityId == null ? null : entityId.toString(), List.copyOf(clients)));
    }

    /** Every read of client-level data goes through here, including lists. */
    @Transactional
    public void recordRead(ReachUser actor, long organisationId, String entityType, Object entityId, String detail) {
        recordRead(actor, organisationId, entityType, entityId, detail, List.of());
    }

    /** A read that showed these clients: a list page names every client on it, in one entry. */
    @Transactional
    public void recordRead(ReachUser actor, long organisationId, String entityType, Object entityId, String detail,
                           Collection<Long> clientIds) {
        append(actor, organisationId, AuditAction.READ, entityType, entityId, detail,
                clients(entityType, entityId, clientIds));
    }

    /**
     * Something left Reach as a file or a payload (an indicator export, a report): who, what, scope, period and
     * format go in {@code detail}. It needs no surrounding transaction.
     */
    @Transactional
    public void recordExport(ReachUser actor, Long organisationId, String entityType, Object entityId, String detail) {
        recordWrite(actor, organisationId, AuditAction.EXPORT, entityType, entityId, detail, List.of());
    }

    /** Sign-in events happen outside any business transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSecurityEvent(Long actorId, String username, Long organisationId, AuditAction action, String detail) {
        events.append(new AuditEvent(0, Instant.now(clock), actorId, username, organisationId, action, "account",
                actorId == null ? null : actorId.toString(), detail, RequestOrigin.remoteAddress(), origin()), Set.of());
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

    /** The kinds of record in the part of the log this person may read, for the filter's choice list. */
    @Transactional(readOnly = true)
    public List<String> recordTypes(ReachUser actor) {
        if (actor.isAdmin()) {
            return events.entityTypes(null);
        }
        if (actor.has(Role.ORG_MANAGER) && actor.organisationId() != null) {
            return events.entityTypes(actor.organisationId());
        }
        throw new Forbidden("read audit log");
    }

    public static boolean mayRead(ReachUser actor) {
        return actor.isAdmin() || (actor.has(Role.ORG_MANAGER) && actor.organisationId() != null);
    }

    /**
     * Only the manager of the client's own organisation reads who worked with a client; administrators and
     * coordinators never do, because the answer is client-level.
     */
    public static boolean mayReadClientAccess(ReachUser actor) {
        return !actor.isAdmin() && actor.has(Role.ORG_MANAGER) && actor.organisationId() != null
                && actor.mayReadClientsOf(actor.organisationId());
    }

    /**
     * Everyone who read or wrote this client, newest first, through any page, API, list, batch, import or
     * export that included the client. Reading it is itself recorded against the client. A client of another
     * organisation, or no client at all, is not found.
     */
    @Transactional
    public AuditPage clientAccess(ReachUser actor, long clientId, int page, int size) {
        if (!mayReadClientAccess(actor)) {
            throw new Forbidden("read a client's access history");
        }
        long organisationId = actor.organisationId();
        ClientOrganisations owners = clientOrganisations.getIfAvailable();
        boolean own = owners != null && owners.organisationOf(clientId).filter(o -> o == organisationId).isPresent();
        if (!own) {
            throw new NotFound(CLIENT, clientId);
        }
        int boundedSize = boundedSize(size);
        int boundedPage = boundedPage(page, boundedSize);
        append(actor, organisationId, AuditAction.READ, "client_access", clientId, "access history page " + boundedPage,
                Set.of(clientId));
        writePending(); // the page lists this reading of it too
        return new AuditPage(events.ofClient(clientId, (long) boundedPage * boundedSize, boundedSize), boundedPage,
                boundedSize, events.countOfClient(clientId));
    }

    private static int boundedSize(int size) {
        return Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    }

    /** A page beyond any table (2147483647) is just empty, never a negative offset. */
    private static int boundedPage(int page, int size) {
        return (int) Math.max(0, Math.min(page, Integer.MAX_VALUE / size));
    }

    private static Set<Long> clients(String entityType, Object entityId, Collection<Long> clientIds) {
        Set<Long> clients = new LinkedHashSet<>();
        if (CLIENT.equals(entityType) && entityId != null) {
            if (entityId instanceof Number number) {
                clients.add(number.longValue());
            } else {
                try {
                    clients.add(Long.valueOf(entityId.toString()));
                } catch (NumberFormatException notAClientId) {
                    // an entry about clients that names no single one
                }
            }
        }
        if (clientIds != null) {
            clientIds.stream().filter(Objects::nonNull).forEach(clients::add);
        }
        return clients;
    }

    private void append(ReachUser actor, Long organisationId, AuditAction action, String entityType, Object entityId,
                        String detail, Set<Long> clientIds) {
        AuditEvent event = new AuditEvent(0, Instant.now(clock), actor.id() == 0 ? null : actor.id(), actor.getUsername(),
                organisationId, action, entityType, entityId == null ? null : entityId.toString(),
                detail == null ? null : truncate(detail), RequestOrigin.remoteAddress(), origin());
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            pending().add(event, clientIds);
        } else {
            events.append(event, clientIds);
        }
    }

    /**
     * The entries of the current transaction, written together just before it commits: still in the transaction of
     * the work (written if and only if the work is), but as two statements however many entries the work made — a
     * single encounter makes three (the client read, the encounter, the contact dates).
     */
    private void writePending() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
                if (registered instanceof Pending pending && pending.trail == this) {
                    pending.write();
                }
            }
        }
    }

    private Pending pending() {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Pending pending && pending.trail == this) {
                return pending;
            }
        }
        Pending pending = new Pending(this);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private static final class Pending implements TransactionSynchronization {
        private final AuditTrail trail;
        private final List<AuditEvent> entries = new ArrayList<>();
        private final List<Set<Long>> clients = new ArrayList<>();

        Pending(AuditTrail trail) {
            this.trail = trail;
        }

        private boolean written;

        void add(AuditEvent event, Set<Long> clientIds) {
            if (written) { // work done while the transaction commits (another synchronization's): written at once
                trail.events.append(event, clientIds);
                return;
            }
            entries.add(event);
            clients.add(clientIds);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            write();
        }

        void write() {
            if (!entries.isEmpty()) {
                trail.events.appendAll(List.copyOf(entries), List.copyOf(clients));
                entries.clear();
                clients.clear();
            }
        }
    }

    /** The route of the current request ("GET /api/clients/{id}"), never its concrete address or query. */
    private static String origin() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            return null;
        }
        String origin = request.getMethod() + " " + pattern;
        return origin.length() <= MAX_ORIGIN ? origin : origin.substring(0, MAX_ORIGIN);
    }

    private static String truncate(String detail) {
        return detail.length() <= 500 ? detail : detail.substring(0, 497) + "...";
    }
}
