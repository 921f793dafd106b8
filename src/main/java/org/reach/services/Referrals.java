package org.reach.services;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientContacted;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.FieldProblem;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.services.store.ReferralStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals to internal or external providers. Status moves only forward (made, accepted, completed or
 * failed), each step dated, never in the future and never before the step before. Completing one counts
 * as a contact with the client.
 */
@Service
@Transactional
public class Referrals {

    public static final int DEFAULT_FOLLOW_UP_DAYS = 14;
    private static final int LIST_LIMIT = 500;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ReferralStore store;
    private final OrganisationDirectory directory;
    private final ClientLookup clients;
    private final AuditTrail audit;
    private final Clock clock;

    Referrals(ReferralStore store, OrganisationDirectory directory, ClientLookup clients, AuditTrail audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean mayRecord(ReachUser actor) {
        return ServiceAccess.mayRecord(actor);
    }

    public Referral refer(ReachUser actor, ReferralForm form) {
        return record(actor, form).referral();
    }

    /**
     * One referral: stored and created, or, when the device's uuid came before with the same content, the stored one
     * (nothing new is written). The same uuid with other content is a {@link ReferralConflict}: the stored one stands.
     */
    public RecordedReferral record(ReachUser actor, ReferralForm form) {
        long organisationId = ServiceAccess.requireRecorder(actor, "make referral");
        Problems problems = new Problems();
        String uuid = form.uuid() == null || form.uuid().isBlank() ? null : form.uuid().strip().toLowerCase(Locale.ROOT);
        problems.check(uuid == null || UUID_TEXT.matcher(uuid).matches(), "uuid", "encounter.error.uuid");
        Long clientId = null;
        ClientLookup.Session lookup = clients.session(actor);
        String uic = form.clientUic() == null || form.clientUic().isBlank() ? null : form.clientUic().strip();
        if (form.clientId() == null && uic == null) {
            problems.add("clientId", "error.required");
        } else {
            Optional<Client> client = form.clientId() != null ? lookup.byId(form.clientId()) : lookup.byUic(uic);
            String field = form.clientId() != null ? "clientId" : "clientUic";
            if (client.isEmpty()) {
                problems.add(field, form.clientId() != null ? "encounter.error.unknownClient"
                        : lookup.whyNotFound(uic, "encounter.error.unknownClient"));
            } else if (client.get().isDeceased()) {
                problems.add(field, "encounter.error.deceased");
            } else {
                clientId = client.get().id();
            }
        }
        problems.check(form.providerType() != null, "providerType", "error.required");
        String internalSite = null;
        if (form.internalSiteId() != null) {
            // any site of the recorder's own organisation, also one they are not assigned to
            internalSite = directory.siteNamesOfOwnOrganisation(actor).get(form.internalSiteId());
            problems.check(internalSite != null, "internalSiteId", "encounter.error.site");
        }
        String providerName = form.providerName() == null ? "" : form.providerName().strip();
        if (providerName.isEmpty() && internalSite != null) {
            providerName = internalSite;
        }
        if (providerName.isEmpty()) {
            problems.add("providerName", "error.required");
        } else {
            problems.check(providerName.length() <= 200, "providerName", "error.tooLong", 200);
        }
        checkDate(problems, "madeOn", form.madeOn(), null);
        problems.throwIfAny();
        Referral wanted = new Referral(0, organisationId, clientId, form.providerType(), providerName,
                form.internalSiteId(), form.madeOn(), null, null, null, ReferralStatus.MADE, actor.id(), uuid);
        if (uuid != null) {
            Optional<Referral> known = store.byUuid(organisationId, uuid);
            if (known.isPresent()) {
                return repeat(actor, known.get(), wanted);
            }
        }
        long id;
        try {
            id = store.insert(uuid, organisationId, clientId, form.providerType(), providerName, form.internalSiteId(),
                    form.madeOn(), actor.id(), now());
        } catch (DuplicateKeyException raced) {
            // the same uuid stored a moment ago by a parallel request: answered like any repeat
            return repeat(actor, store.byUuid(organisationId, uuid).orElseThrow(() -> raced), wanted);
        }
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, "referral", id, form.providerType().name(),
                List.of(clientId));
        return new RecordedReferral(store.byId(id).orElseThrow(), true);
    }

    /** A uuid that came before: the stored referral when the content is the same, else a conflict naming the fields. */
    private RecordedReferral repeat(ReachUser actor, Referral stored, Referral wanted) {
        List<FieldProblem> differences = new ArrayList<>();
        if (stored.clientId() != wanted.clientId()) {
            differences.add(FieldProblem.of("clientUic", "referral.error.uuidConflict"));
        }
        if (stored.providerType() != wanted.providerType()) {
            differences.add(FieldProblem.of("providerType", "referral.error.uuidConflict"));
        }
        if (!stored.providerName().equals(wanted.providerName())) {
            differences.add(FieldProblem.of("providerName", "referral.error.uuidConflict"));
        }
        if (!Objects.equals(stored.internalSiteId(), wanted.internalSiteId())) {
            differences.add(FieldProblem.of("internalSiteId", "referral.error.uuidConflict"));
        }
        if (!stored.madeOn().equals(wanted.madeOn())) {
            differences.add(FieldProblem.of("madeOn", "referral.error.uuidConflict"));
        }
        if (!differences.isEmpty()) {
            throw new ReferralConflict(stored.uuid(), differences);
        }
        audit.recordRead(actor, stored.organisationId(), "referral", stored.id(), "repeat of uuid " + stored.uuid(),
                List.of(stored.clientId()));
        return new RecordedReferral(stored, false);
    }

    /**
     * The referral the actor's organisation stored under a device's uuid, for a supervisor comparing it with the
     * phone's version; the read is audited.
     */
    @Transactional // not read-only: the read is written to the audit log
    public Optional<Referral> byUuid(ReachUser actor, String uuid) {
        long organisationId = ServiceAccess.requireReader(actor, "read referral");
        if (uuid == null || !UUID_TEXT.matcher(uuid.strip()).matches()) {
            return Optional.empty();
        }
        Optional<Referral> found = store.byUuid(organisationId, uuid.strip().toLowerCase(Locale.ROOT));
        found.ifPresent(r -> audit.recordRead(actor, organisationId, "referral", r.id(), "by uuid",
                List.of(r.clientId())));
        return found;
    }

    public Referral accept(ReachUser actor, long id, ReferralStep step) {
        Referral referral = writable(actor, id);
        Problems problems = new Problems();
        problems.check(referral.status() == ReferralStatus.MADE, "status", "referral.error.transition");
        checkDate(problems, "date", step.date(), referral.lastStepOn());
        problems.throwIfAny();
        store.accept(id, step.date(), now());
        audit.recordWrite(actor, referral.organisationId(), AuditAction.UPDATE, "referral", id, "accepted",
                List.of(referral.clientId()));
        return store.byId(id).orElseThrow();
    }

    public Referral complete(ReachUser actor, long id, ReferralStep step) {
        return close(actor, id, step, ReferralStatus.COMPLETED);
    }

    public Referral fail(ReachUser actor, long id, ReferralStep step) {
        return close(actor, id, step, ReferralStatus.FAILED);
    }

    private Referral close(ReachUser actor, long id, ReferralStep step, ReferralStatus outcome) {
        Referral referral = writable(actor, id);
        Problems problems = new Problems();
        boolean allowed = outcome == ReferralStatus.COMPLETED ? referral.status() == ReferralStatus.ACCEPTED
                : referral.status().open();
        problems.check(allowed, "status", "referral.error.transition");
        checkDate(problems, "date", step.date(), referral.lastStepOn());
        String note = step.note() == null || step.note().isBlank() ? null : step.note().strip();
        problems.check(note == null || note.length() <= 1000, "note", "error.tooLong", 1000);
        problems.throwIfAny();
        store.close(id, outcome, step.date(), note, now());
        audit.recordWrite(actor, referral.organisationId(), AuditAction.UPDATE, "referral", id,
                outcome.name().toLowerCase(), List.of(referral.clientId()));
        if (outcome == ReferralStatus.COMPLETED) {
            clients.recordContacts(actor, referral.organisationId(),
                    List.of(new ClientContacted(referral.clientId(), referral.organisationId(), step.date())));
        }
        return store.byId(id).orElseThrow();
    }

    /** The organisation's referrals, or only those still open after {@code openLongerThanDays} days. */
    @Transactional // not read-only: the read is written to the audit log
    public List<Referral> list(ReachUser actor, Long clientId, Integer openLongerThanDays) {
        long organisationId = ServiceAccess.requireReader(actor, "read referrals");
        new Problems().check(openLongerThanDays == null || openLongerThanDays >= 0, "days", "encounter.error.negativeQuantity")
                .throwIfAny();
        LocalDate by = openLongerThanDays == null ? null : today().minusDays(openLongerThanDays);
        List<Referral> found = store.search(organisationId, clientId, by, LIST_LIMIT);
        audit.recordRead(actor, organisationId, "referral", null,
                (by == null ? "list of " : "follow-up list of ") + found.size(),
                found.stream().map(Referral::clientId).distinct().toList());
        return found;
    }

    @Transactional // not read-only: the read is written to the audit log
    public Referral referral(ReachUser actor, long id) {
        long organisationId = ServiceAccess.requireReader(actor, "read referral");
        Referral referral = store.byId(id).filter(r -> r.organisationId() == organisationId)
                .orElseThrow(() -> new NotFound("referral", id));
        audit.recordRead(actor, organisationId, "referral", id, null, List.of(referral.clientId()));
        return referral;
    }

    @Transactional(readOnly = true)
    public List<Referral> ofClient(ReachUser actor, Client client) {
        if (!ServiceAccess.mayRead(actor) || !actor.mayReadClientsOf(client.organisationId())) {
            return List.of();
        }
        return store.search(client.organisationId(), client.id(), null, LIST_LIMIT);
    }

    private Referral writable(ReachUser actor, long id) {
        long organisationId = ServiceAccess.requireReader(actor, "change referral");
        Referral referral = store.byId(id).filter(r -> r.organisationId() == organisationId)
                .orElseThrow(() -> new NotFound("referral", id));
        ServiceAccess.requireRecorder(actor, "change referral");
        return referral;
    }

    private void checkDate(Problems problems, String field, LocalDate date, LocalDate notBefore) {
        if (date == null) {
            problems.add(field, "error.required");
            return;
        }
        problems.check(!date.isAfter(today()), field, "encounter.error.futureDate");
        problems.check(notBefore == null || !date.isBefore(notBefore), field, "referral.error.beforePrevious", notBefore);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
