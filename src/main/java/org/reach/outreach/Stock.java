package org.reach.outreach;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.ClientRegistry;
import org.reach.clients.PeerEducator;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.outreach.store.StockStore;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commodities per site: receipts, issues to peers and losses, stock on hand as their sum, the days of stock left at
 * the rate of the last 30 days, reorder warnings and the months in which an item ran out.
 */
@Service
@Transactional
public class Stock {

    /** A delivery of more than this many units of one item is a typing error (a box count typed as units). */
    public static final int MAX_QUANTITY = 100_000;
    static final int RATE_DAYS = 30;

    private final StockStore store;
    private final OrganisationDirectory directory;
    private final ClientRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;
    private final int reorderDays;

    Stock(StockStore store, OrganisationDirectory directory, ClientRegistry registry, AuditTrail audit, Clock clock,
          @Value("${reach.outreach.reorder-days:14}") int reorderDays) {
        this.store = store;
        this.directory = directory;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.reorderDays = reorderDays;
    }

    public boolean mayKeep(ReachUser actor) {
        return OutreachAccess.mayKeepStock(actor);
    }

    public boolean mayRead(ReachUser actor) {
        return OutreachAccess.mayReadStock(actor);
    }

    public int reorderDays() {
        return reorderDays;
    }

    /** The sites whose stock the actor keeps or reads: every active site for managers of the organisation, else theirs. */
    @Transactional
    public List<Site> sites(ReachUser actor) {
        if (!mayRead(actor)) {
            return List.of();
        }
        return directory.sites(actor, actor.organisationId()).stream().filter(Site::active)
                .filter(s -> OutreachAccess.seesAllSites(actor) || actor.isAssignedTo(s.id())).toList();
    }

    @Transactional
    public List<PeerEducator> peers(ReachUser actor) {
        return mayKeep(actor) ? registry.peerEducators(actor) : List.of();
    }

    /** Records one movement; an issue or loss larger than what the site holds on that day is refused. */
    public StockMovement record(ReachUser actor, StockMovementForm form) {
        long organisationId = OutreachAccess.require(mayKeep(actor), actor, "record stock");
        LocalDate today = LocalDate.now(clock);
        Problems problems = new Problems();
        Set<Long> sites = sites(actor).stream().map(Site::id).collect(Collectors.toSet());
        if (form.siteId() == null) {
            problems.add("siteId", "error.required");
        } else {
            problems.check(sites.contains(form.siteId()), "siteId", "outreach.error.site");
        }
        problems.check(form.item() != null, "item", "error.required");
        problems.check(form.kind() != null, "kind", "error.required");
        if (form.quantity() == null) {
            problems.add("quantity", "error.required");
        } else if (form.quantity() <= 0) {
            problems.add("quantity", form.quantity() == 0 ? "encounter.error.zeroQuantity" : "encounter.error.negativeQuantity");
        } else {
            problems.check(form.quantity() <= MAX_QUANTITY, "quantity", "encounter.error.quantityTooLarge", MAX_QUANTITY);
        }
        LocalDate date = form.date() == null ? today : form.date();
        problems.check(!date.isAfter(today), "date", "encounter.error.futureDate");
        problems.check(!date.isBefore(today.minusYears(1)), "date", "outreach.error.tooOld");
        if (form.kind() == MovementKind.ISSUE) {
            if (form.peerId() == null) {
                problems.add("peerId", "outreach.error.peerRequired");
            } else {
                problems.check(registry.peerEducators(actor).stream().anyMatch(p -> p.id() == form.peerId()), "peerId",
                        "outreach.error.peer");
            }
        } else {
            problems.check(form.peerId() == null, "peerId", "outreach.error.peerOnlyForIssues");
        }
        String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
        problems.check(note == null || note.length() <= 200, "note", "error.tooLong", 200);
        problems.throwIfAny();
        if (form.kind() != MovementKind.RECEIPT) {
            // what the site held that day and ever since must cover it: the balance never goes below zero, also when
            // two people issue the same item at once
            store.lockItem(form.siteId(), form.item());
            long available = Math.min(store.onHand(form.siteId(), form.item(), date),
                    store.onHand(form.siteId(), form.item(), today));
            problems.check(form.quantity() <= available, "quantity", "outreach.error.notInStock", available);
            problems.throwIfAny();
        }
        long id = store.insert(organisationId, form.siteId(), form.item(), form.kind(), form.quantity(), form.peerId(), date,
                note, actor.id(), Instant.now(clock));
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, "stock_movement", id,
                form.kind() + " " + form.quantity() + " " + form.item());
        return new StockMovement(id, organisationId, form.siteId(), form.item(), form.kind(), form.quantity(), form.peerId(),
                date, note, actor.id());
    }

    /** Every item each of the actor's sites has held, with what is on hand and how long it lasts. */
    @Transactional
    public List<StockLevel> levels(ReachUser actor) {
        OutreachAccess.require(mayRead(actor), actor, "read stock");
        List<Site> sites = sites(actor);
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> names = sites.stream().collect(Collectors.toMap(Site::id, Site::name));
        return levels(store.movements(List.of(actor.organisationId()), names.keySet(), today), names, today, reorderDays);
    }

    /** The latest movements at the actor's sites, newest first. */
    @Transactional
    public List<StockMovement> latestMovements(ReachUser actor, int limit) {
        OutreachAccess.require(mayRead(actor), actor, "read stock");
        return store.latest(actor.organisationId(), sites(actor).stream().map(Site::id).toList(), Math.max(1, Math.min(limit, 500)));
    }

    /** Items to reorder at the sites this person keeps stock for (the start page warns them). */
    @Transactional
    public List<StockLevel> toReorder(ReachUser actor) {
        if (!mayKeep(actor)) {
            return List.of();
        }
        return levels(actor).stream().filter(StockLevel::reorder).toList();
    }

    /** Levels from movements (oldest first): pure, so that the rule can be checked on constructed cases. */
    static List<StockLevel> levels(List<StockMovement> movements, Map<Long, String> siteNames, LocalDate today,
                                   int reorderDays) {
        record Key(long site, StockItem item) {
        }
        Map<Key, long[]> sums = new LinkedHashMap<>(); // on hand, out in the last 30 days
        LocalDate rateStart = today.minusDays(RATE_DAYS - 1L);
        for (StockMovement m : movements) {
            long[] sum = sums.computeIfAbsent(new Key(m.siteId(), m.item()), k -> new long[2]);
            sum[0] += m.signedQuantity();
            if (m.kind() != MovementKind.RECEIPT && !m.date().isBefore(rateStart)) {
                sum[1] += m.quantity();
            }
        }
        List<StockLevel> levels = new ArrayList<>();
        sums.forEach((key, sum) -> {
            Integer daysLeft = sum[1] == 0 ? null : (int) Math.min(Integer.MAX_VALUE, sum[0] * RATE_DAYS / sum[1]);
            boolean reorder = sum[0] <= 0 || (daysLeft != null && daysLeft < reorderDays);
            levels.add(new StockLevel(key.site(), siteNames.getOrDefault(key.site(), "#" + key.site()), key.item(), sum[0],
                    sum[1], daysLeft, reorder));
        });
        levels.sort(Comparator.comparing(StockLevel::siteName).thenComparing(StockLevel::item));
        return levels;
    }

    /**
     * The months between {@code from} and {@code to} in which one item at one site ran out: it had been received
     * before, and on some day of the month nothing was left (the month began empty, or a movement emptied it).
     */
    static Set<YearMonth> stockOutMonths(List<StockMovement> movementsOfOneItem, YearMonth from, YearMonth to) {
        Set<YearMonth> months = new TreeSet<>();
        long balance = 0;
        boolean stocked = false;
        int next = 0;
        List<StockMovement> sorted = movementsOfOneItem.stream()
                .sorted(Comparator.comparing(StockMovement::date).thenComparingLong(StockMovement::id)).toList();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            while (next < sorted.size() && sorted.get(next).date().isBefore(month.atDay(1))) {
                StockMovement m = sorted.get(next++);
                balance += m.signedQuantity();
                stocked |= m.kind() == MovementKind.RECEIPT;
            }
            boolean out = stocked && balance <= 0;
            while (next < sorted.size() && !sorted.get(next).date().isAfter(month.atEndOfMonth())) {
                StockMovement m = sorted.get(next);
                balance += m.signedQuantity();
                stocked |= m.kind() == MovementKind.RECEIPT;
                // same-day movements settle together: the balance at the end of the day decides
                boolean lastOfDay = next + 1 >= sorted.size() || !sorted.get(next + 1).date().equals(m.date());
                out |= lastOfDay && stocked && balance <= 0;
                next++;
            }
            if (out) {
                months.add(month);
            }
        }
        return months;
    }
}
