package org.reach.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatus;
import org.reach.clients.StatusChange;
import org.reach.followup.store.FollowUpStore;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Detention episodes. Opening one makes the client DETAINED through the client registry; care given in a prison or
 * police setting meanwhile does not end it (the registry's rule); the release ends it through the registry too, and
 * the first contact after release is recorded for the seven-day indicator.
 */
@Service
@Transactional
public class Detentions {

    public static final int MAX_NAME = 200;
    private static final int LIST_LIMIT = 500;

    private final FollowUpStore store;
    private final ClientRegistry clients;
    private final AuditTrail audit;
    private final Clock clock;

    Detentions(FollowUpStore store, ClientRegistry clients, AuditTrail audit, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean mayRecord(ReachUser actor) {
        return FollowUpAccess.mayWork(actor);
    }

    public Detention open(ReachUser actor, DetentionForm form) {
        long organisationId = FollowUpAccess.requireWorker(actor, "record detention");
        Problems problems = new Problems();
        Client client = Tracing.client(clients, store, actor, form.clientId(), problems);
        if (client != null) {
            problems.check(!client.isDeceased(), "clientId", "followup.error.deceased");
            problems.check(store.detentions(organisationId, client.id(), true, 1).isEmpty(), "clientId",
                    "followup.error.alreadyDetained");
        }
        problems.check(form.facilityType() != null, "facilityType", "error.required");
        String name = FollowUp.trim(form.facilityName());
        problems.check(name == null || name.length() <= MAX_NAME, "facilityName", "error.tooLong", MAX_NAME);
        FollowUp.requireNoNul(problems, "facilityName", name);
        Tracing.checkDate(problems, "startedOn", form.startedOn(), client == null ? null : client.firstContact(), today());
        problems.check(form.expectedRelease() == null || form.startedOn() == null
                || !form.expectedRelease().isBefore(form.startedOn()), "expectedRelease", "followup.error.beforeStart");
        problems.throwIfAny();
        OatInside oat = form.oatInside() == null ? OatInside.UNKNOWN : form.oatInside();
        long id = store.insertDetention(organisationId, client.id(), client.enrolmentSiteId(), form.facilityType(), name, form.startedOn(),
                form.expectedRelease(), oat, actor.id(), clock.instant());
        if (client.status() != ClientStatus.DETAINED) {
            clients.changeStatus(actor, client.id(), new StatusChange(ClientStatus.DETAINED, form.startedOn(),
                    "Detention: " + form.facilityType().name().toLowerCase().replace('_', ' ')));
        }
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, "followup_detention", id,
                form.facilityType().name(), List.of(client.id()));
        return store.detention(id).orElseThrow();
    }

    public Detention release(ReachUser actor, long id, ReleaseForm form) {
        long organisationId = FollowUpAccess.requireWorker(actor, "record release");
        Detention detention = readable(actor, organisationId, id);
        Problems problems = new Problems();
        problems.check(detention.open(), "releasedOn", "followup.error.released");
        Tracing.checkDate(problems, "releasedOn", form.releasedOn(), detention.startedOn(), today());
        problems.check(form.oatInside() != null, "oatInside", "error.required");
        problems.throwIfAny();
        store.release(id, form.releasedOn(), form.oatInside(), form.naloxoneOnRelease(), clock.instant());
        clients.endRecordedStatus(actor, detention.clientId(), ClientStatus.DETAINED, form.releasedOn(), "Released");
        audit.recordWrite(actor, organisationId, AuditAction.UPDATE, "followup_detention", id,
                "released, OAT " + form.oatInside().name(), List.of(detention.clientId()));
        return store.detention(id).orElseThrow();
    }

    @Transactional // not read-only: the read is written to the audit log
    public Detention detention(ReachUser actor, long id) {
        long organisationId = FollowUpAccess.requireWorker(actor, "read detention");
        Detention detention = readable(actor, organisationId, id);
        audit.recordRead(actor, organisationId, "followup_detention", id, null, List.of(detention.clientId()));
        return detention;
    }

    /** The organisation's episodes the reader follows (open ones only if asked), newest first. */
    @Transactional // not read-only: the read is written to the audit log
    public List<Detention> list(ReachUser actor, Long clientId, boolean openOnly) {
        long organisationId = FollowUpAccess.requireWorker(actor, "read detentions");
        List<Detention> found = store.detentions(organisationId, clientId, openOnly, LIST_LIMIT);
        List<Detention> visible = Tracing.followed(clients, store, actor, found, Detention::clientId);
        audit.recordRead(actor, organisationId, "followup_detention", null, "list of " + visible.size(),
                visible.stream().map(Detention::clientId).distinct().toList());
        return visible;
    }

    private Detention readable(ReachUser actor, long organisationId, long id) {
        Detention detention = store.detention(id).filter(d -> d.organisationId() == organisationId)
                .orElseThrow(() -> new NotFound("detention", id));
        if (Tracing.followed(clients, store, actor, List.of(detention), Detention::clientId).isEmpty()) {
            throw new NotFound("detention", id);
        }
        return detention;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
