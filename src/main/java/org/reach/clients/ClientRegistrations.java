package org.reach.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.reach.accounts.StaffDirectory;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.store.ClientStore;
import org.reach.clients.store.NewClient;
import org.reach.clients.store.StoredClient;
import org.reach.clients.uic.NearMatch;
import org.reach.clients.uic.UicCodes;
import org.reach.clients.uic.UicComponents;
import org.reach.clients.uic.UicScheme;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.FieldProblem;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering a client and correcting what was registered: the code built once from its components (never stored) or
 * typed from a code card, the duplicate guard (the exact code opens the existing client; a near match waits for a
 * person's decision, which is recorded), and what a valid client is, which the import checks every row against. The
 * components reach record linkage through {@link RegistrationListener} and nowhere else. Who may register is
 * {@link ClientAccess}'s rule; every registration, decision and correction is audited in its transaction.
 */
@Service
@Transactional
public class ClientRegistrations {

    private static final int MAX_HOTSPOT = 200;
    private static final int MAX_ALIAS = 60;
    /** Attempts of a registration that lost a race to the unique code; the second one finds the winner's client. */
    private static final int MAX_ATTEMPTS = 3;

    private final ClientStore store;
    private final ClientAccess access;
    private final RegistrySettings registrySettings;
    private final ClientViews views;
    private final StaffDirectory staff;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<RegistrationListener> registrationListeners;
    private final TransactionTemplate transactions;

    ClientRegistrations(ClientStore store, ClientAccess access, RegistrySettings registrySettings, ClientViews views,
                        StaffDirectory staff, OrganisationDirectory directory, AuditTrail audit, Clock clock,
                        ObjectProvider<RegistrationListener> registrationListeners,
                        PlatformTransactionManager transactionManager) {
        this.store = store;
        this.access = access;
        this.registrySettings = registrySettings;
        this.views = views;
        this.staff = staff;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.registrationListeners = registrationListeners;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The code these components give under the organisation's scheme; nothing is stored or recorded. */
    public String code(ReachUser actor, UicComponents components) {
        long organisation = access.writable(actor);
        Problems problems = new Problems();
        UicScheme scheme = registrySettings.settingsOf(organisation).scheme();
        String code = codeOf(scheme, new ClientRegistration(components, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null), problems);
        problems.throwIfAny();
        return UicCodes.withCheckCharacter(code);
    }

    /**
     * Registers a client, or opens the one already registered with the code. Two people registering one code
     * at the same moment both get an answer: the one whose insert loses the race to the unique code sees the
     * other's client on a fresh attempt, exactly as if they had come a second later.
     */
    @Transactional(propagation = Propagation.SUPPORTS) // each attempt is its own transaction, see below
    public RegistrationOutcome register(ReachUser actor, ClientRegistration registration) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return registerOnce(actor, registration); // inside a caller's transaction: it decides what a failure means
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> registerOnce(actor, registration));
            } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private RegistrationOutcome registerOnce(ReachUser actor, ClientRegistration registration) {
        long organisation = access.writable(actor);
        ClientSettings settings = registrySettings.settingsOf(organisation);
        Problems problems = new Problems();
        String code = codeOf(settings.scheme(), registration, problems);
        NewClient facts = validate(actor, organisation, code, registration.gender() != null ? registration.gender()
                        : componentGender(registration), registration.birthYear() != null ? registration.birthYear()
                        : componentBirthYear(registration), registration.keyPopulations(), registration.primaryDrug(),
                registration.secondaryDrug(), registration.route(), registration.enrolmentSiteId(),
                registration.enrolmentHotspot(), registration.peerEducatorId(), registration.firstContact(),
                registration.alias(), null, problems);
        problems.throwIfAny();

        Optional<StoredClient> exact = access.byCode(organisation, settings.scheme(), code);
        if (exact.isPresent()) {
            audit.recordRead(actor, organisation, ClientRegistry.ENTITY, exact.get().id(), "opened by exact code");
            return RegistrationOutcome.existing(views.clientOf(exact.get(), settings));
        }
        // Near matches compare the codes without check characters: old and new codes of one person differ only there.
        String body = UicCodes.bodyOf(settings.scheme(), code);
        code = UicCodes.withCheckCharacter(body);
        facts = facts.withUic(code);
        Map<String, String> storedByBody = new LinkedHashMap<>();
        for (String stored : store.codes(organisation)) {
            storedByBody.putIfAbsent(UicCodes.bodyOf(settings.scheme(), stored), stored);
        }
        List<NearMatch> near = UicCodes.nearMatches(settings.scheme(), body, storedByBody.keySet());
        if (!near.isEmpty()) {
            Map<String, NearMatch.Kind> kinds = new LinkedHashMap<>();
            near.forEach(match -> kinds.putIfAbsent(storedByBody.get(match.code()), match.kind()));
            List<StoredClient> candidates = store.byUics(organisation, kinds.keySet());
            if (registration.decision() == null) {
                audit.recordRead(actor, organisation, ClientRegistry.ENTITY, null, "near matches " + ids(candidates),
                        candidates.stream().map(StoredClient::id).toList());
                return RegistrationOutcome.needsDecision(code, candidates.stream()
                        .map(c -> new NearMatchCandidate(c.id(), c.uic(), kinds.get(c.uic()), c.gender(), c.birthYear(),
                                views.siteName(actor, c.enrolmentSiteId()), c.firstContact()))
                        .toList());
            }
            if (registration.decision() == DuplicateDecision.CONFIRMED_SAME) {
                StoredClient same = candidates.stream()
                        .filter(c -> registration.sameAsClientId() != null && c.id() == registration.sameAsClientId())
                        .findFirst()
                        .orElseThrow(() -> InvalidInput.of("sameAsClientId", "client.error.notANearMatch"));
                store.addDuplicateDecision(organisation, code, same.id(), kinds.get(same.uic()).name(),
                        DuplicateDecision.CONFIRMED_SAME, ClientAccess.actorId(actor), now());
                audit.recordWrite(actor, organisation, AuditAction.CREATE, "duplicate_decision", same.id(),
                        DuplicateDecision.CONFIRMED_SAME.name(), List.of(same.id()));
                audit.recordRead(actor, organisation, ClientRegistry.ENTITY, same.id(), "opened by confirmed near match");
                return RegistrationOutcome.existing(views.clientOf(same, settings));
            }
            for (StoredClient candidate : candidates) {
                store.addDuplicateDecision(organisation, code, candidate.id(), kinds.get(candidate.uic()).name(),
                        DuplicateDecision.REJECTED_DIFFERENT, ClientAccess.actorId(actor), now());
                audit.recordWrite(actor, organisation, AuditAction.CREATE, "duplicate_decision", candidate.id(),
                        DuplicateDecision.REJECTED_DIFFERENT.name(), List.of(candidate.id()));
            }
        }
        long id = store.insert(facts, now());
        audit.recordWrite(actor, organisation, AuditAction.CREATE, ClientRegistry.ENTITY, id, null);
        Client created = views.clientOf(store.byId(id).orElseThrow(), settings);
        registrationListeners.orderedStream()
                .forEach(listener -> listener.registered(actor, created, identity(registration.components(), created)));
        return RegistrationOutcome.created(created);
    }

    /** The components as record linkage reads them: names as letters only, unknown parts empty or null. */
    private static RegistrationListener.Identity identity(UicComponents components, Client client) {
        if (components == null) {
            return null;
        }
        return new RegistrationListener.Identity(letters(components.motherFirstName()),
                letters(components.fatherFirstName()), letters(components.ownFirstName()),
                letters(components.ownLastName()), client.gender(), client.birthYear(), components.birthMonth(),
                components.birthDay());
    }

    private static String letters(String name) {
        try {
            return name == null ? "" : UicCodes.normaliseName("name", name);
        } catch (InvalidInput refused) {
            return ""; // a name the code could do without (own names when the parents are known)
        }
    }

    /** Decisions recorded about a new code: candidate client id to decision. */
    public Map<Long, DuplicateDecision> duplicateDecisions(ReachUser actor, String newCode) {
        long organisation = access.readable(actor);
        UicScheme scheme = registrySettings.settingsOf(organisation).scheme();
        String code = UicCodes.normalise(newCode);
        if (UicCodes.isWellFormed(scheme, code)) {
            code = UicCodes.withCheckCharacter(code); // decisions are kept under the new code, check character included
        }
        return store.duplicateDecisions(organisation, code);
    }

    private String codeOf(UicScheme scheme, ClientRegistration registration, Problems problems) {
        UicComponents components = registration.components();
        if (components != null) {
            Gender gender = registration.gender() != null ? registration.gender() : components.gender();
            Integer birthYear = registration.birthYear() != null ? registration.birthYear() : components.birthYear();
            boolean partsOk = checkDatePart(problems, "birthMonth", components.birthMonth(), 12)
                    & checkDatePart(problems, "birthDay", components.birthDay(), 31)
                    & checkDatePart(problems, "birthOrder", components.birthOrder(), 99);
            try {
                String code = UicCodes.generate(scheme, new UicComponents(components.motherFirstName(),
                        components.fatherFirstName(), components.ownFirstName(), components.ownLastName(), gender,
                        birthYear, components.birthMonth(), components.birthDay(), components.birthOrder()));
                return partsOk ? code : null;
            } catch (InvalidInput invalid) {
                for (FieldProblem problem : invalid.problems()) {
                    if (!problems.has(problem.field())) {
                        problems.add(problem.field(), problem.messageKey(), problem.arguments().toArray());
                    }
                }
                return null;
            }
        }
        if (registration.code() == null || registration.code().isBlank()) {
            problems.add("code", "client.error.codeOrComponents");
            return null;
        }
        String code = UicCodes.normalise(registration.code());
        if (UicCodes.isCheckCharacterWrong(scheme, code) && UicCodes.isWellFormed(scheme, UicCodes.bodyOf(scheme, code))) {
            problems.add("code", "client.error.checkCharacter");
        } else {
            problems.check(UicCodes.isWellFormedWithOrWithoutCheck(scheme, code), "code", "client.error.codeFormat",
                    scheme.length(), scheme.length() + 1);
        }
        return code;
    }

    private static boolean checkDatePart(Problems problems, String field, Integer value, int max) {
        boolean ok = value == null || (value >= 1 && value <= max);
        problems.check(ok, field, "client.error.between", 1, max);
        return ok;
    }

    private static Gender componentGender(ClientRegistration registration) {
        return registration.components() == null ? null : registration.components().gender();
    }

    private static Integer componentBirthYear(ClientRegistration registration) {
        return registration.components() == null ? null : registration.components().birthYear();
    }

    // ---- correcting

    /** Corrects a client's facts; the code never changes, and only those who see the alias may change it. */
    public ClientProfile update(ReachUser actor, long clientId, ClientUpdate update) {
        long organisation = access.writable(actor);
        StoredClient current = access.stored(actor, clientId);
        Client asClient = views.clientOf(current);
        boolean aliasVisible = access.maySeeAlias(actor, asClient);
        Problems problems = new Problems();
        NewClient facts = validate(actor, organisation, current.uic(), update.gender(), update.birthYear(),
                update.keyPopulations(), update.primaryDrug(), update.secondaryDrug(), update.route(),
                update.enrolmentSiteId(), update.enrolmentHotspot(), update.peerEducatorId(), update.firstContact(),
                aliasVisible ? update.alias() : null, current, problems);
        if (update.firstContact() != null && current.lastContact().isAfter(current.firstContact())
                && update.firstContact().isAfter(current.lastContact())) {
            problems.add("firstContact", "client.error.afterLastContact");
        }
        problems.throwIfAny();
        String alias = aliasVisible ? facts.alias() : current.alias();
        NewClient changed = new NewClient(organisation, current.uic(), facts.gender(), facts.birthYear(),
                facts.keyPopulations(), facts.primaryDrug(), facts.secondaryDrug(), facts.route(), facts.enrolmentSiteId(),
                facts.enrolmentHotspot(), facts.peerEducatorId(), facts.firstContact(), current.stage(), alias);
        store.update(clientId, changed, now());
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, ClientRegistry.ENTITY, clientId, null);
        return views.profileOf(actor, store.byId(clientId).orElseThrow());
    }

    // ---- what a valid client is: everything is checked before anything is written

    NewClient validate(ReachUser actor, long organisation, String code, Gender gender, Integer birthYear,
                       Set<KeyPopulation> keyPopulations, Drug primaryDrug, Drug secondaryDrug, Route route,
                       Long enrolmentSiteId, String hotspot, Long peerEducatorId, LocalDate firstContact,
                       String alias, StoredClient current, Problems problems) {
        LocalDate today = today();
        problems.check(gender != null || problems.has("gender"), "gender", "error.required");
        if (birthYear != null) {
            int youngest = today.getYear() - 10;
            int oldest = today.getYear() - 100;
            problems.check(birthYear >= oldest && birthYear <= youngest, "birthYear", "client.error.birthYear", oldest, youngest);
        }
        problems.check(secondaryDrug == null || secondaryDrug != primaryDrug, "secondaryDrug", "client.error.sameDrug");
        if (enrolmentSiteId == null) {
            problems.check(problems.has("enrolmentSiteId"), "enrolmentSiteId", "error.required");
        } else {
            boolean visible;
            try {
                Site site = directory.site(actor, enrolmentSiteId);
                visible = site.organisationId() == organisation
                        && (site.active() || (current != null && current.enrolmentSiteId() == site.id()));
            } catch (NotFound notVisible) {
                visible = false;
            }
            problems.check(visible, "enrolmentSiteId", "error.unknown");
        }
        String cleanHotspot = ClientFields.trim(hotspot);
        problems.check(cleanHotspot == null || cleanHotspot.length() <= MAX_HOTSPOT, "enrolmentHotspot", "error.tooLong", MAX_HOTSPOT);
        if (peerEducatorId != null) {
            problems.check(staff.isMemberOf(peerEducatorId, organisation), "peerEducatorId", "error.unknown");
        }
        if (firstContact == null) {
            problems.check(problems.has("firstContact"), "firstContact", "error.required");
        } else {
            problems.check(!firstContact.isAfter(today), "firstContact", "client.error.future");
            problems.check(!firstContact.isBefore(LocalDate.of(1980, 1, 1)), "firstContact", "client.error.tooEarly");
        }
        String cleanAlias = ClientFields.trim(alias);
        if (cleanAlias != null) {
            problems.check(cleanAlias.length() <= MAX_ALIAS, "alias", "error.tooLong", MAX_ALIAS);
            problems.check(enrolmentSiteId != null && actor.isAssignedTo(enrolmentSiteId), "alias", "client.error.aliasSiteOnly");
        }
        if (code == null || gender == null || enrolmentSiteId == null || firstContact == null) {
            return null;
        }
        return new NewClient(organisation, code, gender, birthYear, keyPopulations, primaryDrug, secondaryDrug, route,
                enrolmentSiteId, cleanHotspot, peerEducatorId, firstContact, CareStage.HARM_REDUCTION, cleanAlias);
    }

    private static String ids(List<StoredClient> clients) {
        return clients.stream().map(c -> String.valueOf(c.id())).collect(Collectors.joining(","));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
