package org.reach.linkage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientStatus;
import org.reach.clients.Clients;
import org.reach.clients.RegistrationListener;
import org.reach.linkage.store.LinkageStore;
import org.reach.linkage.store.LinkageStore.Member;
import org.reach.linkage.store.LinkageStore.StoredEncoding;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Record linkage across a programme. At registration a client's encodings are made from the components (or, for
 * clients registered before, from the stored code, sex and birth year) and compared at once with the programme's
 * other encodings; a coordinator's linkage run compares everyone again in the background and replaces what was found.
 * An organisation's staff see, for their own clients, the names of the other organisations where the person is
 * probably also known and their own possible duplicates; a coordinator sees runs and, through the indicators, counts.
 * Encodings never leave this class and its store.
 */
@Service
@Transactional
public class RecordLinkage {

    static final String ENTITY = "linkage";
    static final String BASIS_REGISTRATION = "REGISTRATION";
    static final String BASIS_STORED_CODE = "STORED_CODE";

    private final LinkageStore store;
    private final Clients clients;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final BloomEncoder encoder;
    private final TransactionTemplate transactions;

    RecordLinkage(LinkageStore store, Clients clients, OrganisationDirectory directory, AuditTrail audit,
                  BackgroundJobs jobs, Clock clock, LinkageSecret secret, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.clients = clients;
        this.directory = directory;
        this.audit = audit;
        this.jobs = jobs;
        this.clock = clock;
        this.encoder = secret.encoder();
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // ---- who may do what

    /** Coordinators run linkage for their programme; it shows them no client. */
    public boolean mayRun(ReachUser actor) {
        return actor.has(Role.COORDINATOR) && actor.programmeId() != null;
    }

    /** The organisation's staff see the hints about their own clients. */
    public boolean mayReadHints(ReachUser actor) {
        return actor.organisationId() != null && actor.mayReadClientsOf(actor.organisationId());
    }

    // ---- at registration

    /** Encodes a newly registered client and links it at once with the programme's other encodings. */
    void registered(ReachUser actor, Client client, RegistrationListener.Identity identity) {
        Long programme = programmeOf(actor, client.organisationId());
        if (programme == null) {
            return; // an organisation outside any programme has nobody to be linked with
        }
        long[] basic = encoder.encode(basicInput(client));
        long[] full = identity == null ? null : encoder.encode(EncodingInput.full(identity.motherFirstName(),
                identity.fatherFirstName(), identity.ownFirstName(), identity.ownLastName(),
                identity.gender() == null ? null : identity.gender().name(), identity.birthYear(),
                identity.birthMonth(), identity.birthDay()));
        Instant now = clock.instant();
        store.saveEncoding(client.id(), client.organisationId(), programme, basic, full,
                full == null ? BASIS_STORED_CODE : BASIS_REGISTRATION, cityOf(actor, client.enrolmentSiteId()), now);
        audit.recordWrite(actor, client.organisationId(), AuditAction.CREATE, ENTITY, client.id(),
                full == null ? "encoded from the code" : "encoded from the registration", List.of(client.id()));
        linkOne(actor, client, programme, basic, full, now);
    }

    private void linkOne(ReachUser actor, Client client, long programme, long[] basic, long[] full, Instant now) {
        record Match(StoredEncoding other, int permille) {
        }
        List<Match> matches = new ArrayList<>();
        for (StoredEncoding other : store.encodings(programme)) {
            if (other.clientId() == client.id()) {
                continue;
            }
            boolean onFull = full != null && other.full() != null;
            long[] mine = onFull ? full : basic;
            long[] theirs = onFull ? other.full() : other.basic();
            int permille = DiceKernel.dicePermille(DiceKernel.common(mine, 0, theirs, 0),
                    DiceKernel.popcounts(mine, 1)[0], DiceKernel.popcounts(theirs, 1)[0]);
            if (permille >= (onFull ? LinkageParameters.FULL_THRESHOLD : LinkageParameters.BASIC_THRESHOLD)) {
                matches.add(new Match(other, permille));
            }
        }
        matches.sort(Comparator.comparingInt(Match::permille).reversed());
        String city = cityOf(actor, client.enrolmentSiteId());
        Long groupId = null;
        Set<Long> organisationsInGroup = new LinkedHashSet<>();
        for (Match match : matches) {
            StoredEncoding other = match.other();
            if (other.organisationId() == client.organisationId()) {
                store.addDuplicate(client.id(), other.clientId(), client.organisationId(), programme, match.permille(), now);
                continue;
            }
            Optional<Member> existing = store.member(other.clientId());
            if (groupId == null) {
                List<Member> group = existing.map(m -> store.group(m.groupId())).orElse(List.of());
                if (group.stream().anyMatch(m -> m.organisationId() == client.organisationId())) {
                    continue; // that person is already linked to another client of this organisation
                }
                if (existing.isPresent()) {
                    groupId = existing.get().groupId();
                    group.forEach(m -> organisationsInGroup.add(m.organisationId()));
                } else {
                    groupId = Math.min(client.id(), other.clientId());
                    store.addMember(other.clientId(), groupId, programme, other.organisationId(),
                            other.enrolmentCity(), match.permille(), now);
                    organisationsInGroup.add(other.organisationId());
                }
                store.addMember(client.id(), groupId, programme, client.organisationId(), city, match.permille(), now);
                organisationsInGroup.add(client.organisationId());
                recordLink(actor, client, other, groupId);
            } else if (existing.isEmpty() && organisationsInGroup.add(other.organisationId())) {
                store.addMember(other.clientId(), groupId, programme, other.organisationId(),
                        other.enrolmentCity(), match.permille(), now);
                recordLink(actor, client, other, groupId);
            }
        }
    }

    /** Each side's audit log says a link was found, in its own organisation; neither names the other's client. */
    private void recordLink(ReachUser actor, Client client, StoredEncoding other, long groupId) {
        audit.recordWrite(actor, client.organisationId(), AuditAction.CREATE, "linkage_group", groupId,
                "probably also known at another organisation", List.of(client.id()));
        audit.recordWrite(ReachUser.system(), other.organisationId(), AuditAction.CREATE, "linkage_group", groupId,
                "probably also known at another organisation", List.of(other.clientId()));
    }

    // ---- runs

    /** Starts a linkage run of the coordinator's programme in the background; answers the job id. */
    public String startRun(ReachUser actor) {
        if (!mayRun(actor)) {
            throw new Forbidden("run record linkage");
        }
        long programme = actor.programmeId();
        return jobs.start(actor, "linkage-run", progress -> run(actor, programme, progress));
    }

    /** The programme's latest runs, newest first. */
    @Transactional
    public List<LinkageRun> runs(ReachUser actor) {
        if (!mayRun(actor)) {
            throw new Forbidden("see record linkage runs");
        }
        return store.runs(actor.programmeId(), 20).stream()
                .map(r -> new LinkageRun(r.id(), r.startedAt(), r.finishedAt(), r.encodings(), r.comparisons(),
                        r.fullThreshold() / 10, r.basicThreshold() / 10))
                .toList();
    }

    /** The run itself: encode who has no encoding yet, compare everyone, replace the groups and duplicates. */
    LinkageRun run(ReachUser actor, long programme, BackgroundJobs.Progress progress) {
        Instant started = clock.instant();
        List<Organisation> organisations = directory.programmePartners(actor).stream()
                .filter(o -> Objects.equals(o.programmeId(), programme))
                .toList();
        Map<Long, String> siteCities = new HashMap<>();
        directory.programmePartnerSites(actor).forEach(site -> siteCities.put(site.id(), site.city()));
        progress.total(organisations.size() + 1L);
        for (Organisation organisation : organisations) {
            transactions.executeWithoutResult(status -> {
                Set<Long> encoded = store.encodedClients(organisation.id());
                for (Client client : clients.clientsForLinkage(actor, organisation.id())) {
                    String city = client.enrolmentSiteId() == null ? null : siteCities.get(client.enrolmentSiteId());
                    if (encoded.contains(client.id())) {
                        store.updateCity(client.id(), city);
                    } else {
                        store.saveEncoding(client.id(), organisation.id(), programme, encoder.encode(basicInput(client)),
                                null, BASIS_STORED_CODE, city, clock.instant());
                    }
                }
            });
            progress.advance(1);
        }
        return transactions.execute(status -> {
            List<StoredEncoding> encodings = store.encodings(programme);
            int n = encodings.size();
            long[] basic = new long[n * BloomEncoder.WORDS];
            long[] full = new long[n * BloomEncoder.WORDS];
            boolean[] hasFull = new boolean[n];
            int[] organisationIndex = new int[n];
            Map<Long, Integer> indexes = new HashMap<>();
            for (int i = 0; i < n; i++) {
                StoredEncoding e = encodings.get(i);
                System.arraycopy(e.basic(), 0, basic, i * BloomEncoder.WORDS, BloomEncoder.WORDS);
                if (e.full() != null) {
                    System.arraycopy(e.full(), 0, full, i * BloomEncoder.WORDS, BloomEncoder.WORDS);
                    hasFull[i] = true;
                }
                organisationIndex[i] = indexes.computeIfAbsent(e.organisationId(), id -> indexes.size());
            }
            Linker.Result result = Linker.link(new Linker.Rows(basic, full, hasFull, organisationIndex),
                    LinkageParameters.BASIC_THRESHOLD, LinkageParameters.FULL_THRESHOLD);
            Instant now = clock.instant();
            store.clearProgramme(programme);
            Map<Long, List<Long>> linkedByOrganisation = new LinkedHashMap<>();
            for (int[] group : result.groups()) {
                long groupId = encodings.get(group[0]).clientId();
                for (int row : group) {
                    StoredEncoding e = encodings.get(row);
                    store.addMember(e.clientId(), groupId, programme, e.organisationId(), e.enrolmentCity(),
                            result.joinScores().getOrDefault(row, 0), now);
                    linkedByOrganisation.computeIfAbsent(e.organisationId(), o -> new ArrayList<>()).add(e.clientId());
                }
            }
            for (Linker.ScoredPair pair : result.duplicates()) {
                StoredEncoding a = encodings.get(pair.i());
                StoredEncoding b = encodings.get(pair.j());
                store.addDuplicate(a.clientId(), b.clientId(), a.organisationId(), programme, pair.permille(), now);
                linkedByOrganisation.computeIfAbsent(a.organisationId(), o -> new ArrayList<>())
                        .addAll(List.of(a.clientId(), b.clientId()));
            }
            // Each organisation's log names its own linked clients; the coordinator's entry names none.
            linkedByOrganisation.forEach((organisation, ids) -> audit.recordWrite(actor, organisation,
                    AuditAction.UPDATE, ENTITY, null, "linkage run", ids));
            long id = store.addRun(programme, actor.id(), started, now, n, result.comparisons(),
                    LinkageParameters.FULL_THRESHOLD, LinkageParameters.BASIC_THRESHOLD);
            audit.recordWrite(actor, null, AuditAction.CREATE, "linkage_run", id,
                    "programme " + programme + ", " + n + " encodings");
            progress.advance(1);
            return new LinkageRun(id, started, now, n, result.comparisons(), LinkageParameters.FULL_THRESHOLD / 10,
                    LinkageParameters.BASIC_THRESHOLD / 10);
        });
    }

    // ---- hints

    /** What linkage knows of one of the actor's clients (not found when it is another organisation's). */
    public ClientLinks linksOf(ReachUser actor, long clientId) {
        long organisation = readable(actor);
        Client client = clients.client(actor, clientId);
        ClientLinks links = linksOf(actor, organisation, List.of(client)).get(0);
        audit.recordRead(actor, organisation, ENTITY, clientId, "linkage hints", List.of(clientId));
        return links;
    }

    /** Every client of the actor's organisation with a hint, by code. */
    public List<ClientLinks> hints(ReachUser actor) {
        long organisation = readable(actor);
        Set<Long> ids = new LinkedHashSet<>();
        store.groupsOf(organisation).stream().filter(m -> m.organisationId() == organisation)
                .forEach(m -> ids.add(m.clientId()));
        store.duplicates(organisation).forEach(d -> {
            ids.add(d.clientA());
            ids.add(d.clientB());
        });
        List<Client> found = new ArrayList<>(clients.clients(actor, ids).values());
        found.removeIf(c -> c.status() == ClientStatus.MERGED); // a merged record's history is the survivor's now
        found.sort(Comparator.comparing(Client::uic));
        List<ClientLinks> links = linksOf(actor, organisation, found).stream().filter(l -> !l.noHint()).toList();
        audit.recordRead(actor, organisation, ENTITY, null, "linkage hints of " + links.size() + " clients",
                links.stream().map(ClientLinks::clientId).toList());
        return links;
    }

    private List<ClientLinks> linksOf(ReachUser actor, long organisation, List<Client> of) {
        Map<Long, String> names = new HashMap<>();
        List<ClientLinks> answer = new ArrayList<>();
        Set<Long> duplicateIds = new LinkedHashSet<>();
        Map<Long, List<LinkageStore.Duplicate>> duplicates = new HashMap<>();
        for (Client client : of) {
            List<LinkageStore.Duplicate> mine = store.duplicatesOf(client.id()).stream()
                    .filter(d -> d.organisationId() == organisation).toList();
            duplicates.put(client.id(), mine);
            mine.forEach(d -> duplicateIds.add(d.clientA() == client.id() ? d.clientB() : d.clientA()));
        }
        Map<Long, String> codes = duplicateIds.isEmpty() ? Map.of() : clients.codes(actor, duplicateIds);
        for (Client client : of) {
            List<String> elsewhere = store.member(client.id())
                    .map(m -> store.group(m.groupId()).stream()
                            .filter(other -> other.organisationId() != organisation)
                            .map(other -> names.computeIfAbsent(other.organisationId(), id -> organisationName(actor, id)))
                            .distinct().sorted().toList())
                    .orElse(List.of());
            List<ClientLinks.PossibleDuplicate> possible = duplicates.get(client.id()).stream()
                    .map(d -> {
                        long otherId = d.clientA() == client.id() ? d.clientB() : d.clientA();
                        return new ClientLinks.PossibleDuplicate(otherId, codes.get(otherId), d.scorePermille() / 10);
                    })
                    .filter(d -> d.code() != null)
                    .toList();
            answer.add(new ClientLinks(client.id(), client.uic(), elsewhere, possible));
        }
        return answer;
    }

    // ---- helpers

    static EncodingInput basicInput(Client client) {
        return EncodingInput.basic(client.uic(), client.gender() == null ? null : client.gender().name(),
                client.birthYear());
    }

    private long readable(ReachUser actor) {
        if (!mayReadHints(actor)) {
            throw new Forbidden("read linkage hints");
        }
        return actor.organisationId();
    }

    /** The programme of the client's organisation, as the registering person may name it. */
    private Long programmeOf(ReachUser actor, long organisationId) {
        try {
            return directory.programmePartner(actor, organisationId).programmeId();
        } catch (NotFound gone) {
            return null;
        }
    }

    /** Organisations of one programme may name each other (the hint says where else a client is probably known). */
    private String organisationName(ReachUser actor, long organisationId) {
        return directory.programmePartner(actor, organisationId).name();
    }

    private String cityOf(ReachUser actor, Long siteId) {
        if (siteId == null) {
            return null;
        }
        try {
            return directory.programmePartnerSite(actor, siteId).city();
        } catch (NotFound gone) {
            return null;
        }
    }
}
