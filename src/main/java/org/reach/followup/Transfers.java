package org.reach.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientContacted;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatus;
import org.reach.clients.KeyPopulation;
import org.reach.clients.RegistrationOutcome;
import org.reach.clients.StatusChange;
import org.reach.followup.store.FollowUpStore;
import org.reach.followup.store.FollowUpStore.StoredPartnerService;
import org.reach.followup.store.FollowUpStore.StoredTransfer;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.Referrals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers and referrals between organisations of one programme, and the partner directory they choose from.
 * The sender records the client's consent and which fields may be shared; only those are copied into the transfer,
 * and only that copy is what the receiving organisation's managers read. The receiver confirms the arrival (which
 * registers the person in its own registry with only those fields, or links a client it already has) or records a
 * no-show; the sender sees the outcome and nothing the receiver records afterwards. Both sides' audit logs hold
 * every step.
 */
@Service
@Transactional
public class Transfers {

    public static final int MAX_SERVICES = 500;
    public static final int MAX_HOURS = 200;
    public static final int MAX_OAT_DOSE_MG = 1000;
    private static final int LIST_LIMIT = 500;

    private final FollowUpStore store;
    private final ClientRegistry clients;
    private final Referrals referrals;
    private final OrganisationDirectory directory;
    private final Movements movements;
    private final AuditTrail audit;
    private final Clock clock;

    Transfers(FollowUpStore store, ClientRegistry clients, Referrals referrals, OrganisationDirectory directory,
              Movements movements, AuditTrail audit, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.referrals = referrals;
        this.directory = directory;
        this.movements = movements;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- who may

    public boolean mayTransfer(ReachUser actor) {
        return FollowUpAccess.mayManage(actor) && programmeOf(actor) != null;
    }

    public boolean mayReceive(ReachUser actor) {
        return FollowUpAccess.mayManage(actor);
    }

    /** Organisation managers keep their own sites in the directory. */
    public boolean mayEditDirectory(ReachUser actor) {
        return actor.organisationId() != null && actor.has(Role.ORG_MANAGER) && programmeOf(actor) != null;
    }

    /** The programme's staff and its coordinators read the directory. */
    public boolean mayReadDirectory(ReachUser actor) {
        return programmeOf(actor) != null && (actor.has(Role.COORDINATOR) || (actor.organisationId() != null
                && actor.mayReadClientsOf(actor.organisationId())));
    }

    private Long programmeOf(ReachUser actor) {
        if (actor.organisationId() != null) {
            try {
                return directory.organisation(actor, actor.organisationId()).programmeId();
            } catch (NotFound gone) {
                return null;
            }
        }
        return actor.has(Role.COORDINATOR) ? actor.programmeId() : null;
    }

    /** The active organisations of the reader's programme, which partners may name to each other. */
    private Map<Long, Organisation> programmeOrganisations(ReachUser actor) {
        Long programmeId = programmeOf(actor);
        return directory.programmePartners(actor).stream()
                .filter(o -> programmeId != null && programmeId.equals(o.programmeId()) && o.active())
                .collect(Collectors.toMap(Organisation::id, o -> o));
    }

    // ---- partner directory

    /** Every partner service of the reader's programme, by organisation and site name. */
    @Transactional
    public List<PartnerService> directory(ReachUser actor) {
        if (!mayReadDirectory(actor)) {
            throw new Forbidden("read partner directory");
        }
        Map<Long, Organisation> organisations = programmeOrganisations(actor);
        Map<Long, Site> sites = new HashMap<>();
        directory.programmePartnerSites(actor).stream().filter(s -> organisations.containsKey(s.organisationId()))
                .forEach(s -> sites.put(s.id(), s));
        List<PartnerService> found = new ArrayList<>();
        for (StoredPartnerService s : store.partnerServices(organisations.keySet())) {
            Site site = sites.get(s.siteId());
            if (site != null && site.active()) {
                found.add(new PartnerService(s.id(), s.organisationId(), organisations.get(s.organisationId()).name(),
                        site.id(), site.name(), site.city(), s.servicesOffered(), s.openingHours(), s.womenWelcome(),
                        s.nonInjectorsWelcome()));
            }
        }
        found.sort(java.util.Comparator.comparing(PartnerService::organisationName).thenComparing(PartnerService::siteName));
        return found;
    }

    /** The partner services of other organisations of the programme, for the transfer form. */
    @Transactional
    public List<PartnerService> destinations(ReachUser actor) {
        if (!mayTransfer(actor)) {
            return List.of();
        }
        return directory(actor).stream().filter(p -> p.organisationId() != actor.organisationId()).toList();
    }

    /** The sites an organisation manager may describe in the directory. */
    @Transactional
    public List<Site> ownSites(ReachUser actor) {
        if (!mayEditDirectory(actor)) {
            return List.of();
        }
        return directory.sites(actor, actor.organisationId()).stream().filter(Site::active).toList();
    }

    public PartnerService describe(ReachUser actor, PartnerServiceForm form) {
        if (!mayEditDirectory(actor)) {
            throw new Forbidden("edit partner directory");
        }
        long organisationId = actor.organisationId();
        Problems problems = new Problems();
        if (form.siteId() == null) {
            problems.add("siteId", "error.required");
        } else {
            problems.check(ownSites(actor).stream().anyMatch(s -> s.id() == form.siteId()), "siteId", "followup.error.site");
        }
        String services = FollowUp.trim(form.servicesOffered());
        String hours = FollowUp.trim(form.openingHours());
        requiredText(problems, "servicesOffered", services, MAX_SERVICES);
        requiredText(problems, "openingHours", hours, MAX_HOURS);
        problems.check(form.womenWelcome() != null, "womenWelcome", "error.required");
        problems.check(form.nonInjectorsWelcome() != null, "nonInjectorsWelcome", "error.required");
        problems.throwIfAny();
        long id = store.savePartnerService(organisationId, form.siteId(), services, hours, form.womenWelcome(),
                form.nonInjectorsWelcome(), actor.id(), clock.instant());
        audit.recordWrite(actor, organisationId, AuditAction.UPDATE, "followup_partner_service", id, "site " + form.siteId());
        return directory(actor).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    private static void requiredText(Problems problems, String field, String text, int max) {
        if (text == null) {
            problems.add(field, "error.required");
        } else {
            problems.check(text.length() <= max, field, "error.tooLong", max);
            FollowUp.requireNoNul(problems, field, text);
        }
    }

    // ---- sending

    public SentTransfer send(ReachUser actor, TransferForm form) {
        long organisationId = FollowUpAccess.requireManager(actor, "transfer client");
        Long programmeId = programmeOf(actor);
        if (programmeId == null) {
            throw new Forbidden("transfer client");
        }
        Problems problems = new Problems();
        Client client = Tracing.client(clients, store, actor, form.clientId(), problems);
        if (client != null) {
            problems.check(!client.isDeceased() && client.status() != ClientStatus.TRANSFERRED, "clientId",
                    "followup.error.notTransferable");
            problems.check(store.transfersFrom(organisationId, client.id(), LIST_LIMIT).stream()
                    .noneMatch(t -> t.status().equals(TransferStatus.PENDING.name())), "clientId", "followup.error.pending");
        }
        problems.check(form.kind() != null, "kind", "error.required");
        PartnerService destination = null;
        if (form.partnerServiceId() == null) {
            problems.add("partnerServiceId", "error.required");
        } else {
            destination = destinations(actor).stream().filter(p -> p.id() == form.partnerServiceId()).findFirst().orElse(null);
            problems.check(destination != null, "partnerServiceId", "followup.error.destination");
        }
        problems.check(Boolean.TRUE.equals(form.consent()), "consent", "followup.error.consent");
        Tracing.checkDate(problems, "consentOn", form.consentOn(), null, today());
        boolean shareDose = form.shared().contains(SharedField.OAT_DOSE);
        if (shareDose) {
            if (form.oatDoseMg() == null) {
                problems.add("oatDoseMg", "error.required");
            } else {
                problems.check(form.oatDoseMg() >= 1 && form.oatDoseMg() <= MAX_OAT_DOSE_MG, "oatDoseMg",
                        "followup.error.between", 1, MAX_OAT_DOSE_MG);
            }
        }
        problems.throwIfAny();
        Set<SharedField> shared = form.shared();
        String code = shared.contains(SharedField.CODE) ? client.uic() : null;
        String keyPopulations = shared.contains(SharedField.KEY_POPULATION)
                ? client.keyPopulations().stream().map(Enum::name).sorted().collect(Collectors.joining(",")) : null;
        String openReferrals = null;
        if (shared.contains(SharedField.OPEN_REFERRALS)) {
            openReferrals = referrals.list(actor, client.id(), null).stream().filter(r -> r.status().open())
                    .map(r -> r.providerType().name() + " " + r.madeOn()).collect(Collectors.joining(", "));
        }
        String fromCity = client.enrolmentSiteId() == null ? null
                : Movements.city(directory.programmePartnerSite(actor, client.enrolmentSiteId()));
        StoredTransfer transfer = new StoredTransfer(0, programmeId, form.kind().name(), organisationId, client.id(),
                fromCity, destination.id(), destination.organisationId(), destination.siteId(),
                Movements.city(destination.city()), form.consentOn(), today(), code, keyPopulations,
                shareDose ? form.oatDoseMg() : null, openReferrals, TransferStatus.PENDING.name(), null, null);
        long id = store.insertTransfer(transfer, actor.id(), clock.instant());
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, "followup_transfer", id,
                form.kind().name() + " to organisation " + destination.organisationId() + ", shares " + sorted(shared),
                List.of(client.id()));
        audit.recordWrite(actor, destination.organisationId(), AuditAction.CREATE, "followup_transfer", id,
                "pending arrival from organisation " + organisationId);
        return sentView(actor, store.transfer(id).orElseThrow());
    }

    private static List<String> sorted(Set<SharedField> shared) {
        return shared.stream().map(Enum::name).sorted().toList();
    }

    /** The organisation's transfers and referrals out (of one client, if asked), newest first. */
    @Transactional // not read-only: the read is written to the audit log
    public List<SentTransfer> sent(ReachUser actor, Long clientId) {
        long organisationId = FollowUpAccess.requireManager(actor, "read transfers");
        List<StoredTransfer> found = Tracing.followed(clients, store, actor,
                store.transfersFrom(organisationId, clientId, LIST_LIMIT), StoredTransfer::fromClientId);
        audit.recordRead(actor, organisationId, "followup_transfer", null, "sent " + found.size(),
                found.stream().map(StoredTransfer::fromClientId).distinct().toList());
        return found.stream().map(t -> sentView(actor, t)).toList();
    }

    private SentTransfer sentView(ReachUser actor, StoredTransfer t) {
        Organisation to = directory.programmePartner(actor, t.toOrganisationId());
        Site site = directory.programmePartnerSite(actor, t.toSiteId());
        Set<SharedField> shared = EnumSet.noneOf(SharedField.class);
        if (t.sharedCode() != null) {
            shared.add(SharedField.CODE);
        }
        if (t.sharedKeyPopulations() != null) {
            shared.add(SharedField.KEY_POPULATION);
        }
        if (t.sharedOatDose() != null) {
            shared.add(SharedField.OAT_DOSE);
        }
        if (t.sharedOpenReferrals() != null) {
            shared.add(SharedField.OPEN_REFERRALS);
        }
        return new SentTransfer(t.id(), TransferKind.valueOf(t.kind()), t.fromClientId(), to.name(), site.name(),
                t.toCity(), t.consentOn(), t.sentOn(), shared, TransferStatus.valueOf(t.status()), t.outcomeOn());
    }

    // ---- receiving

    /** Transfers to the reader's organisation (a site manager's: to their sites), pending first. */
    @Transactional // not read-only: the read is written to the audit log
    public List<Arrival> arrivals(ReachUser actor) {
        long organisationId = FollowUpAccess.requireManager(actor, "read arrivals");
        List<StoredTransfer> found = store.transfersTo(organisationId, LIST_LIMIT).stream()
                .filter(t -> receives(actor, t)).toList();
        audit.recordRead(actor, organisationId, "followup_transfer", null, "arrivals " + found.size(),
                found.stream().map(StoredTransfer::toClientId).filter(java.util.Objects::nonNull).toList());
        return found.stream().map(t -> arrivalView(actor, t)).toList();
    }

    @Transactional // not read-only: the read is written to the audit log
    public Arrival arrival(ReachUser actor, long id) {
        long organisationId = FollowUpAccess.requireManager(actor, "read arrival");
        StoredTransfer t = received(actor, organisationId, id);
        audit.recordRead(actor, organisationId, "followup_transfer", id, "arrival",
                t.toClientId() == null ? List.of() : List.of(t.toClientId()));
        return arrivalView(actor, t);
    }

    private boolean receives(ReachUser actor, StoredTransfer t) {
        return FollowUpAccess.seesWholeOrganisation(actor) || actor.isAssignedTo(t.toSiteId());
    }

    private StoredTransfer received(ReachUser actor, long organisationId, long id) {
        return store.transfer(id).filter(t -> t.toOrganisationId() == organisationId).filter(t -> receives(actor, t))
                .orElseThrow(() -> new NotFound("arrival", id));
    }

    private Arrival arrivalView(ReachUser actor, StoredTransfer t) {
        Organisation from = directory.programmePartner(actor, t.fromOrganisationId());
        Site site = directory.programmePartnerSite(actor, t.toSiteId());
        List<String> keyPopulations = t.sharedKeyPopulations() == null ? null
                : t.sharedKeyPopulations().isEmpty() ? List.of() : Arrays.asList(t.sharedKeyPopulations().split(","));
        return new Arrival(t.id(), TransferKind.valueOf(t.kind()), from.name(), site.id(), site.name(), t.sentOn(),
                TransferStatus.valueOf(t.status()), t.outcomeOn(), t.sharedCode(), keyPopulations, t.sharedOatDose(),
                t.sharedOpenReferrals(), t.toClientId());
    }

    /**
     * The person arrived: they are registered in the receiving organisation with only the shared fields (or linked
     * to a client it already has), the arrival counts as a contact there, the move between cities is recorded, and
     * for a transfer the sending organisation's client becomes TRANSFERRED.
     */
    public Arrival confirm(ReachUser actor, long id, ArrivalForm form) {
        long organisationId = FollowUpAccess.requireManager(actor, "confirm arrival");
        StoredTransfer t = received(actor, organisationId, id);
        Problems problems = new Problems();
        problems.check(t.status().equals(TransferStatus.PENDING.name()), "arrivedOn", "followup.error.closed");
        Tracing.checkDate(problems, "arrivedOn", form.arrivedOn(), t.sentOn(), today());
        Client existing = null;
        if (form.existingClientId() != null) {
            existing = clients.clients(actor, List.of(form.existingClientId())).get(form.existingClientId());
            problems.check(existing != null && !existing.isDeceased(), "existingClientId", "followup.error.unknownClient");
        } else {
            problems.check(form.gender() != null, "gender", "error.required");
            String code = t.sharedCode() != null ? t.sharedCode() : FollowUp.trim(form.code());
            problems.check(code != null, "code", "error.required");
        }
        problems.throwIfAny();
        Client received;
        if (existing != null) {
            received = existing;
            clients.recordContacts(actor, organisationId,
                    List.of(new ClientContacted(existing.id(), organisationId, form.arrivedOn())));
        } else {
            Set<KeyPopulation> keyPopulations = new HashSet<>();
            if (t.sharedKeyPopulations() != null && !t.sharedKeyPopulations().isEmpty()) {
                Arrays.stream(t.sharedKeyPopulations().split(",")).forEach(k -> keyPopulations.add(KeyPopulation.valueOf(k)));
            }
            String code = t.sharedCode() != null ? t.sharedCode() : FollowUp.trim(form.code());
            RegistrationOutcome outcome = clients.register(actor, new ClientRegistration(null, code, form.gender(), null,
                    keyPopulations, null, null, null, t.toSiteId(), null, null, form.arrivedOn(), null, null, null));
            if (outcome.kind() == RegistrationOutcome.Kind.NEEDS_DECISION) {
                throw InvalidInput.of("existingClientId", "followup.error.nearMatch");
            }
            received = outcome.client();
            if (outcome.kind() == RegistrationOutcome.Kind.EXISTING) {
                clients.recordContacts(actor, organisationId,
                        List.of(new ClientContacted(received.id(), organisationId, form.arrivedOn())));
            }
        }
        if (!store.closeTransfer(id, TransferStatus.ARRIVED.name(), form.arrivedOn(), received.id(), actor.id(),
                clock.instant())) {
            throw InvalidInput.of("arrivedOn", "followup.error.closed");
        }
        Organisation sender = directory.programmePartner(actor, t.fromOrganisationId());
        if (TransferKind.valueOf(t.kind()) == TransferKind.TRANSFER) {
            clients.changeStatus(systemOf(sender), t.fromClientId(), new StatusChange(ClientStatus.TRANSFERRED,
                    form.arrivedOn(), "Arrived at " + directory.programmePartner(actor, organisationId).name()));
        }
        movements.record(sender, t.fromClientId(), t.fromCity(), t.toCity(), form.arrivedOn(), Movements.Source.TRANSFER);
        audit.recordWrite(actor, organisationId, AuditAction.UPDATE, "followup_transfer", id, "arrived",
                List.of(received.id()));
        audit.recordWrite(actor, t.fromOrganisationId(), AuditAction.UPDATE, "followup_transfer", id,
                "arrived at organisation " + organisationId, List.of(t.fromClientId()));
        return arrivalView(actor, store.transfer(id).orElseThrow());
    }

    /** The person did not come: both sides see the no-show. */
    public Arrival noShow(ReachUser actor, long id, LocalDate on) {
        long organisationId = FollowUpAccess.requireManager(actor, "record no-show");
        StoredTransfer t = received(actor, organisationId, id);
        Problems problems = new Problems();
        problems.check(t.status().equals(TransferStatus.PENDING.name()), "date", "followup.error.closed");
        Tracing.checkDate(problems, "date", on, t.sentOn(), today());
        problems.throwIfAny();
        if (!store.closeTransfer(id, TransferStatus.NO_SHOW.name(), on, null, actor.id(), clock.instant())) {
            throw InvalidInput.of("date", "followup.error.closed");
        }
        audit.recordWrite(actor, organisationId, AuditAction.UPDATE, "followup_transfer", id, "no-show");
        audit.recordWrite(actor, t.fromOrganisationId(), AuditAction.UPDATE, "followup_transfer", id,
                "no-show at organisation " + organisationId, List.of(t.fromClientId()));
        return arrivalView(actor, store.transfer(id).orElseThrow());
    }

    /**
     * The sending organisation's registry is changed in its own name by the system, on the receiver's confirmation:
     * the receiver's managers may not write to another organisation's clients themselves.
     */
    private static ReachUser systemOf(Organisation organisation) {
        return new ReachUser(0, "system", "Reach", organisation.id(), organisation.programmeId(),
                EnumSet.of(Role.ORG_MANAGER), Set.of(), "en", true, false, false, null);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
