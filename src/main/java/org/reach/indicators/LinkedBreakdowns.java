package org.reach.indicators;

import static org.reach.indicators.Disaggregation.AGE_25;
import static org.reach.indicators.Disaggregation.AGE_BANDS;
import static org.reach.indicators.Disaggregation.CITY;
import static org.reach.indicators.Disaggregation.DRUG;
import static org.reach.indicators.Disaggregation.HOTSPOT;
import static org.reach.indicators.Disaggregation.ORGANISATION;
import static org.reach.indicators.Disaggregation.ROUTE;
import static org.reach.indicators.Disaggregation.SEX;
import static org.reach.indicators.Disaggregation.SITE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reach.indicators.SmallCellSuppression.Equation;

/**
 * Which counts of one indicator, scope and period to hide, decided over every breakdown a person can ask for at
 * once. Each table may look safe alone, but sites nest in cities and organisations, organisations make up the
 * programme, and every breakdown (sex, age band, drug, route, site, city, hotspot, organisation) adds up to the
 * same total: a hidden count of one site is the city's count minus its other sites. So all these tables are
 * suppressed as one linked table: every breakdown's cells add up to the total, and every category that lies
 * within one category of another breakdown (a site in its city, a city in its organisation, an age band in its
 * side of 25, a hotspot only ever met at one site) adds up, with its siblings, to that category. Numerators and
 * counted denominators are suppressed separately with the same equations; the result depends only on the
 * counts, so every table, export, report and payload made from them hides the same cells.
 */
final class LinkedBreakdowns {

    /** Breakdowns in which each person (or each quantity given) falls in exactly one category. */
    static final Set<Disaggregation> PARTITIONS = EnumSet.of(SEX, AGE_25, AGE_BANDS, DRUG, ROUTE, SITE, CITY, HOTSPOT,
            ORGANISATION);
    private static final List<Disaggregation> PLACES = List.of(SITE, CITY, HOTSPOT, ORGANISATION);

    private final Map<Disaggregation, Map<String, Integer>> index = new EnumMap<>(Disaggregation.class);
    private final boolean[] hiddenNumerators;
    private final boolean[] hiddenDenominators;

    private LinkedBreakdowns(boolean[] hiddenNumerators, boolean[] hiddenDenominators) {
        this.hiddenNumerators = hiddenNumerators;
        this.hiddenDenominators = hiddenDenominators;
    }

    /**
     * Decides for every partitioning breakdown the indicator allows. {@code countDenominator}: the denominator
     * is a count of people that is shown (not a size estimate) and so is suppressed too.
     */
    static LinkedBreakdowns decide(IndicatorDefinition def, IndicatorEngine engine, boolean countDenominator) {
        return engine.decided(def.code() + "/" + countDenominator, () -> decideNow(def, engine, countDenominator));
    }

    private static LinkedBreakdowns decideNow(IndicatorDefinition def, IndicatorEngine engine, boolean countDenominator) {
        List<Disaggregation> breakdowns = def.disaggregations().stream().filter(PARTITIONS::contains).distinct().toList();
        List<Long> numerators = new ArrayList<>();
        List<Long> denominators = new ArrayList<>();
        Map<Disaggregation, Map<String, Integer>> index = new EnumMap<>(Disaggregation.class);
        IndicatorEngine.Raw total = engine.compute(def.code(), Disaggregation.NONE).cells().get(IndicatorEngine.TOTAL);
        numerators.add(total.numerator());
        denominators.add(total.denominator() == null ? 0 : total.denominator());
        List<Equation> equations = new ArrayList<>();
        for (Disaggregation d : breakdowns) {
            Map<String, Integer> cells = new LinkedHashMap<>();
            engine.compute(def.code(), d).cells().forEach((category, raw) -> {
                if (!category.equals(IndicatorEngine.TOTAL)) {
                    cells.put(category, numerators.size());
                    numerators.add(raw.numerator());
                    denominators.add(raw.denominator() == null ? 0 : raw.denominator());
                }
            });
            index.put(d, cells);
            equations.add(new Equation(0, cells.values().stream().mapToInt(Integer::intValue).toArray()));
        }
        for (Disaggregation child : breakdowns) {
            for (Disaggregation parent : breakdowns) {
                if (nests(child, parent)) {
                    equations.addAll(nesting(engine.parents(child, parent), index.get(child), index.get(parent)));
                }
            }
        }
        long[] nums = numerators.stream().mapToLong(Long::longValue).toArray();
        long[] dens = denominators.stream().mapToLong(Long::longValue).toArray();
        if (countDenominator && def.unit() == IndicatorUnit.PERCENT) {
            return together(nums, dens, equations, index);
        }
        boolean[] hiddenDenominators = countDenominator ? SmallCellSuppression.suppress(dens, equations)
                : new boolean[dens.length];
        // Person-years are days of the people counted below them: hidden exactly where those people are, which
        // protects the (equally additive) days as it protects the people.
        boolean[] hiddenNumerators = def.unit() == IndicatorUnit.PERSON_YEARS ? hiddenDenominators
                : SmallCellSuppression.suppress(nums, equations);
        LinkedBreakdowns decided = new LinkedBreakdowns(hiddenNumerators, hiddenDenominators);
        decided.index.putAll(index);
        return decided;
    }

    /**
     * A percentage's numerator counts some of its denominator's people, so a shown numerator bounds a hidden
     * denominator from below (and a shown denominator a hidden numerator from above). Numerators, denominators and
     * the never shown rest (denominator minus numerator, at least zero) are suppressed as one system.
     */
    private static LinkedBreakdowns together(long[] nums, long[] dens, List<Equation> equations,
                                             Map<Disaggregation, Map<String, Integer>> index) {
        int m = nums.length;
        long[] values = new long[3 * m];
        boolean[] unpublished = new boolean[3 * m];
        List<Equation> all = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            values[i] = nums[i];
            values[m + i] = dens[i];
            values[2 * m + i] = dens[i] - nums[i];
            unpublished[2 * m + i] = true;
            all.add(new Equation(m + i, new int[] {i, 2 * m + i}));
        }
        for (int offset = 0; offset < 3 * m; offset += m) {
            for (Equation e : equations) {
                int[] parts = new int[e.parts().length];
                for (int k = 0; k < parts.length; k++) {
                    parts[k] = e.parts()[k] + offset;
                }
                all.add(new Equation(e.total() + offset, parts));
            }
        }
        boolean[] hidden = SmallCellSuppression.suppress(values, all, new boolean[3 * m], unpublished);
        LinkedBreakdowns decided = new LinkedBreakdowns(Arrays.copyOfRange(hidden, 0, m),
                Arrays.copyOfRange(hidden, m, 2 * m));
        decided.index.putAll(index);
        return decided;
    }

    private static boolean nests(Disaggregation child, Disaggregation parent) {
        return child != parent && (PLACES.contains(child) && PLACES.contains(parent)
                || child == AGE_BANDS && parent == AGE_25);
    }

    /**
     * One equation per parent category all of whose children lie within it alone. Categories without any count
     * are not shown (they are zero) and are left out.
     */
    private static List<Equation> nesting(Map<String, Set<String>> parentsOfChild, Map<String, Integer> children,
                                          Map<String, Integer> parents) {
        Map<String, List<String>> childrenOf = new LinkedHashMap<>();
        Set<String> mixed = new java.util.HashSet<>();
        parentsOfChild.forEach((child, parentSet) -> {
            for (String parent : parentSet) {
                childrenOf.computeIfAbsent(parent, k -> new ArrayList<>()).add(child);
                if (parentSet.size() > 1) {
                    mixed.add(parent);
                }
            }
        });
        List<Equation> equations = new ArrayList<>();
        childrenOf.forEach((parent, kids) -> {
            Integer total = parents.get(parent);
            if (total == null || mixed.contains(parent)) {
                return;
            }
            int[] parts = kids.stream().map(children::get).filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue).toArray();
            equations.add(new Equation(total, parts));
        });
        return equations;
    }

    boolean totalNumeratorHidden() {
        return hiddenNumerators[0];
    }

    boolean totalDenominatorHidden() {
        return hiddenDenominators[0];
    }

    /** Whether this breakdown was decided here (else it is suppressed as a line beside the decided total). */
    boolean covers(Disaggregation d) {
        return index.containsKey(d);
    }

    boolean numeratorHidden(Disaggregation d, String category) {
        Integer i = index.get(d).get(category);
        return i == null ? false : hiddenNumerators[i];
    }

    boolean denominatorHidden(Disaggregation d, String category) {
        Integer i = index.get(d).get(category);
        return i == null ? false : hiddenDenominators[i];
    }
}
