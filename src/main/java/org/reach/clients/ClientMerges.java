package org.reach.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reach.accounts.StaffDirectory;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.store.ClientMergeStore;
import org.reach.clients.store.ClientMergeStore.StoredMerge;
import org.reach.clients.store.ClientStore;
import org.reach.clients.store.StoredClient;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging two records of one person inside an organisation, and undoing it. The organisation's manager reviews the
 * possible duplicates, chooses the record that survives and gives a reason; every capability holding rows of the
 * merged record moves them to the survivor ({@link ClientMergeParticipant}) and keeps a journal, and the merged record
 * is hidden from lists and counts, its code opening the survivor. An undo moves exactly the journaled rows back and
 * restores both records as they were. Never across organisations; every step audited with both client ids.
 */
@Service
@Transactional
public class ClientMerges {

    static final String ENTITY = "client_merge";
    private static final int MAX_REASON = 500;
    private static final int MAX_LISTED = 200;

    private final ClientStore clients;
    private final ClientMergeStore merges;
    private final ClientAccess access;
    private final ClientViews views;
    private final ObjectProvider<ClientMergeParticipant> participants;
    private final ObjectProvider<DuplicateFinder> finders;
    private final ObjectProvider<EncounterCounts> encounterCounts;
    private final OrganisationDirectory directory;
    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final Clock clock;

    ClientMerges(ClientStore clients, ClientMergeStore merges, ClientAccess access, ClientViews views,
                 ObjectProvider<ClientMergeParticipant> participants, ObjectProvider<DuplicateFinder> finders,
                 ObjectProvider<EncounterCounts> encounterCounts, OrganisationDirectory directory, StaffDirectory staff,
                 AuditTrail audit, Clock clock) {
        this.clients = clients;
        this.merges = merges;
        this.access = access;
        this.views = views;
        this.participants = participants;
        this.finders = finders;
        this.encounterCounts = encounterCounts;
        this.directory = directory;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** The organisation's manager merges its clients' records; nobody else, and never another organisation's. */
    public boolean mayMerge(ReachUser actor) {
        return access.mayRead(actor) && actor.has(Role.ORG_MANAGER);
    }

    private long mergingOrganisation(ReachUser actor) {
        if (!mayMerge(actor)) {
            throw new Forbidden("merge clients");
        }
        return actor.organisationId();
    }

    /**
     * The organisation's possible duplicates (pairs record linkage scored above its threshold), highest score first,
     * each side as the registry holds it. Pairs with a record already merged are left out. Recorded as one read.
     */
    @Transactional // not read-only: the read is written to the audit log
    public List<DuplicateReview> reviewList(ReachUser actor) {
        long organisation = mergingOrganisation(actor);
        List<DuplicateFinder.PossibleDuplicate> pairs = new ArrayList<>();
        finders.orderedStream().forEach(finder -> pairs.addAll(finder.possibleDuplicates(organisation)));
        Set<Long> ids = new LinkedHashSet<>();
        pairs.forEach(pair -> {
            ids.add(pair.clientA());
            ids.add(pair.clientB());
        });
        Map<Long, StoredClient> found = new HashMap<>();
        clients.byIds(organisation, ids).stream().filter(c -> !c.isMerged()).forEach(c -> found.put(c.id(), c));
        Map<Long, Integer> encounters = new HashMap<>();
        encounterCounts.orderedStream().forEach(counts -> counts.encounters(organisation, found.keySet())
                .forEach((id, n) -> encounters.merge(id, n, Integer::sum)));
        Map<Long, String> sites = directory.siteNamesOfOwnOrganisation(actor);
        List<DuplicateReview> review = new ArrayList<>();
        Set<Long> shown = new LinkedHashSet<>();
        pairs.stream()
                .filter(pair -> found.containsKey(pair.clientA()) && found.containsKey(pair.clientB()))
                .sorted(Comparator.comparingInt(DuplicateFinder.PossibleDuplicate::scorePercent).reversed()
                        .thenComparingLong(DuplicateFinder.PossibleDuplicate::clientA)
                        .thenComparingLong(DuplicateFinder.PossibleDuplicate::clientB))
                .limit(MAX_LISTED)
                .forEach(pair -> {
                    StoredClient a = found.get(pair.clientA());
                    StoredClient b = found.get(pair.clientB());
                    // the older record first: the usual survivor
                    StoredClient first = a.id() < b.id() ? a : b;
                    StoredClient second = first == a ? b : a;
                    review.add(new DuplicateReview(pair.scorePercent(), side(first, sites, encounters),
                            side(second, sites, encounters)));
                    shown.add(a.id());
                    shown.add(b.id());
                });
        audit.recordRead(actor, organisation, ClientRegistry.ENTITY, null,
                "duplicate review of " + review.size() + " pairs", List.copyOf(shown));
        return review;
    }

    /**
     * Two records of the manager's organisation side by side, older first, with linkage's score when it scored the
     * pair (0 otherwise): what the merge page shows. Recorded as one read.
     */
    @Transactional // not read-only: the read is written to the audit log
    public DuplicateReview compare(ReachUser actor, long firstId, long secondId) {
        long organisation = mergingOrganisation(actor);
        StoredClient a = own(organisation, firstId);
        StoredClient b = own(organisation, secondId);
        if (a.id() == b.id()) {
            throw InvalidInput.of("second", "clientMerge.error.sameRecord");
        }
        int score = 0;
        for (DuplicateFinder finder : finders.orderedStream().toList()) {
            for (DuplicateFinder.PossibleDuplicate pair : finder.possibleDuplicates(organisation)) {
                if ((pair.clientA() == a.id() && pair.clientB() == b.id())
                        || (pair.clientA() == b.id() && pair.clientB() == a.id())) {
                    score = Math.max(score, pair.scorePercent());
                }
            }
        }
        Map<Long, Integer> encounters = new HashMap<>();
        encounterCounts.orderedStream().forEach(counts -> counts.encounters(organisation, List.of(a.id(), b.id()))
                .forEach((id, n) -> encounters.merge(id, n, Integer::sum)));
        Map<Long, String> sites = directory.siteNamesOfOwnOrganisation(actor);
        StoredClient first = a.id() < b.id() ? a : b;
        StoredClient second = first == a ? b : a;
        audit.recordRead(actor, organisation, ClientRegistry.ENTITY, null, "merge comparison",
                List.of(first.id(), second.id()));
        return new DuplicateReview(score, side(first, sites, encounters), side(second, sites, encounters));
    }

    private DuplicateReview.Side side(StoredClient c, Map<Long, String> sites, Map<Long, Integer> encounters) {
        Client client = views.clientOf(c);
        return new DuplicateReview.Side(c.id(), c.uic(), c.gender(), c.birthYear(),
                sites.getOrDefault(c.enrolmentSiteId(), ""), client.status(), c.firstContact(), c.lastContact(),
                encounters.getOrDefault(c.id(), 0));
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}, both of the manager's organisation, for the given reason. The
     * survivor's contact span grows to cover both records; the merged record is hidden and its code opens the survivor.
     */
    public ClientMerge merge(ReachUser actor, Long survivorId, Long mergedId, String reason) {
        long organisation = mergingOrganisation(actor);
        Problems problems = new Problems();
        problems.check(survivorId != null, "survivorId", "error.required");
        problems.check(mergedId != null, "mergedId", "error.required");
        String cleanReason = reason == null ? null : reason.strip();
        if (cleanReason == null || cleanReason.isEmpty()) {
            problems.add("reason", "error.required");
        } else {
            problems.check(cleanReason.length() <= MAX_REASON, "reason", "error.tooLong", MAX_REASON);
        }
        problems.throwIfAny();
        if (survivorId.equals(mergedId)) {
            throw InvalidInput.of("mergedId", "clientMerge.error.sameRecord");
        }
        StoredClient survivor = own(organisation, survivorId);
        StoredClient merged = own(organisation, mergedId);
        problems.check(!survivor.isMerged(), "survivorId", "clientMerge.error.alreadyMerged");
        problems.check(!merged.isMerged(), "mergedId", "clientMerge.error.alreadyMerged");
        problems.throwIfAny();

        Instant now = Instant.now(clock);
        long mergeId = merges.insert(organisation, survivor, merged, merges.updatedAt(survivor.id()),
                merges.updatedAt(merged.id()), cleanReason, ClientAccess.actorId(actor), now);
        participants.orderedStream().forEach(participant -> {
            String journal = participant.moveRows(actor, organisation, merged.id(), survivor.id());
            if (journal != null && !journal.isEmpty()) {
                merges.addJournal(mergeId, participant.participant(), journal);
            }
        });
        LocalDate first = min(survivor.firstContact(), merged.firstContact());
        LocalDate last = max(survivor.lastContact(), merged.lastContact());
        merges.setContacts(survivor.id(), first, last, now);
        merges.setMergedInto(merged.id(), survivor.id(), now);
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, ENTITY, mergeId,
                "merged client " + merged.id() + " into client " + survivor.id(), List.of(survivor.id(), merged.id()));
        return toMerge(merges.byId(organisation, mergeId).orElseThrow(), Map.of());
    }

    /**
     * Undoes a merge: the rows each capability moved go back to the merged record, the merged record is shown again
     * and the survivor's contact span is what it was (a contact recorded since the merge is kept). Refused when the
     * merge was already undone, or when the survivor has since been merged itself (undo that merge first).
     */
    public ClientMerge undo(ReachUser actor, long mergeId) {
        long organisation = mergingOrganisation(actor);
        StoredMerge merge = merges.byId(organisation, mergeId).orElseThrow(() -> new NotFound(ENTITY, mergeId));
        if (merge.undoneAt() != null) {
            throw InvalidInput.of("mergeId", "clientMerge.error.alreadyUndone");
        }
        StoredClient survivor = own(organisation, merge.survivorId());
        StoredClient merged = own(organisation, merge.mergedId());
        if (survivor.isMerged()) {
            throw InvalidInput.of("mergeId", "clientMerge.error.survivorMergedSince");
        }
        Instant now = Instant.now(clock);
        if (!merges.markUndone(mergeId, ClientAccess.actorId(actor), now)) {
            throw InvalidInput.of("mergeId", "clientMerge.error.alreadyUndone");
        }
        Map<String, String> journals = merges.journals(mergeId);
        participants.orderedStream().forEach(participant -> {
            String journal = journals.get(participant.participant());
            if (journal != null) {
                participant.moveBack(actor, organisation, journal, merged.id(), survivor.id());
            }
        });
        // What the merge made of the survivor's span; a later contact moved it on, and that contact stays.
        LocalDate spanLast = max(merge.survivorLastContact(), merged.lastContact());
        boolean untouched = survivor.firstContact().equals(min(merge.survivorFirstContact(), merged.firstContact()))
                && survivor.lastContact().equals(spanLast);
        if (untouched) {
            merges.setContacts(survivor.id(), merge.survivorFirstContact(), merge.survivorLastContact(),
                    merge.survivorUpdatedAt());
        } else {
            merges.setContacts(survivor.id(), merge.survivorFirstContact(),
                    survivor.lastContact().isAfter(spanLast) ? survivor.lastContact() : merge.survivorLastContact(),
                    now);
        }
        merges.setMergedInto(merged.id(), null, merge.mergedUpdatedAt());
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, ENTITY, mergeId,
                "undid merge of client " + merged.id() + " into client " + survivor.id(),
                List.of(survivor.id(), merged.id()));
        return toMerge(merges.byId(organisation, mergeId).orElseThrow(), Map.of());
    }

    /** The organisation's latest merges, newest first, with both codes. Recorded as one read. */
    @Transactional // not read-only: the read is written to the audit log
    public List<ClientMerge> merges(ReachUser actor) {
        long organisation = mergingOrganisation(actor);
        List<StoredMerge> latest = merges.latest(organisation, MAX_LISTED);
        Set<Long> ids = new LinkedHashSet<>();
        latest.forEach(m -> {
            ids.add(m.survivorId());
            ids.add(m.mergedId());
        });
        Map<Long, String> codes = clients.codesOf(organisation, ids);
        audit.recordRead(actor, organisation, ENTITY, null, "merges of " + ids.size() + " clients", List.copyOf(ids));
        return latest.stream().map(m -> toMerge(m, codes)).toList();
    }

    /** The merge that hid this record, if it is hidden: for the merged record's page ("now part of …"). */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> survivorOf(ReachUser actor, long clientId) {
        long organisation = actor.organisationId() == null ? -1 : actor.organisationId();
        return clients.byId(clientId).filter(c -> c.organisationId() == organisation && access.mayRead(actor))
                .map(StoredClient::mergedInto);
    }

    private StoredClient own(long organisation, long clientId) {
        return clients.byId(clientId).filter(c -> c.organisationId() == organisation)
                .orElseThrow(() -> new NotFound(ClientRegistry.ENTITY, clientId));
    }

    private ClientMerge toMerge(StoredMerge m, Map<Long, String> known) {
        Map<Long, String> codes = known.isEmpty()
                ? clients.codesOf(m.organisationId(), List.of(m.survivorId(), m.mergedId())) : known;
        return new ClientMerge(m.id(), m.organisationId(), m.survivorId(), codes.get(m.survivorId()), m.mergedId(),
                codes.get(m.mergedId()), m.reason(), name(m.mergedBy()), m.mergedAt(), name(m.undoneBy()),
                m.undoneAt());
    }

    private String name(Long accountId) {
        return accountId == null ? null : staff.displayName(accountId).orElse(null);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
