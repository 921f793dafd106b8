package org.reach.indicators;

import org.reach.clients.ClientSettings;
import org.reach.clients.ClientStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.reach.indicators.store.PeriodFactStore;
import org.reach.indicators.store.PeriodFacts;
import org.reach.indicators.store.PeriodFacts.Client;
import org.reach.indicators.store.PeriodFacts.Dispensation;
import org.reach.indicators.store.PeriodFacts.PlaceAmounts;

/**
 * Computes the built-in indicators of one period from per-client summaries. Each client contributes a vector
 * of measures (reached, received needles, on OAT at the census date, ...) to the categories it falls in;
 * quantities given contribute to the category of the place they were given at. Every indicator is then a
 * numerator and a denominator read off those sums, so the whole set costs one pass over the clients per
 * disaggregation, and a changed client is applied by subtracting its old vector and adding its new one.
 * <p>
 * People are counted once per category however often they came; anonymous encounters count as contacts
 * only (quantities and services given), never as people. The site, city, hotspot and organisation of a
 * person are those of their enrolment; of a contact, those of the encounter. Size estimates are denominators
 * of the total only. Thread-safe: a cached engine is read by several requests while it is refreshed.
 */
final class IndicatorEngine {

    static final String TOTAL = "TOTAL";
    static final String UNKNOWN = "UNKNOWN";
    static final int RETENTION_MONTHS = 6;
    static final double DAYS_PER_YEAR = 365.25;
    static final Set<String> DISCONTINUED = Set.of("DETAINED", "TRANSFERRED", "DECEASED", "EXITED");
    /** Statuses that end the time a client is followed, for person-time. */
    static final Set<String> LEFT = Set.of("TRANSFERRED", "DECEASED", "EXITED");
    /** The service codes a client's summary records as received (beyond every package's services). */
    static final Set<String> RECEIVED = Set.of("NEEDLES_SYRINGES", "HIV_TEST");

    /** Numerator and denominator of one category before suppression. */
    record Raw(long numerator, Long denominator) {
    }

    /** A computed indicator: per category (and {@link #TOTAL}), and whether the denominator is an estimate. */
    record Result(Map<String, Raw> cells, boolean estimateDenominator, double scale) {
    }

    interface Estimates {
        Long estimate(Denominator.Population population, int year);
    }

    /** What is summed per category. The first ones are people (or referrals), the last ones contacts. */
    enum Measure {
        REACHED, INJECTING_REACHED, NEEDLES_RECEIVED, NEEDLES_RECEIVED_INJECTING, REGULAR, ON_OAT_AT_END, OAT_COHORT,
        OAT_RETAINED, OAT_DAYS, OAT_PEOPLE, HIV_TESTED, HIV_KNOWS_RESULT, PREP_INITIATED, ACTIVE, PACKAGE_ELIGIBLE,
        PACKAGE_FULL, REFERRALS_MADE, REFERRALS_COMPLETED, ENROLLED, LOST, PROGRESSED, NON_INJECTING_REACHED,
        WOMEN_REACHED, KNOWN_POSITIVE, POSITIVE_ON_ART, PERSON_DAYS, OPIOIDS_REACHED,
        NEEDLES, NALOXONE, WOUND_CARE, DENTAL_CARE, MENTAL_HEALTH, BASIC_NEEDS;

        static final int COUNT = values().length;
    }

    /**
     * How an indicator reads the sums: numerator, and a measured denominator or a size estimate (or neither), as
     * positions in the vector of measures (built-in ones first, then those of {@link IndicatorFacts} providers).
     */
    record Spec(int numerator, Integer denominator, Denominator.Population estimate, double scale) {
        Spec(Measure numerator, Measure denominator, Denominator.Population estimate, double scale) {
            this(numerator.ordinal(), denominator == null ? null : denominator.ordinal(), estimate, scale);
        }
    }

    /** The drugs whose users are counted as people who use opioids (naloxone is meant for them and those around them). */
    static final Set<String> OPIOIDS = Set.of("HEROIN", "PHARMACEUTICAL_OPIOIDS");

    /**
     * Something given or something that happened at a place: built-in quantities of an encounter's services, or a
     * provider's row. The client is null for anonymous records (and for clients outside the scope).
     */
    private record Place(Long clientId, long organisationId, Long siteId, String hotspot, String gender, long[] values,
                         Map<String, Long> quantities) {
    }

    static final Map<String, Spec> BUILT_IN = Map.ofEntries(
            Map.entry("NSP_NEEDLES_PER_PWID", new Spec(Measure.NEEDLES, null, Denominator.Population.PEOPLE_WHO_INJECT_DRUGS, -1)),
            Map.entry("NSP_REACHED_ESTIMATE", new Spec(Measure.NEEDLES_RECEIVED, null, Denominator.Population.PEOPLE_WHO_INJECT_DRUGS, 100)),
            Map.entry("NSP_REACHED_CLIENTS", new Spec(Measure.NEEDLES_RECEIVED_INJECTING, Measure.INJECTING_REACHED, null, 100)),
            Map.entry("REGULAR_ACCESS", new Spec(Measure.REGULAR, Measure.REACHED, null, 100)),
            Map.entry("OAT_PER_100", new Spec(Measure.ON_OAT_AT_END, null, Denominator.Population.OPIOID_DEPENDENT, 100)),
            Map.entry("OAT_PERSON_YEARS", new Spec(Measure.OAT_DAYS, Measure.OAT_PEOPLE, null, 1 / DAYS_PER_YEAR)),
            Map.entry("OAT_RETAINED_6M", new Spec(Measure.OAT_RETAINED, Measure.OAT_COHORT, null, 100)),
            Map.entry("HIV_KNOW_RESULT", new Spec(Measure.HIV_KNOWS_RESULT, Measure.HIV_TESTED, null, 100)),
            Map.entry("ART_COVERAGE", new Spec(Measure.POSITIVE_ON_ART, Measure.KNOWN_POSITIVE, null, 100)),
            Map.entry("PREP_INITIATIONS", new Spec(Measure.PREP_INITIATED, null, null, 1)),
            Map.entry("ACTIVE_CLIENTS", new Spec(Measure.ACTIVE, null, null, 1)),
            Map.entry("PACKAGE_REACH", new Spec(Measure.PACKAGE_FULL, Measure.PACKAGE_ELIGIBLE, null, 100)),
            Map.entry("WOUND_CARE_PER_100", new Spec(Measure.WOUND_CARE, Measure.ACTIVE, null, 100)),
            Map.entry("DENTAL_CARE_PER_100", new Spec(Measure.DENTAL_CARE, Measure.ACTIVE, null, 100)),
            Map.entry("MENTAL_HEALTH_PER_100", new Spec(Measure.MENTAL_HEALTH, Measure.ACTIVE, null, 100)),
            Map.entry("BASIC_NEEDS_PER_100", new Spec(Measure.BASIC_NEEDS, Measure.ACTIVE, null, 100)),
            Map.entry("NALOXONE_KITS", new Spec(Measure.NALOXONE, null, null, 1)),
            Map.entry("REFERRAL_COMPLETION", new Spec(Measure.REFERRALS_COMPLETED, Measure.REFERRALS_MADE, null, 100)),
            Map.entry("LOSS_TO_FOLLOW_UP", new Spec(Measure.LOST, Measure.ENROLLED, null, 100)),
            Map.entry("PROGRESSED", new Spec(Measure.PROGRESSED, null, null, 1)),
            Map.entry("NON_INJECTING_SHARE", new Spec(Measure.NON_INJECTING_REACHED, Measure.REACHED, null, 100)),
            Map.entry("WOMEN_REACHED", new Spec(Measure.WOMEN_REACHED, null, null, 1)));

    private final Period period;
    private final Map<String, Set<String>> packages;
    private final Estimates estimates;
    private final Map<Long, ClientSettings> statusRules;
    private final Map<Long, String> cities;
    private final Map<Long, Client> clients;
    /** Per client in the scope, what was given or happened to them at places. */
    private final Map<Long, List<Place>> places = new HashMap<>();
    /** Per client in the scope, the providers' measures of the person. */
    private final Map<Long, long[]> contributed = new HashMap<>();
    /** Places of anonymous records and of clients outside the scope. */
    private final List<Place> outside = new ArrayList<>();
    private final Map<String, Spec> specs;
    /** Own indicators of the scope's organisation, computed on demand (see {@link #know(OwnIndicator)}). */
    private final Map<String, OwnIndicator> own = new HashMap<>();
    private final int width;
    private final int monthsInPeriod;
    private final Period cohortPeriod;

    private final long[] total;
    private final Map<Disaggregation, Map<String, long[]>> sums = new EnumMap<>(Disaggregation.class);
    /** Per pair of breakdowns, the categories of the second each category of the first shares someone with. */
    private final Map<List<Disaggregation>, Map<String, Set<String>>> together = new HashMap<>();
    /** Suppression decided per indicator over its linked breakdowns, until a refresh changes the counts. */
    private final Map<String, LinkedBreakdowns> decided = new HashMap<>();
    private long refreshes;

    /** An engine of the built-in indicators only. */
    IndicatorEngine(Period period, PeriodFacts facts, Map<String, Set<String>> packages, Estimates estimates,
                    Map<Long, ClientSettings> statusRules) {
        this(period, facts, List.of(), BUILT_IN, Measure.COUNT, packages, estimates, statusRules);
    }

    /**
     * @param rows  the providers' rows of the period, their values already placed at their positions in a vector of
     *              {@code width} measures
     * @param specs every indicator the engine computes, built-in and contributed
     */
    IndicatorEngine(Period period, PeriodFacts facts, List<FactRow> rows, Map<String, Spec> specs, int width,
                    Map<String, Set<String>> packages, Estimates estimates, Map<Long, ClientSettings> statusRules) {
        this.period = period;
        this.packages = packages;
        this.estimates = estimates;
        this.statusRules = statusRules;
        this.specs = specs;
        this.width = width;
        this.total = new long[width];
        this.cities = facts.cities();
        this.clients = new HashMap<>(facts.clients());
        this.monthsInPeriod = period.months().size();
        this.cohortPeriod = period.minusMonths(RETENTION_MONTHS);
        take(facts, rows, id -> true, true);
        for (Client c : clients.values()) {
            addTo(total, measures(c), 1);
            for (Place a : placesOf(c)) {
                addTo(total, a.values(), 1);
            }
        }
        for (Place a : outside) {
            addTo(total, a.values(), 1);
        }
    }

    /** Files the places and provider rows of the clients {@code ours} accepts (and, when asked, the anonymous ones). */
    private void take(PeriodFacts facts, List<FactRow> rows, java.util.function.Predicate<Long> ours, boolean anonymous) {
        for (Client c : facts.clients().values()) {
            if (ours.test(c.id())) {
                for (PlaceAmounts a : c.amounts()) {
                    places.computeIfAbsent(c.id(), k -> new ArrayList<>(1)).add(place(a));
                }
            }
        }
        for (PlaceAmounts a : facts.anonymous()) {
            if (a.clientId() == null ? anonymous : ours.test(a.clientId())) {
                outside.add(place(a));
            }
        }
        for (FactRow row : rows) {
            boolean inScope = row.clientId() != null && clients.containsKey(row.clientId());
            if (row.clientId() == null ? !anonymous : !ours.test(row.clientId())) {
                continue;
            }
            Place place = new Place(row.clientId(), row.organisationId(), row.siteId(), row.hotspot(),
                    row.gender(), row.values(), Map.of());
            if (!inScope) {
                outside.add(place);
            } else if (row.isPlace()) {
                places.computeIfAbsent(row.clientId(), k -> new ArrayList<>(1)).add(place);
            } else {
                addTo(contributed.computeIfAbsent(row.clientId(), k -> new long[width]), row.values(), 1);
            }
        }
    }

    private List<Place> placesOf(Client c) {
        return places.getOrDefault(c.id(), List.of());
    }

    /** The service codes the store must report as received for these packages. */
    static Set<String> receivedCodes(Map<String, Set<String>> packages) {
        Set<String> codes = new HashSet<>(RECEIVED);
        packages.values().forEach(codes::addAll);
        return codes;
    }

    Period period() {
        return period;
    }

    // ---- results

    /** Makes an organisation's own indicator computable by its code; its people and quantities are already here. */
    synchronized void know(OwnIndicator indicator) {
        own.put(indicator.code(), indicator);
    }

    synchronized Result compute(String code, Disaggregation d) {
        Spec spec = specs.get(code);
        if (spec == null && own.containsKey(code)) {
            return computeOwn(own.get(code), d);
        }
        if (spec == null) {
            throw new IllegalArgumentException("No computation for indicator " + code);
        }
        Long estimate = spec.estimate() == null ? null : estimates.estimate(spec.estimate(), period.end().getYear());
        Map<String, Raw> cells = new TreeMap<>();
        if (d != Disaggregation.NONE) {
            sums(d).forEach((category, v) -> {
                long num = v[spec.numerator()];
                long den = spec.denominator() == null ? 0 : v[spec.denominator()];
                if (num > 0 || den > 0) {
                    cells.put(category, new Raw(num, spec.denominator() == null ? null : den));
                }
            });
        }
        long num = total[spec.numerator()];
        Long den = spec.denominator() != null ? Long.valueOf(total[spec.denominator()]) : estimate;
        cells.put(TOTAL, new Raw(num, den));
        double scale = spec.scale() < 0 ? 365.0 / period.days() : spec.scale();
        return new Result(cells, spec.estimate() != null, scale);
    }

    /**
     * An own indicator: people who received the service in the period (in their person categories) or the quantity
     * given (at its place), over a built-in denominator summed as for every indicator.
     */
    private Result computeOwn(OwnIndicator indicator, Disaggregation d) {
        Integer denominator = indicator.per().measure == null ? null
                : Measure.valueOf(indicator.per().measure).ordinal();
        Map<String, long[]> counts = new TreeMap<>();
        long total = 0;
        for (Client c : clients.values()) {
            if (indicator.counts() == OwnIndicator.Counts.PEOPLE) {
                if (c.received().contains(indicator.serviceCode())) {
                    total++;
                    if (d != Disaggregation.NONE) {
                        for (String category : categories(d, c)) {
                            counts.computeIfAbsent(category, k -> new long[2])[0]++;
                        }
                    }
                }
            } else {
                for (Place a : placesOf(c)) {
                    total += addQuantity(counts, indicator, d, a, c);
                }
            }
        }
        if (indicator.counts() == OwnIndicator.Counts.QUANTITY) {
            for (Place a : outside) {
                total += addQuantity(counts, indicator, d, a, null);
            }
        }
        if (denominator != null && d != Disaggregation.NONE) {
            sums(d).forEach((category, v) -> counts.computeIfAbsent(category, k -> new long[2])[1] = v[denominator]);
        }
        Map<String, Raw> cells = new TreeMap<>();
        counts.forEach((category, nd) -> {
            if (nd[0] > 0 || nd[1] > 0) {
                cells.put(category, new Raw(nd[0], denominator == null ? null : nd[1]));
            }
        });
        cells.put(TOTAL, new Raw(total, denominator == null ? null : this.total[denominator]));
        return new Result(cells, false, IndicatorProviders.scale(indicator.definition().unit()));
    }

    private long addQuantity(Map<String, long[]> counts, OwnIndicator indicator, Disaggregation d, Place a, Client c) {
        long quantity = a.quantities().getOrDefault(indicator.serviceCode(), 0L);
        if (quantity > 0 && d != Disaggregation.NONE) {
            counts.computeIfAbsent(placeCategory(d, a, c), k -> new long[2])[0] += quantity;
        }
        return quantity;
    }

    /**
     * Applies fresh summaries of some clients (and, when {@code anonymousToo}, of the anonymous records): their old
     * contributions are taken away and the new ones added, in every breakdown computed so far.
     */
    synchronized void refresh(Collection<Long> clientIds, boolean anonymousToo, PeriodFacts fresh, List<FactRow> rows) {
        together.clear();
        decided.clear();
        refreshes++;
        Set<Long> ids = new HashSet<>(clientIds);
        for (Long id : ids) {
            Client old = clients.remove(id);
            if (old != null) {
                apply(old, -1);
            }
            places.remove(id);
            contributed.remove(id);
        }
        for (Iterator<Place> it = outside.iterator(); it.hasNext(); ) {
            Place a = it.next();
            if (a.clientId() == null ? anonymousToo : ids.contains(a.clientId())) {
                it.remove();
                apply(a, null, -1);
            }
        }
        for (Long id : ids) {
            Client now = fresh.clients().get(id);
            if (now != null) {
                clients.put(id, now);
            }
        }
        int before = outside.size();
        take(fresh, rows, ids::contains, anonymousToo);
        for (Long id : ids) {
            Client now = clients.get(id);
            if (now != null) {
                apply(now, 1);
            }
        }
        for (Place a : outside.subList(before, outside.size())) {
            apply(a, null, 1);
        }
    }

    private void apply(Client c, int sign) {
        long[] v = measures(c);
        addTo(total, v, sign);
        sums.forEach((d, byCategory) -> {
            for (String category : categories(d, c)) {
                addTo(byCategory.computeIfAbsent(category, k -> new long[width]), v, sign);
            }
        });
        for (Place a : placesOf(c)) {
            apply(a, c, sign);
        }
    }

    private void apply(Place a, Client c, int sign) {
        long[] v = a.values();
        addTo(total, v, sign);
        sums.forEach((d, byCategory) -> addTo(byCategory.computeIfAbsent(placeCategory(d, a, c),
                k -> new long[width]), v, sign));
    }

    private Map<String, long[]> sums(Disaggregation d) {
        return sums.computeIfAbsent(d, key -> {
            Map<String, long[]> byCategory = new HashMap<>();
            for (Client c : clients.values()) {
                long[] v = measures(c);
                for (String category : categories(key, c)) {
                    addTo(byCategory.computeIfAbsent(category, k -> new long[width]), v, 1);
                }
                for (Place a : placesOf(c)) {
                    addTo(byCategory.computeIfAbsent(placeCategory(key, a, c), k -> new long[width]), a.values(), 1);
                }
            }
            for (Place a : outside) {
                addTo(byCategory.computeIfAbsent(placeCategory(key, a, null), k -> new long[width]), a.values(), 1);
            }
            return byCategory;
        });
    }

    /**
     * For each category of {@code child}, the categories of {@code parent} that hold someone (or something given)
     * of it: a child category with one parent nests in it. Computed once per breakdown pair until a refresh.
     */
    synchronized Map<String, Set<String>> parents(Disaggregation child, Disaggregation parent) {
        return together.computeIfAbsent(List.of(child, parent), key -> {
            Map<String, Set<String>> found = new HashMap<>();
            for (Client c : clients.values()) {
                List<String> parentCategories = categories(parent, c);
                for (String category : categories(child, c)) {
                    found.computeIfAbsent(category, k -> new HashSet<>()).addAll(parentCategories);
                }
                for (Place a : placesOf(c)) {
                    found.computeIfAbsent(placeCategory(child, a, c), k -> new HashSet<>())
                            .add(placeCategory(parent, a, c));
                }
            }
            for (Place a : outside) {
                found.computeIfAbsent(placeCategory(child, a, null), k -> new HashSet<>())
                        .add(placeCategory(parent, a, null));
            }
            return found;
        });
    }

    /** The suppression decided for an indicator's counts as they stand, deciding it once. */
    LinkedBreakdowns decided(String key, java.util.function.Supplier<LinkedBreakdowns> decide) {
        long seen;
        synchronized (this) {
            LinkedBreakdowns known = decided.get(key);
            if (known != null) {
                return known;
            }
            seen = refreshes;
        }
        LinkedBreakdowns fresh = decide.get();
        synchronized (this) {
            if (seen == refreshes) {
                decided.putIfAbsent(key, fresh);
            }
        }
        return fresh;
    }

    private static void addTo(long[] sum, long[] v, int sign) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += sign * v[i];
        }
    }

    // ---- categories

    /** The categories a person falls in; several only for key populations. */
    List<String> categories(Disaggregation d, Client c) {
        return switch (d) {
            case NONE -> List.of(TOTAL);
            case SEX -> List.of(c.gender());
            case AGE_25 -> List.of(c.birthYear() == null ? UNKNOWN : age(c) < 25 ? "UNDER_25" : "25_PLUS");
            case AGE_BANDS -> List.of(ageBand(c));
            case KEY_POPULATION -> c.keyPopulations().isEmpty() ? List.of(UNKNOWN)
                    : c.keyPopulations().stream().sorted().toList();
            case DRUG -> List.of(c.drug() == null ? UNKNOWN : c.drug());
            case ROUTE -> List.of(c.route() == null ? UNKNOWN : c.route());
            case SITE -> List.of(String.valueOf(c.siteId()));
            case CITY -> List.of(cities.getOrDefault(c.siteId(), UNKNOWN));
            case HOTSPOT -> List.of(c.hotspot() == null || c.hotspot().isBlank() ? UNKNOWN : c.hotspot().trim());
            case ORGANISATION -> List.of(String.valueOf(c.organisationId()));
        };
    }

    /** The category of something given at a place: the place's for place breakdowns, else the person's. */
    private String placeCategory(Disaggregation d, Place a, Client c) {
        Long site = a.siteId() != null ? a.siteId() : c == null ? null : c.siteId();
        if (c == null && d == Disaggregation.SEX && a.gender() != null) {
            return a.gender();
        }
        return switch (d) {
            case SITE -> site == null ? UNKNOWN : String.valueOf(site);
            case CITY -> site == null ? UNKNOWN : cities.getOrDefault(site, UNKNOWN);
            case HOTSPOT -> a.hotspot() == null || a.hotspot().isBlank() ? UNKNOWN : a.hotspot().trim();
            case ORGANISATION -> String.valueOf(a.organisationId());
            default -> c == null ? (d == Disaggregation.NONE ? TOTAL : UNKNOWN) : categories(d, c).get(0);
        };
    }

    private int age(Client c) {
        return period.end().getYear() - c.birthYear();
    }

    private String ageBand(Client c) {
        if (c.birthYear() == null) {
            return UNKNOWN;
        }
        int age = age(c);
        if (age < 15) {
            return "UNDER_15";
        }
        if (age < 20) {
            return "15_19";
        }
        if (age < 25) {
            return "20_24";
        }
        return age < 50 ? "25_49" : "50_PLUS";
    }

    // ---- measures

    private long[] measures(Client c) {
        long[] v = new long[width];
        long[] theirs = contributed.get(c.id());
        if (theirs != null) {
            System.arraycopy(theirs, 0, v, 0, width);
        }
        LocalDate end = period.end();
        boolean reached = c.monthsReached() > 0;
        boolean injects = "INJECTING".equals(c.route()) || c.keyPopulations().contains("PEOPLE_WHO_INJECT_DRUGS");
        boolean needles = reached && c.received().contains("NEEDLES_SYRINGES");
        boolean discontinued = c.explicitStatus() != null && DISCONTINUED.contains(c.explicitStatus())
                && !c.explicitStatusDate().isAfter(end);
        set(v, Measure.REACHED, reached);
        set(v, Measure.INJECTING_REACHED, reached && injects);
        set(v, Measure.NEEDLES_RECEIVED, needles);
        set(v, Measure.NEEDLES_RECEIVED_INJECTING, needles && injects);
        set(v, Measure.REGULAR, reached && c.monthsReached() >= monthsInPeriod);
        set(v, Measure.ON_OAT_AT_END, onOat(c, end));
        boolean cohort = c.firstOat() != null && cohortPeriod.contains(c.firstOat());
        set(v, Measure.OAT_COHORT, cohort);
        set(v, Measure.OAT_RETAINED, cohort && onOat(c, c.firstOat().plusMonths(RETENTION_MONTHS)));
        long days = oatDays(c);
        v[Measure.OAT_DAYS.ordinal()] = days;
        set(v, Measure.OAT_PEOPLE, days > 0);
        set(v, Measure.HIV_TESTED, c.testedForHiv());
        set(v, Measure.HIV_KNOWS_RESULT, c.knowsHivResult());
        set(v, Measure.PREP_INITIATED, c.firstPrep() != null && period.contains(c.firstPrep())
                && (c.firstPositiveTest() == null || c.firstPositiveTest().isAfter(c.firstPrep())));
        ClientSettings rule = statusRules.getOrDefault(c.organisationId(), ClientSettings.defaults(c.organisationId()));
        set(v, Measure.ACTIVE, !discontinued && c.lastContactInWindow() != null
                && rule.statusOn(c.lastContactInWindow(), end) == ClientStatus.ACTIVE);
        boolean eligible = reached && c.keyPopulations().stream().anyMatch(packages::containsKey);
        set(v, Measure.PACKAGE_ELIGIBLE, eligible);
        set(v, Measure.PACKAGE_FULL, eligible && c.keyPopulations().stream().filter(packages::containsKey)
                .anyMatch(kp -> c.received().containsAll(packages.get(kp))));
        v[Measure.REFERRALS_MADE.ordinal()] = c.referralsMade();
        v[Measure.REFERRALS_COMPLETED.ordinal()] = c.referralsCompleted();
        set(v, Measure.ENROLLED, !discontinued);
        LocalDate last = c.lastContactInWindow() != null && c.lastContactInWindow().isAfter(c.firstContact())
                ? c.lastContactInWindow() : c.firstContact();
        set(v, Measure.LOST, !discontinued && rule.statusOn(last, end) == ClientStatus.LOST_TO_FOLLOW_UP);
        set(v, Measure.PROGRESSED, c.progressed());
        set(v, Measure.NON_INJECTING_REACHED, reached && ("SMOKING".equals(c.route()) || "INHALING".equals(c.route())));
        set(v, Measure.WOMEN_REACHED, reached && ("FEMALE".equals(c.gender()) || "TRANSGENDER_WOMAN".equals(c.gender())));
        set(v, Measure.KNOWN_POSITIVE, c.firstPositiveTest() != null);
        set(v, Measure.POSITIVE_ON_ART, c.firstPositiveTest() != null && c.firstArt() != null);
        set(v, Measure.OPIOIDS_REACHED, reached && c.drug() != null && OPIOIDS.contains(c.drug()));
        v[Measure.PERSON_DAYS.ordinal()] = daysAtRisk(c);
        return v;
    }

    /**
     * Days of the period a client was enrolled and alive: from enrolment (or the period's start) to the day of death,
     * or the day before an exit or transfer (or the period's end). People in detention stay at risk and in follow-up.
     * The denominator of mortality rates.
     */
    private long daysAtRisk(Client c) {
        LocalDate from = c.firstContact().isAfter(period.start()) ? c.firstContact() : period.start();
        LocalDate to = period.end();
        if (c.explicitStatus() != null && LEFT.contains(c.explicitStatus()) && c.explicitStatusDate() != null
                && !c.explicitStatusDate().isAfter(to)) {
            // the day of death is the last day at risk
            to = "DECEASED".equals(c.explicitStatus()) ? c.explicitStatusDate() : c.explicitStatusDate().minusDays(1);
        }
        return from.isAfter(to) ? 0 : java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
    }

    private Place place(PlaceAmounts a) {
        return new Place(a.clientId(), a.organisationId(), a.siteId(), a.hotspot(), null, measures(a), a.quantities());
    }

    private long[] measures(PlaceAmounts a) {
        long[] v = new long[width];
        v[Measure.NEEDLES.ordinal()] = a.needles();
        v[Measure.NALOXONE.ordinal()] = a.naloxone();
        v[Measure.WOUND_CARE.ordinal()] = a.woundCare();
        v[Measure.DENTAL_CARE.ordinal()] = a.dentalCare();
        v[Measure.MENTAL_HEALTH.ordinal()] = a.mentalHealth();
        v[Measure.BASIC_NEEDS.ordinal()] = a.basicNeeds();
        return v;
    }

    private static void set(long[] v, Measure m, boolean yes) {
        v[m.ordinal()] = yes ? 1 : 0;
    }

    private static int doseDays(Dispensation d) {
        return Math.min(d.doseDays(), PeriodFactStore.MAX_DOSE_DAYS);
    }

    /** Covered by an OAT dispensation on the day: dispensed on or before it for enough dose days. */
    private static boolean onOat(Client c, LocalDate day) {
        for (Dispensation d : c.oat()) {
            if (!d.date().isAfter(day) && d.date().plusDays(doseDays(d)).isAfter(day)) {
                return true;
            }
        }
        return false;
    }

    /** Days of the period covered by at least one dispensation; overlapping dispensations count once. */
    private long oatDays(Client c) {
        if (c.oat().isEmpty()) {
            return 0;
        }
        List<Dispensation> sorted = new ArrayList<>(c.oat());
        sorted.sort((a, b) -> a.date().compareTo(b.date()));
        long days = 0;
        LocalDate coveredUntil = period.start().minusDays(1);
        for (Dispensation d : sorted) {
            LocalDate from = d.date().isAfter(coveredUntil) ? d.date() : coveredUntil.plusDays(1);
            LocalDate to = d.date().plusDays(doseDays(d) - 1L);
            if (to.isAfter(period.end())) {
                to = period.end();
            }
            if (!from.isAfter(to)) {
                days += java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
                coveredUntil = to;
            }
        }
        return days;
    }
}
