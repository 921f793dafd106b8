package org.reach.rar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reach.indicators.SmallCellSuppression;
import org.reach.indicators.SmallCellSuppression.Equation;

/**
 * Suppression of the people reached in coverage gaps, through the one suppression service. At a hotspot the
 * subgroups are linked to everybody: people who inject and people who do not inject are at most everybody
 * together (the rest have no known route), and women, young people and transgender people are each at most
 * everybody. A hidden count of 1 to 4 in one subgroup would otherwise be everybody minus the shown others. Each
 * hotspot's counts are one linked table: the shown subgroups, and for each relation the never shown rest
 * (everybody minus the subgroups, at least zero). Zero is shown as 0. A withheld count takes its gap and coverage
 * with it (the estimate minus the gap would give it back), and withheld rows are ranked with the rows of unknown
 * coverage, so their place in the list says nothing about their coverage either.
 */
final class CoverageGapSuppression {

    static final Comparator<CoverageGap> LEAST_SERVED_FIRST = Comparator
            .comparing((CoverageGap g) -> g.coverage() == null ? 2.0 : g.coverage())
            .thenComparing(g -> g.gap() == null ? 0 : -g.gap())
            .thenComparing(CoverageGap::hotspot)
            .thenComparing(CoverageGap::subgroup);

    private static final Subgroup[] PUBLISHED = Subgroup.values();
    /** The relations: everybody is these subgroups plus a rest nobody sees. */
    private static final List<List<Subgroup>> WITHIN_ALL = List.of(
            List.of(Subgroup.INJECTING, Subgroup.NON_INJECTING), List.of(Subgroup.WOMEN), List.of(Subgroup.YOUTH),
            List.of(Subgroup.TRANSGENDER));

    private CoverageGapSuppression() {
    }

    static List<CoverageGap> suppress(List<CoverageGap> gaps) {
        Map<Long, Map<Subgroup, CoverageGap>> byHotspot = new LinkedHashMap<>();
        for (CoverageGap g : gaps) {
            byHotspot.computeIfAbsent(g.hotspotId(), k -> new EnumMap<>(Subgroup.class)).put(g.subgroup(), g);
        }
        List<CoverageGap> result = new ArrayList<>();
        byHotspot.values().forEach(rows -> result.addAll(suppressHotspot(rows)));
        result.sort(LEAST_SERVED_FIRST);
        return result;
    }

    private static List<CoverageGap> suppressHotspot(Map<Subgroup, CoverageGap> rows) {
        CoverageGap all = rows.get(Subgroup.ALL);
        if (all == null || all.source() == ReachSource.UNKNOWN || all.reached() == null) {
            return new ArrayList<>(rows.values());
        }
        int n = PUBLISHED.length;
        long[] values = new long[n + WITHIN_ALL.size()];
        boolean[] unpublished = new boolean[values.length];
        for (Subgroup s : PUBLISHED) {
            CoverageGap g = rows.get(s);
            values[s.ordinal()] = g == null || g.reached() == null ? 0 : g.reached();
        }
        List<Equation> equations = new ArrayList<>();
        for (int r = 0; r < WITHIN_ALL.size(); r++) {
            int rest = n + r;
            long sum = 0;
            int[] parts = new int[WITHIN_ALL.get(r).size() + 1];
            for (int k = 0; k < WITHIN_ALL.get(r).size(); k++) {
                Subgroup s = WITHIN_ALL.get(r).get(k);
                parts[k] = s.ordinal();
                sum += values[s.ordinal()];
            }
            parts[parts.length - 1] = rest;
            values[rest] = Math.max(0, values[Subgroup.ALL.ordinal()] - sum);
            unpublished[rest] = true;
            equations.add(new Equation(Subgroup.ALL.ordinal(), parts));
        }
        boolean[] hidden = SmallCellSuppression.suppress(values, equations, new boolean[values.length], unpublished);
        List<CoverageGap> out = new ArrayList<>();
        for (Subgroup s : PUBLISHED) {
            CoverageGap g = rows.get(s);
            if (g == null && hidden[s.ordinal()]) {
                // Not listed because nobody of it was counted or reached; hidden now, so that its 0 is not known.
                g = new CoverageGap(all.hotspotId(), all.hotspot(), all.district(), s, null, 0, all.source(), null, null,
                        all.distanceKm(), all.nearestSite(), false, null);
            }
            if (g != null) {
                out.add(hidden[s.ordinal()] ? g.withheld() : g);
            }
        }
        return out;
    }
}
