package org.reach.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.Clients;
import org.reach.platform.IdentifyingText;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.safety.store.DeathStore;
import org.reach.safety.store.OverdoseStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deaths of clients with a coded cause, who told, and an optional short verbal autopsy for programme review (no
 * names). One death per client: recording it makes the client deceased on that day through the registry, which owns
 * the status rule; correcting it is an edit, and the registry's date follows. Every read and write is audited.
 */
@Service
@Transactional
public class Deaths {

    public static final String ENTITY = "death";
    public static final int MAX_PLACE = 200;
    public static final int MAX_NOTES = 500;
    private static final int RECENT = 50;

    private final DeathStore store;
    private final OverdoseStore overdoses;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    Deaths(DeathStore store, OverdoseStore overdoses, Clients clients, AuditTrail audit, Clock clock) {
        this.store = store;
        this.overdoses = overdoses;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean mayRecord(ReachUser actor) {
        return SafetyAccess.mayRecord(actor);
    }

    public boolean mayRead(ReachUser actor) {
        return SafetyAccess.mayRead(actor);
    }

    /** Records a client's death; a second one for the same client is refused (correct the first instead). */
    public Death record(ReachUser actor, DeathForm form) {
        long organisationId = SafetyAccess.requireRecorder(actor, "record death");
        Problems problems = new Problems();
        Client client = client(actor, form, problems);
        if (client != null && store.exists(client.id())) {
            problems.add(form.clientId() != null ? "clientId" : "clientCode", "safety.error.deathRecorded");
        }
        Death death = validate(actor, organisationId, client, form, problems);
        clients.recordDeath(actor, death.clientId(), death.diedOn(), "cause " + death.cause());
        long id = store.insert(death, Instant.now(clock));
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, ENTITY, id, death.cause().name(),
                List.of(death.clientId()));
        return store.byId(organisationId, id).orElseThrow();
    }

    /** Corrects a recorded death (date, place, cause, source, verbal autopsy); the person stays the same. */
    public Death correct(ReachUser actor, long id, DeathForm form) {
        long organisationId = SafetyAccess.requireRecorder(actor, "correct death");
        Death current = store.byId(organisationId, id).orElseThrow(() -> new NotFound(ENTITY, id));
        Problems problems = new Problems();
        Client client = clients.client(actor, current.clientId());
        if ((form.clientId() != null && form.clientId() != current.clientId())
                || (Codes.clean(form.clientCode()) != null && !Codes.clean(form.clientCode()).equals(client.uic()))) {
            problems.add(form.clientId() != null ? "clientId" : "clientCode", "safety.error.otherClient");
        }
        Death death = validate(actor, organisationId, client, form, problems);
        clients.recordDeath(actor, death.clientId(), death.diedOn(), "cause " + death.cause());
        store.update(id, death, Instant.now(clock));
        audit.recordWrite(actor, organisationId, AuditAction.UPDATE, ENTITY, id, death.cause().name(),
                List.of(death.clientId()));
        return store.byId(organisationId, id).orElseThrow();
    }

    private Client client(ReachUser actor, DeathForm form, Problems problems) {
        String code = Codes.clean(form.clientCode());
        String field = form.clientId() != null ? "clientId" : "clientCode";
        if (form.clientId() == null && code == null) {
            problems.add("clientCode", "error.required");
            return null;
        }
        try {
            Optional<Client> found = form.clientId() != null ? Optional.of(clients.client(actor, form.clientId()))
                    : clients.findByUic(actor, code);
            if (found.isPresent() && actor.isMemberOf(found.get().organisationId())) {
                return found.get();
            }
        } catch (NotFound notFound) {
            // named beside the field below
        }
        problems.add(field, "safety.error.unknownClient");
        return null;
    }

    private Death validate(ReachUser actor, long organisationId, Client client, DeathForm form, Problems problems) {
        if (form.diedOn() == null) {
            problems.add("diedOn", "error.required");
        } else {
            problems.check(!form.diedOn().isAfter(LocalDate.now(clock)), "diedOn", "safety.error.future");
            problems.check(client == null || !form.diedOn().isBefore(client.firstContact()), "diedOn",
                    "safety.error.beforeFirstContact");
        }
        String place = Codes.clean(form.place());
        problems.check(place == null || place.length() <= MAX_PLACE, "place", "error.tooLong", MAX_PLACE);
        CauseOfDeath cause = Codes.one(CauseOfDeath.class, form.cause(), "cause", problems, true);
        DeathSource source = Codes.one(DeathSource.class, form.source(), "source", problems, true);
        if (form.overdoseReportId() != null) {
            Optional<OverdoseReport> report = overdoses.byId(organisationId, form.overdoseReportId());
            problems.check(report.isPresent() && client != null
                            && java.util.Objects.equals(client.id(), report.get().clientId()),
                    "overdoseReportId", "safety.error.report");
        }
        Answer alone = Codes.one(Answer.class, form.alone(), "alone", problems, false);
        Answer ill = Codes.one(Answer.class, form.illBefore(), "illBefore", problems, false);
        Answer care = Codes.one(Answer.class, form.soughtCare(), "soughtCare", problems, false);
        Answer released = Codes.one(Answer.class, form.recentlyReleased(), "recentlyReleased", problems, false);
        String notes = Codes.clean(form.notes());
        if (notes != null) {
            problems.check(notes.length() <= MAX_NOTES, "notes", "error.tooLong", MAX_NOTES);
            problems.check(!IdentifyingText.looksIdentifying(notes), "notes", "safety.error.identifying");
        }
        if (place != null) {
            problems.check(!IdentifyingText.looksIdentifying(place), "place", "safety.error.identifying");
        }
        problems.throwIfAny();
        return new Death(0, organisationId, client.id(), form.diedOn(), client.enrolmentSiteId(), place, cause, source,
                form.overdoseReportId(), alone, ill, care, released, notes, actor.id());
    }

    @Transactional // not read-only: the read is written to the audit log
    public Death death(ReachUser actor, long id) {
        long organisationId = SafetyAccess.requireReader(actor, "read death");
        Death death = store.byId(organisationId, id).orElseThrow(() -> new NotFound(ENTITY, id));
        audit.recordRead(actor, organisationId, ENTITY, id, null, List.of(death.clientId()));
        return death;
    }

    @Transactional
    public Optional<Death> ofClient(ReachUser actor, Client client) {
        long organisationId = SafetyAccess.requireReader(actor, "read death of client");
        if (!actor.isMemberOf(client.organisationId())) {
            throw new NotFound("client", client.id());
        }
        Optional<Death> death = store.ofClient(organisationId, client.id());
        death.ifPresent(d -> audit.recordRead(actor, organisationId, ENTITY, d.id(), null, List.of(client.id())));
        return death;
    }

    /** The organisation's latest deaths for its managers (codes and causes only); one audit entry. */
    @Transactional
    public List<Death> recent(ReachUser actor) {
        if (!SafetyAccess.mayManage(actor)) {
            return List.of();
        }
        List<Death> deaths = store.recent(actor.organisationId(), RECENT);
        if (!deaths.isEmpty()) {
            audit.recordRead(actor, actor.organisationId(), ENTITY, null, "recent deaths",
                    deaths.stream().map(Death::clientId).toList());
        }
        return deaths;
    }
}
