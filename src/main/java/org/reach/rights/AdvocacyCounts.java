package org.reach.rights;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.reach.indicators.Period;
import org.reach.indicators.SmallCellSuppression;
import org.reach.indicators.SmallCellSuppression.Equation;
import org.reach.rights.store.ViolenceStore;

/**
 * Counts the advocacy report's tables and hides their small cells jointly. Every table is tied to the same total:
 * months and cities add up to it; each type (and each perpetrator) is at most the total, and since every incident
 * names at least one, all types together are at least the total. Those relations are written as equations over
 * values that are never published (the incidents without a type; the extra mentions beyond one per incident), so
 * {@link SmallCellSuppression} hides, across all tables at once, whatever an attacker could otherwise work out by
 * subtraction or by bounding. Pure: no state, no Spring.
 */
final class AdvocacyCounts {

    static final String UNKNOWN_CITY = "UNKNOWN";

    private AdvocacyCounts() {
    }

    static boolean respondedInTime(ViolenceStore.Counted r) {
        return r.firstResponseAt() != null && !r.firstResponseAt().isAfter(r.reportedAt().plus(ViolenceReport.RESPONSE_DUE));
    }

    /** Counts and suppression, laid out as one vector of cells with the equations between them. */
    static AdvocacyReport report(String scope, Period period, List<ViolenceStore.Counted> rows) {
        List<Long> values = new ArrayList<>();
        List<Boolean> unpublished = new ArrayList<>();
        List<Equation> equations = new ArrayList<>();
        long total = rows.size();
        int totalAt = add(values, unpublished, total, false);

        List<String> months = new ArrayList<>();
        List<Integer> monthCells = new ArrayList<>();
        for (Period month : period.months()) {
            YearMonth ym = YearMonth.from(month.start());
            months.add(ym.toString());
            monthCells.add(add(values, unpublished,
                    rows.stream().filter(r -> YearMonth.from(r.occurredOn()).equals(ym)).count(), false));
        }
        equations.add(new Equation(totalAt, ints(monthCells)));

        Map<String, Long> byCity = new TreeMap<>();
        rows.forEach(r -> byCity.merge(r.city() == null || r.city().isBlank() ? UNKNOWN_CITY : r.city(), 1L, Long::sum));
        List<String> cities = new ArrayList<>(byCity.keySet());
        List<Integer> cityCells = new ArrayList<>();
        cities.forEach(city -> cityCells.add(add(values, unpublished, byCity.get(city), false)));
        equations.add(new Equation(totalAt, ints(cityCells)));

        List<Integer> typeCells = new ArrayList<>();
        for (ViolenceType type : ViolenceType.values()) {
            typeCells.add(add(values, unpublished, rows.stream().filter(r -> r.types().contains(type)).count(), false));
        }
        multiValued(values, unpublished, equations, totalAt, typeCells, rows.stream().mapToLong(r -> r.types().size()).sum());

        List<Integer> perpetratorCells = new ArrayList<>();
        for (Perpetrator perpetrator : Perpetrator.values()) {
            perpetratorCells.add(add(values, unpublished,
                    rows.stream().filter(r -> r.perpetrators().contains(perpetrator)).count(), false));
        }
        multiValued(values, unpublished, equations, totalAt, perpetratorCells,
                rows.stream().mapToLong(r -> r.perpetrators().size()).sum());

        long responded = rows.stream().filter(AdvocacyCounts::respondedInTime).count();
        int respondedAt = add(values, unpublished, responded, false);
        int notRespondedAt = add(values, unpublished, total - responded, true);
        equations.add(new Equation(totalAt, new int[] {respondedAt, notRespondedAt}));

        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        boolean[] never = new boolean[v.length];
        for (int i = 0; i < never.length; i++) {
            never[i] = unpublished.get(i);
        }
        boolean[] hidden = SmallCellSuppression.suppress(v, equations, new boolean[v.length], never);

        List<AdvocacyCell> types = new ArrayList<>();
        for (ViolenceType type : ViolenceType.values()) {
            types.add(new AdvocacyCell(type.name(), shown(v, hidden, typeCells.get(type.ordinal()))));
        }
        List<AdvocacyCell> perpetrators = new ArrayList<>();
        for (Perpetrator perpetrator : Perpetrator.values()) {
            perpetrators.add(new AdvocacyCell(perpetrator.name(), shown(v, hidden, perpetratorCells.get(perpetrator.ordinal()))));
        }
        List<AdvocacyCell> monthTable = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            monthTable.add(new AdvocacyCell(months.get(i), shown(v, hidden, monthCells.get(i))));
        }
        List<AdvocacyCell> cityTable = new ArrayList<>();
        for (int i = 0; i < cities.size(); i++) {
            cityTable.add(new AdvocacyCell(cities.get(i), shown(v, hidden, cityCells.get(i))));
        }
        Double share = hidden[totalAt] || hidden[respondedAt] || total == 0 ? null : 100.0 * responded / total;
        return new AdvocacyReport(scope, period.code(), shown(v, hidden, totalAt), types, perpetrators, monthTable, cityTable,
                shown(v, hidden, respondedAt), share);
    }

    /**
     * A multi-valued table: each cell plus the incidents without it is the total, and the cells add up to the total
     * plus the extra mentions (an incident naming two types counts in both).
     */
    private static void multiValued(List<Long> values, List<Boolean> unpublished, List<Equation> equations, int totalAt,
                                    List<Integer> cells, long mentions) {
        long total = values.get(totalAt);
        for (int cell : cells) {
            int without = add(values, unpublished, total - values.get(cell), true);
            equations.add(new Equation(totalAt, new int[] {cell, without}));
        }
        int mentionsAt = add(values, unpublished, mentions, true);
        equations.add(new Equation(mentionsAt, ints(cells)));
        int extraAt = add(values, unpublished, mentions - total, true);
        equations.add(new Equation(mentionsAt, new int[] {totalAt, extraAt}));
    }

    private static int add(List<Long> values, List<Boolean> unpublished, long value, boolean never) {
        values.add(value);
        unpublished.add(never);
        return values.size() - 1;
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String shown(long[] values, boolean[] hidden, int at) {
        if (!hidden[at]) {
            return String.valueOf(values[at]);
        }
        return SmallCellSuppression.isSmall(values[at]) ? SmallCellSuppression.SMALL : SmallCellSuppression.HIDDEN;
    }
}
