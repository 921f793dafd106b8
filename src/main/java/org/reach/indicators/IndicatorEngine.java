package org.reach.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.reach.indicators.store.Facts;
import org.reach.indicators.store.Facts.ClientFact;
import org.reach.indicators.store.Facts.EncounterFact;
import org.reach.indicators.store.Facts.ServiceFact;

/**
 * Computes the built-in indicators from facts. People are counted once per category however often they
 * came; anonymous encounters count as contacts only (quantities and services given), never as people.
 * Client attributes are those of the client; the site of a person is their enrolment site, the site of a
 * contact the encounter's site. Estimates (size estimates) are denominators of the total only.
 */
final class IndicatorEngine {

    static final String TOTAL = "TOTAL";
    static final String UNKNOWN = "UNKNOWN";
    static final int ACTIVE_MONTHS = 3;
    static final int DEFAULT_LOST_AFTER_MONTHS = 9;
    static final Set<String> OAT = Set.of("OAT_METHADONE", "OAT_BUPRENORPHINE");
    static final Set<String> DISCONTINUED = Set.of("DETAINED", "TRANSFERRED", "DECEASED", "EXITED");

    /** Numerator and denominator of one category before suppression. */
    record Raw(long numerator, Long denominator) {
    }

    /** A computed indicator: per category (and {@link #TOTAL}), and whether the denominator is an estimate. */
    record Result(Map<String, Raw> cells, boolean estimateDenominator, double scale) {
    }

    private final Facts facts;
    private final Map<String, Set<String>> packages;
    private final Estimates estimates;

    interface Estimates {
        Long estimate(Denominator.Population population, int year);
    }

    IndicatorEngine(Facts facts, Map<String, Set<String>> packages, Estimates estimates) {
        this.facts = facts;
        this.packages = packages;
        this.estimates = estimates;
    }

    // ---- categories

    List<String> categories(Disaggregation d, ClientFact client, Long siteId, LocalDate asOf) {
        if (d == Disaggregation.NONE) {
            return List.of(TOTAL);
        }
        if (d == Disaggregation.SITE) {
            Long site = siteId != null ? siteId : client == null ? null : client.siteId();
            return List.of(site == null ? UNKNOWN : String.valueOf(site));
        }
        if (client == null) {
            return List.of(UNKNOWN);
        }
        return switch (d) {
            case SEX -> List.of(client.gender());
            case AGE_25 -> List.of(client.birthYear() == null ? UNKNOWN : age(client, asOf) < 25 ? "UNDER_25" : "25_PLUS");
            case AGE_BANDS -> List.of(ageBand(client, asOf));
            case KEY_POPULATION -> client.keyPopulations().isEmpty() ? List.of(UNKNOWN)
                    : client.keyPopulations().stream().sorted().toList();
            case DRUG -> List.of(client.drug() == null ? UNKNOWN : client.drug());
            case ROUTE -> List.of(client.route() == null ? UNKNOWN : client.route());
            default -> List.of(TOTAL);
        };
    }

    private static int age(ClientFact client, LocalDate asOf) {
        return asOf.getYear() - client.birthYear();
    }

    private static String ageBand(ClientFact client, LocalDate asOf) {
        if (client.birthYear() == null) {
            return UNKNOWN;
        }
        int age = age(client, asOf);
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

    // ---- computation

    Result compute(String code, Period period, Disaggregation d) {
        LocalDate end = period.end();
        return switch (code) {
            case "NSP_NEEDLES_PER_PWID" -> {
                Map<String, Raw> cells = new TreeMap<>();
                add(cells, sumQuantity(period, "NEEDLES_SYRINGES", d), estimate(Denominator.Population.PEOPLE_WHO_INJECT_DRUGS, period));
                yield new Result(cells, true, 365.0 / period.days());
            }
            case "NSP_REACHED_ESTIMATE" -> {
                Map<String, Raw> cells = new TreeMap<>();
                add(cells, people(receivedIn(period, Set.of("NEEDLES_SYRINGES")), d, end),
                        estimate(Denominator.Population.PEOPLE_WHO_INJECT_DRUGS, period));
                yield new Result(cells, true, 100);
            }
            case "NSP_REACHED_CLIENTS" -> {
                Set<ClientFact> pwid = filter(reachedIn(period), this::injects);
                yield ratio(filter(receivedIn(period, Set.of("NEEDLES_SYRINGES")), this::injects), pwid, d, end, 100);
            }
            case "REGULAR_ACCESS" -> {
                Set<ClientFact> reached = reachedIn(period);
                Set<ClientFact> every = new HashSet<>(reached);
                for (Period month : period.months()) {
                    every.retainAll(reachedIn(month));
                }
                yield ratio(every, reached, d, end, 100);
            }
            case "OAT_PER_100" -> {
                Map<String, Raw> cells = new TreeMap<>();
                add(cells, people(onOat(end), d, end), estimate(Denominator.Population.OPIOID_DEPENDENT, period));
                yield new Result(cells, true, 100);
            }
            case "OAT_RETAINED_6M" -> {
                Map<Long, LocalDate> firstOat = firstService(OAT);
                Period cohortPeriod = period.minusMonths(6);
                Set<ClientFact> cohort = new HashSet<>();
                Set<ClientFact> retained = new HashSet<>();
                firstOat.forEach((clientId, first) -> {
                    ClientFact c = facts.clients().get(clientId);
                    if (c != null && cohortPeriod.contains(first)) {
                        cohort.add(c);
                        if (onOat(first.plusMonths(6)).contains(c)) {
                            retained.add(c);
                        }
                    }
                });
                yield ratio(retained, cohort, d, end, 100);
            }
            case "HIV_KNOW_RESULT" -> {
                Set<ClientFact> tested = new HashSet<>();
                Set<ClientFact> know = new HashSet<>();
                for (ServiceFact s : facts.services()) {
                    if (s.code().equals("HIV_TEST") && period.contains(s.date()) && client(s.clientId()) != null) {
                        tested.add(client(s.clientId()));
                        if ("NEGATIVE".equals(s.result()) || "POSITIVE".equals(s.result())) {
                            know.add(client(s.clientId()));
                        }
                    }
                }
                yield ratio(know, tested, d, end, 100);
            }
            case "PREP_INITIATIONS" -> {
                Map<Long, LocalDate> firstPrep = firstService(Set.of("PREP"));
                Set<ClientFact> initiated = new HashSet<>();
                firstPrep.forEach((clientId, first) -> {
                    boolean positiveBefore = facts.services().stream().anyMatch(s -> clientId.equals(s.clientId())
                            && s.code().equals("HIV_TEST") && "POSITIVE".equals(s.result()) && !s.date().isAfter(first));
                    if (period.contains(first) && !positiveBefore && client(clientId) != null) {
                        initiated.add(client(clientId));
                    }
                });
                yield count(initiated, d, end);
            }
            case "ACTIVE_CLIENTS" -> count(active(end), d, end);
            case "PACKAGE_REACH" -> {
                Set<ClientFact> withPackage = filter(reachedIn(period),
                        c -> c.keyPopulations().stream().anyMatch(packages::containsKey));
                Map<Long, Set<String>> received = new HashMap<>();
                for (ServiceFact s : facts.services()) {
                    if (s.clientId() != null && period.contains(s.date())) {
                        received.computeIfAbsent(s.clientId(), k -> new HashSet<>()).add(s.code());
                    }
                }
                Set<ClientFact> full = filter(withPackage, c -> c.keyPopulations().stream()
                        .filter(packages::containsKey)
                        .anyMatch(kp -> received.getOrDefault(c.id(), Set.of()).containsAll(packages.get(kp))));
                yield ratio(full, withPackage, d, end, 100);
            }
            case "WOUND_CARE_PER_100" -> perActive(period, Set.of("WOUND_CARE"), d);
            case "DENTAL_CARE_PER_100" -> perActive(period, Set.of("DENTAL_CARE"), d);
            case "MENTAL_HEALTH_PER_100" -> perActive(period, Set.of("MENTAL_HEALTH_SUPPORT"), d);
            case "BASIC_NEEDS_PER_100" -> perActive(period, Set.of("SHOWER", "LAUNDRY", "FOOD"), d);
            case "NALOXONE_KITS" -> {
                Map<String, Raw> cells = new TreeMap<>();
                add(cells, sumQuantity(period, "NALOXONE_KIT", d), null);
                yield new Result(cells, false, 1);
            }
            case "REFERRAL_COMPLETION" -> {
                Map<String, long[]> acc = new TreeMap<>();
                for (Facts.ReferralFact r : facts.referrals()) {
                    ClientFact c = client(r.clientId());
                    if (c == null || !period.contains(r.madeOn())) {
                        continue;
                    }
                    for (String cat : withTotal(d, c, null, end)) {
                        long[] a = acc.computeIfAbsent(cat, k -> new long[2]);
                        a[1]++;
                        if ("COMPLETED".equals(r.status())) {
                            a[0]++;
                        }
                    }
                }
                Map<String, Raw> cells = new TreeMap<>();
                acc.forEach((k, a) -> cells.put(k, new Raw(a[0], a[1])));
                cells.putIfAbsent(TOTAL, new Raw(0, 0L));
                yield new Result(cells, false, 100);
            }
            case "LOSS_TO_FOLLOW_UP" -> {
                Map<Long, LocalDate> last = lastContact(end);
                Set<ClientFact> enrolled = filter(new HashSet<>(facts.clients().values()), c -> !discontinued(c, end));
                Set<ClientFact> lost = filter(enrolled, c -> {
                    int months = facts.lostAfterMonths().getOrDefault(c.organisationId(), DEFAULT_LOST_AFTER_MONTHS);
                    return last.get(c.id()).isBefore(end.minusMonths(months));
                });
                yield ratio(lost, enrolled, d, end, 100);
            }
            case "PROGRESSED" -> {
                Set<ClientFact> progressed = new HashSet<>();
                for (Facts.StageFact s : facts.stages()) {
                    if (period.contains(s.date()) && !s.stage().equals("HARM_REDUCTION") && client(s.clientId()) != null) {
                        progressed.add(client(s.clientId()));
                    }
                }
                yield count(progressed, d, end);
            }
            case "NON_INJECTING_SHARE" -> {
                Set<ClientFact> reached = reachedIn(period);
                yield ratio(filter(reached, c -> "SMOKING".equals(c.route()) || "INHALING".equals(c.route())),
                        reached, d, end, 100);
            }
            case "WOMEN_REACHED" -> count(filter(reachedIn(period),
                    c -> "FEMALE".equals(c.gender()) || "TRANSGENDER_WOMAN".equals(c.gender())), d, end);
            default -> throw new IllegalArgumentException("No computation for indicator " + code);
        };
    }

    // ---- building blocks

    private ClientFact client(Long id) {
        return id == null ? null : facts.clients().get(id);
    }

    private boolean injects(ClientFact c) {
        return "INJECTING".equals(c.route()) || c.keyPopulations().contains("PEOPLE_WHO_INJECT_DRUGS");
    }

    private static Set<ClientFact> filter(Collection<ClientFact> clients, Predicate<ClientFact> keep) {
        Set<ClientFact> out = new HashSet<>();
        for (ClientFact c : clients) {
            if (keep.test(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private List<String> withTotal(Disaggregation d, ClientFact c, Long siteId, LocalDate asOf) {
        List<String> cats = new ArrayList<>(categories(d, c, siteId, asOf));
        if (!cats.contains(TOTAL)) {
            cats.add(TOTAL);
        }
        return cats;
    }

    /** Clients with at least one encounter in the period. */
    Set<ClientFact> reachedIn(Period period) {
        Set<ClientFact> reached = new HashSet<>();
        for (EncounterFact e : facts.encounters()) {
            if (e.clientId() != null && period.contains(e.date()) && client(e.clientId()) != null) {
                reached.add(client(e.clientId()));
            }
        }
        return reached;
    }

    private Set<ClientFact> receivedIn(Period period, Set<String> codes) {
        Set<ClientFact> out = new HashSet<>();
        for (ServiceFact s : facts.services()) {
            if (codes.contains(s.code()) && period.contains(s.date()) && client(s.clientId()) != null) {
                out.add(client(s.clientId()));
            }
        }
        return out;
    }

    /** Clients covered by an OAT dispensation on the day: dispensed on or before it for enough dose days. */
    private Set<ClientFact> onOat(LocalDate day) {
        Set<ClientFact> out = new HashSet<>();
        for (ServiceFact s : facts.services()) {
            if (OAT.contains(s.code()) && !s.date().isAfter(day) && s.date().plusDays(s.quantity()).isAfter(day)
                    && client(s.clientId()) != null) {
                out.add(client(s.clientId()));
            }
        }
        return out;
    }

    private Map<Long, LocalDate> firstService(Set<String> codes) {
        Map<Long, LocalDate> first = new HashMap<>();
        for (ServiceFact s : facts.services()) {
            if (s.clientId() != null && codes.contains(s.code())) {
                first.merge(s.clientId(), s.date(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return first;
    }

    private Map<Long, LocalDate> lastContact(LocalDate end) {
        Map<Long, LocalDate> last = new HashMap<>();
        for (ClientFact c : facts.clients().values()) {
            last.put(c.id(), c.firstContact());
        }
        for (EncounterFact e : facts.encounters()) {
            if (e.clientId() != null && last.containsKey(e.clientId()) && !e.date().isAfter(end)) {
                last.merge(e.clientId(), e.date(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return last;
    }

    private static boolean discontinued(ClientFact c, LocalDate end) {
        return c.explicitStatus() != null && DISCONTINUED.contains(c.explicitStatus())
                && !c.explicitStatusDate().isAfter(end);
    }

    /** At least one encounter in the three months up to the day, and no exit recorded by then. */
    Set<ClientFact> active(LocalDate end) {
        LocalDate from = end.minusMonths(ACTIVE_MONTHS).plusDays(1);
        return filter(reachedIn(new Period(Period.Type.CUSTOM, from, end)), c -> !discontinued(c, end));
    }

    private Map<String, Long> people(Set<ClientFact> clients, Disaggregation d, LocalDate asOf) {
        Map<String, Long> counts = new TreeMap<>();
        counts.put(TOTAL, 0L);
        for (ClientFact c : clients) {
            for (String cat : withTotal(d, c, null, asOf)) {
                counts.merge(cat, 1L, Long::sum);
            }
        }
        return counts;
    }

    private Map<String, Long> sumQuantity(Period period, String code, Disaggregation d) {
        Map<String, Long> sums = new TreeMap<>();
        sums.put(TOTAL, 0L);
        for (ServiceFact s : facts.services()) {
            if (s.code().equals(code) && period.contains(s.date())) {
                for (String cat : withTotal(d, client(s.clientId()), s.siteId(), period.end())) {
                    sums.merge(cat, (long) s.quantity(), Long::sum);
                }
            }
        }
        return sums;
    }

    private Long estimate(Denominator.Population population, Period period) {
        return estimates.estimate(population, period.end().getYear());
    }

    private static void add(Map<String, Raw> cells, Map<String, Long> numerators, Long totalDenominator) {
        numerators.forEach((k, v) -> cells.put(k, new Raw(v, k.equals(TOTAL) ? totalDenominator : null)));
    }

    private Result ratio(Set<ClientFact> numerator, Set<ClientFact> denominator, Disaggregation d, LocalDate asOf,
                         double scale) {
        Map<String, Long> num = people(numerator, d, asOf);
        Map<String, Long> den = people(denominator, d, asOf);
        Map<String, Raw> cells = new TreeMap<>();
        den.forEach((k, v) -> cells.put(k, new Raw(num.getOrDefault(k, 0L), v)));
        return new Result(cells, false, scale);
    }

    private Result count(Set<ClientFact> clients, Disaggregation d, LocalDate asOf) {
        Map<String, Raw> cells = new TreeMap<>();
        people(clients, d, asOf).forEach((k, v) -> cells.put(k, new Raw(v, null)));
        return new Result(cells, false, 1);
    }

    /** Services given in the period (one per encounter line, anonymous included) per 100 active clients. */
    private Result perActive(Period period, Set<String> codes, Disaggregation d) {
        Map<String, Long> given = new TreeMap<>();
        given.put(TOTAL, 0L);
        for (ServiceFact s : facts.services()) {
            if (codes.contains(s.code()) && period.contains(s.date())) {
                for (String cat : withTotal(d, client(s.clientId()), d == Disaggregation.SITE ? s.siteId() : null,
                        period.end())) {
                    given.merge(cat, 1L, Long::sum);
                }
            }
        }
        Map<String, Long> active = people(active(period.end()), d, period.end());
        Map<String, Raw> cells = new LinkedHashMap<>();
        Set<String> keys = new java.util.TreeSet<>(given.keySet());
        keys.addAll(active.keySet());
        for (String k : keys) {
            cells.put(k, new Raw(given.getOrDefault(k, 0L), active.getOrDefault(k, 0L)));
        }
        return new Result(cells, false, 100);
    }
}
