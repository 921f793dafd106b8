package org.reach.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.store.ClientStore;
import org.reach.clients.store.HistoryEntry;
import org.reach.clients.store.StoredClient;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's status and stage over time. Active, defaulter and lost follow from the last contact by the
 * organisation's rule ({@link RegistrySettings}); what the contacts cannot tell is recorded here with its date and
 * reason: detained, transferred, deceased (final) or exited, the end of such a status, and each move along the
 * continuum of care. Every change is kept in the client's history in the recorder's name and audited in its
 * transaction; who may change clients is {@link ClientAccess}'s rule.
 */
@Service
@Transactional
public class ClientStatusChanges {

    /** The statuses a person records; the others are derived from the last contact. */
    static final Set<ClientStatus> RECORDED = EnumSet.of(ClientStatus.DETAINED, ClientStatus.TRANSFERRED,
            ClientStatus.DECEASED, ClientStatus.EXITED);
    /** The recorded statuses a later contact (or a recorded end) brings back under the contact rule. */
    static final Set<ClientStatus> ENDED_BY_CONTACT = EnumSet.of(ClientStatus.DETAINED, ClientStatus.TRANSFERRED,
            ClientStatus.EXITED);
    private static final int MAX_TEXT = 500;

    private final ClientStore store;
    private final ClientAccess access;
    private final RegistrySettings registrySettings;
    private final ClientViews views;
    private final AuditTrail audit;
    private final Clock clock;

    ClientStatusChanges(ClientStore store, ClientAccess access, RegistrySettings registrySettings, ClientViews views,
                        AuditTrail audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.registrySettings = registrySettings;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records detained, transferred, deceased or exited with its date and reason. */
    public Client changeStatus(ReachUser actor, long clientId, StatusChange change) {
        long organisation = access.writable(actor);
        StoredClient current = access.stored(actor, clientId);
        Problems problems = new Problems();
        problems.check(current.explicitStatus() != ClientStatus.DECEASED, "status", "client.error.deceased");
        if (change.status() == null) {
            problems.add("status", "error.required");
        } else {
            problems.check(RECORDED.contains(change.status()), "status", "client.error.statusDerived");
        }
        checkDate(problems, "date", change.date(), current.firstContact());
        String reason = ClientFields.trim(change.reason());
        if (reason == null) {
            problems.add("reason", "error.required");
        } else {
            problems.check(reason.length() <= MAX_TEXT, "reason", "error.tooLong", MAX_TEXT);
        }
        problems.throwIfAny();
        store.setExplicitStatus(clientId, change.status(), change.date(), now());
        store.addStatusChange(clientId, change.status(), change.date(), reason, ClientAccess.actorId(actor), now());
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, ClientRegistry.ENTITY, clientId, "status " + change.status());
        return views.clientOf(store.byId(clientId).orElseThrow());
    }

    public Client recordDeath(ReachUser actor, long clientId, LocalDate date, String reason) {
        long organisation = access.writable(actor);
        StoredClient current = access.stored(actor, clientId);
        Problems problems = new Problems();
        checkDate(problems, "diedOn", date, current.firstContact());
        String text = ClientFields.trim(reason);
        problems.check(text == null || text.length() <= MAX_TEXT, "reason", "error.tooLong", MAX_TEXT);
        problems.throwIfAny();
        if (current.explicitStatus() == ClientStatus.DECEASED && date.equals(current.explicitStatusDate())) {
            return views.clientOf(current);
        }
        store.setExplicitStatus(clientId, ClientStatus.DECEASED, date, now());
        store.addStatusChange(clientId, ClientStatus.DECEASED, date, text, ClientAccess.actorId(actor), now());
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, ClientRegistry.ENTITY, clientId, "status DECEASED");
        return views.clientOf(store.byId(clientId).orElseThrow());
    }

    public Client endRecordedStatus(ReachUser actor, long clientId, ClientStatus status, LocalDate date, String reason) {
        long organisation = access.writable(actor);
        StoredClient current = access.stored(actor, clientId);
        Problems problems = new Problems();
        problems.check(status != null && ENDED_BY_CONTACT.contains(status), "status", "client.error.statusDerived");
        checkDate(problems, "date", date, current.firstContact());
        String note = ClientFields.trim(reason);
        problems.check(note == null || note.length() <= MAX_TEXT, "reason", "error.tooLong", MAX_TEXT);
        problems.throwIfAny();
        if (current.explicitStatus() != status) {
            return views.clientOf(current);
        }
        store.setExplicitStatus(clientId, null, null, now());
        ClientSettings rule = registrySettings.settingsOf(organisation);
        store.addStatusChange(clientId, registrySettings.derivedStatus(current.lastContact(), rule), date, note,
                ClientAccess.actorId(actor), now());
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, ClientRegistry.ENTITY, clientId, "end status " + status,
                List.of(clientId));
        return views.clientOf(store.byId(clientId).orElseThrow());
    }

    /** Moves the client along the continuum of care; a stage dated in the past keeps the latest one current. */
    public Client changeStage(ReachUser actor, long clientId, StageChange change) {
        long organisation = access.writable(actor);
        StoredClient current = access.stored(actor, clientId);
        Problems problems = new Problems();
        problems.check(current.explicitStatus() != ClientStatus.DECEASED, "stage", "client.error.deceased");
        problems.check(change.stage() != null, "stage", "error.required");
        checkDate(problems, "date", change.date(), current.firstContact());
        String note = ClientFields.trim(change.note());
        problems.check(note == null || note.length() <= MAX_TEXT, "note", "error.tooLong", MAX_TEXT);
        List<HistoryEntry> earlier = store.stageChanges(clientId);
        if (change.stage() != null && change.date() != null) {
            CareStage before = earlier.stream().filter(e -> !e.date().isAfter(change.date())).findFirst()
                    .map(e -> CareStage.valueOf(e.value())).orElse(CareStage.HARM_REDUCTION);
            problems.check(before != change.stage(), "stage", "client.error.sameStage");
        }
        problems.throwIfAny();
        store.addStageChange(clientId, change.stage(), change.date(), note, ClientAccess.actorId(actor), now());
        CareStage latest = CareStage.valueOf(store.stageChanges(clientId).get(0).value());
        store.setStage(clientId, latest, now());
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, ClientRegistry.ENTITY, clientId, "stage " + change.stage());
        return views.clientOf(store.byId(clientId).orElseThrow());
    }

    private void checkDate(Problems problems, String field, LocalDate date, LocalDate firstContact) {
        if (date == null) {
            problems.add(field, "error.required");
        } else {
            problems.check(!date.isAfter(today()), field, "client.error.future");
            problems.check(!date.isBefore(firstContact), field, "client.error.beforeFirstContact");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
