package org.reach.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.reach.indicators.store.Facts;

/**
 * Finds records that make indicators wrong, from the same facts the indicators are computed from. Counts
 * only; examples name sites and months, never clients.
 */
final class DataQualityChecks {

    /** More needles and syringes than one person carries away in one contact. */
    static final int MAX_NEEDLES_PER_ENCOUNTER = 500;
    /** More opioid agonist dose-days than a month holds. */
    static final int MAX_DOSE_DAYS_PER_ENCOUNTER = 31;
    static final int YOUNGEST_AGE = 10;
    static final int OLDEST_AGE = 90;
    /** A site's month must have at least this many encounters before a change from it counts as a jump. */
    static final int JUMP_BASE = 20;
    static final double JUMP_SHARE = 0.5;
    private static final int EXAMPLES = 5;

    private DataQualityChecks() {
    }

    record Found(DataQualityCheck.Kind kind, long count, List<String> examples) {
    }

    static List<Found> run(Facts facts, Period period) {
        return List.of(withoutEncounter(facts, period), missingFacts(facts, period), impossible(facts, period),
                jumps(facts, period));
    }

    private static Found withoutEncounter(Facts facts, Period period) {
        long count = facts.clients().values().stream()
                .filter(c -> c.firstContact() == null || !c.firstContact().isAfter(period.end()))
                .filter(c -> !facts.seenClients().contains(c.id())).count();
        return new Found(DataQualityCheck.Kind.CLIENTS_WITHOUT_ENCOUNTER, count, List.of());
    }

    private static Found missingFacts(Facts facts, Period period) {
        long count = facts.clients().values().stream()
                .filter(c -> c.firstContact() == null || !c.firstContact().isAfter(period.end()))
                .filter(c -> c.birthYear() == null || c.drug() == null || c.route() == null).count();
        return new Found(DataQualityCheck.Kind.CLIENTS_MISSING_FACTS, count, List.of());
    }

    private static Found impossible(Facts facts, Period period) {
        long count = 0;
        Set<String> examples = new java.util.LinkedHashSet<>();
        for (Facts.ServiceFact s : facts.services()) {
            if (!period.contains(s.date())) {
                continue;
            }
            boolean tooMany = ("NEEDLES_SYRINGES".equals(s.code()) && s.quantity() > MAX_NEEDLES_PER_ENCOUNTER)
                    || (s.code().startsWith("OAT_") && s.quantity() > MAX_DOSE_DAYS_PER_ENCOUNTER);
            if (tooMany) {
                count++;
                examples.add(site(facts, s.siteId()) + " " + YearMonth.from(s.date()) + ": " + s.code());
            }
        }
        int endYear = period.end().getYear();
        for (Facts.ClientFact c : facts.clients().values()) {
            if (c.birthYear() != null && (endYear - c.birthYear() < YOUNGEST_AGE || endYear - c.birthYear() > OLDEST_AGE)) {
                count++;
                examples.add(site(facts, c.siteId()) + ": birth year");
            }
        }
        for (Facts.EncounterFact e : facts.encounters()) {
            if (e.clientId() == null || !period.contains(e.date())) {
                continue;
            }
            Facts.ClientFact client = facts.clients().get(e.clientId());
            if (client != null && client.firstContact() != null && e.date().isBefore(client.firstContact())) {
                count++;
                examples.add(site(facts, e.siteId()) + " " + YearMonth.from(e.date()) + ": before first contact");
            }
        }
        return new Found(DataQualityCheck.Kind.IMPOSSIBLE_VALUES, count, examples.stream().limit(EXAMPLES).toList());
    }

    private static Found jumps(Facts facts, Period period) {
        Map<Long, Map<YearMonth, Integer>> perSite = new TreeMap<>();
        YearMonth first = YearMonth.from(period.start()).minusMonths(1);
        YearMonth last = YearMonth.from(period.end());
        for (Facts.EncounterFact e : facts.encounters()) {
            YearMonth month = YearMonth.from(e.date());
            if (e.siteId() == null || month.isBefore(first) || month.isAfter(last)) {
                continue;
            }
            perSite.computeIfAbsent(e.siteId(), id -> new TreeMap<>()).merge(month, 1, Integer::sum);
        }
        List<String> examples = new ArrayList<>();
        long count = 0;
        for (var site : perSite.entrySet()) {
            for (YearMonth month = first.plusMonths(1); !month.isAfter(last); month = month.plusMonths(1)) {
                int before = site.getValue().getOrDefault(month.minusMonths(1), 0);
                int now = site.getValue().getOrDefault(month, 0);
                if (before >= JUMP_BASE && Math.abs(now - before) > JUMP_SHARE * before && !partial(month, period)) {
                    count++;
                    if (examples.size() < EXAMPLES) {
                        examples.add(site(facts, site.getKey()) + " " + month);
                    }
                }
            }
        }
        return new Found(DataQualityCheck.Kind.SUDDEN_JUMPS, count, examples);
    }

    /** The period's last month when the period ends before it does: a half month is not a drop. */
    private static boolean partial(YearMonth month, Period period) {
        LocalDate end = period.end();
        return month.equals(YearMonth.from(end)) && end.getDayOfMonth() < month.lengthOfMonth();
    }

    private static String site(Facts facts, Long siteId) {
        return siteId == null ? "–" : facts.siteNames().getOrDefault(siteId, "#" + siteId);
    }
}
