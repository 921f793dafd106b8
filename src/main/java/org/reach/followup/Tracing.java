package org.reach.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientContacted;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatus;
import org.reach.clients.StatusChange;
import org.reach.followup.store.FollowUpStore;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tracing attempts and what they lead to. "Found and returned" is a contact: the registry moves the client's last
 * contact and so their status by its own rule (active again), and the return to care is recorded; a later contact of
 * any kind records the return too ({@link ContactsAfterTracing}). "In prison" opens a detention episode, "deceased"
 * records the death in the registry, "moved to another city" records a move for the programme's flow table.
 */
@Service
@Transactional
public class Tracing {

    public static final int MAX_NOTE = 500;
    public static final int MAX_CITY = 100;
    private static final int LIST_LIMIT = 500;

    private final FollowUpStore store;
    private final ClientRegistry clients;
    private final Detentions detentions;
    private final Movements movements;
    private final AuditTrail audit;
    private final Clock clock;

    Tracing(FollowUpStore store, ClientRegistry clients, Detentions detentions, Movements movements, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.clients = clients;
        this.detentions = detentions;
        this.movements = movements;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean mayRecord(ReachUser actor) {
        return FollowUpAccess.mayWork(actor);
    }

    public TracingAttempt record(ReachUser actor, TracingForm form) {
        long organisationId = FollowUpAccess.requireWorker(actor, "record tracing attempt");
        Problems problems = new Problems();
        Client client = client(clients, store, actor, form.clientId(), problems);
        if (client != null) {
            problems.check(!client.isDeceased(), "clientId", "followup.error.deceased");
        }
        problems.check(form.method() != null, "method", "error.required");
        problems.check(form.outcome() != null, "outcome", "error.required");
        checkDate(problems, "date", form.date(), client == null ? null : client.firstContact(), today());
        String city = FollowUp.trim(form.movedToCity());
        if (form.outcome() == TracingOutcome.MOVED_CITY) {
            if (city == null) {
                problems.add("movedToCity", "error.required");
            } else {
                problems.check(city.length() <= MAX_CITY, "movedToCity", "error.tooLong", MAX_CITY);
            }
        } else {
            city = null;
        }
        String note = FollowUp.trim(form.note());
        problems.check(note == null || note.length() <= MAX_NOTE, "note", "error.tooLong", MAX_NOTE);
        FollowUp.requireNoNul(problems, "note", note);
        FollowUp.requireNoNul(problems, "movedToCity", city);
        if (client != null && form.outcome() == TracingOutcome.IN_PRISON) {
            problems.check(client.status() != ClientStatus.DETAINED, "outcome", "followup.error.alreadyDetained");
        }
        problems.throwIfAny();
        long id = store.insertAttempt(organisationId, client.id(), client.enrolmentSiteId(), form.method(), form.date(), form.outcome(), city, note,
                actor.id(), clock.instant());
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, "followup_tracing", id,
                form.method().name() + " " + form.outcome().name(), List.of(client.id()));
        switch (form.outcome()) {
            case FOUND_RETURNED -> clients.recordContacts(actor, organisationId,
                    List.of(new ClientContacted(client.id(), organisationId, form.date())));
            case IN_PRISON -> detentions.open(actor, new DetentionForm(client.id(), FacilityType.PRISON, null,
                    form.date(), null, OatInside.UNKNOWN));
            case DECEASED -> clients.changeStatus(actor, client.id(),
                    new StatusChange(ClientStatus.DECEASED, form.date(), "Found deceased while tracing"));
            case MOVED_CITY -> movements.record(actor, client, city, form.date(), Movements.Source.TRACING);
            default -> {
            }
        }
        return store.attempt(id).orElseThrow();
    }

    /** The attempts the reader may see: of one client, or the organisation's since a day; newest first. */
    @Transactional // not read-only: the read is written to the audit log
    public List<TracingAttempt> attempts(ReachUser actor, Long clientId, LocalDate from) {
        long organisationId = FollowUpAccess.requireWorker(actor, "read tracing attempts");
        List<TracingAttempt> found = followed(clients, store, actor, store.attempts(organisationId, clientId, from,
                LIST_LIMIT), TracingAttempt::clientId);
        audit.recordRead(actor, organisationId, "followup_tracing", null, "list of " + found.size(),
                found.stream().map(TracingAttempt::clientId).distinct().toList());
        return found;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- shared checks

    /** The client of the actor's organisation with this id that the actor follows, or a problem on {@code clientId}. */
    static Client client(ClientRegistry clients, FollowUpStore store, ReachUser actor, Long clientId, Problems problems) {
        if (clientId == null) {
            problems.add("clientId", "error.required");
            return null;
        }
        Client client = clients.clients(actor, List.of(clientId)).get(clientId);
        if (client == null || followed(clients, store, actor, List.of(client), Client::id).isEmpty()) {
            problems.add("clientId", "followup.error.unknownClient");
            return null;
        }
        return client;
    }

    static void checkDate(Problems problems, String field, LocalDate date, LocalDate notBefore, LocalDate today) {
        if (date == null) {
            problems.add(field, "error.required");
            return;
        }
        problems.check(!date.isAfter(today), field, "followup.error.future");
        problems.check(notBefore == null || !date.isBefore(notBefore), field, "followup.error.tooEarly", notBefore);
    }

    /** The records about clients the actor follows (their own and assigned clients for peers; all for managers). */
    static <T> List<T> followed(ClientRegistry clients, FollowUpStore store, ReachUser actor, List<T> records,
                                ToLongFunction<T> clientOf) {
        if (records.isEmpty() || FollowUpAccess.seesWholeOrganisation(actor)) {
            return records;
        }
        Collection<Long> ids = records.stream().map(clientOf::applyAsLong).distinct().toList();
        Map<Long, Client> found = clients.clients(actor, ids);
        Map<Long, Long> own = store.assignments(actor.organisationId());
        return records.stream().filter(r -> {
            Client c = found.get(clientOf.applyAsLong(r));
            return c != null && FollowUpAccess.follows(actor, c, c.peerEducatorId() != null ? c.peerEducatorId()
                    : own.get(c.id()));
        }).toList();
    }
}
