package org.reach.services;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientContacted;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.services.store.ReferralStore;
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
        long organisationId = ServiceAccess.requireRecorder(actor, "make referral");
        Problems problems = new Problems();
        Long clientId = null;
        ClientLookup.Session lookup = clients.session(actor);
        String uic = form.clientUic() == null || form.clientUic().isBlank() ? null : form.clientUic().strip();
        if (form.clientId() == null && uic == null) {
            problems.add("clientId", "error.required");
        } else {
            Optional<Client> client = form.clientId() != null ? lookup.byId(form.clientId()) : lookup.byUic(uic);
            String field = form.clientId() != null ? "clientId" : "clientUic";
            if (client.isEmpty()) {
                problems.add(field, "encounter.error.unknownClient");
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
        long id = store.insert(organisationId, clientId, form.providerType(), providerName, form.internalSiteId(),
                form.madeOn(), actor.id(), now());
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, "referral", id, form.providerType().name(),
                List.of(clientId));
        return store.byId(id).orElseThrow();
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
