package org.reach.earlywarning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.reach.earlywarning.store.EarlyWarningStore;
import org.reach.earlywarning.trends.CommodityForecast;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.IndicatorExportLog;
import org.reach.indicators.IndicatorQuery;
import org.reach.indicators.IndicatorRow;
import org.reach.indicators.IndicatorScope;
import org.reach.indicators.IndicatorTable;
import org.reach.indicators.Indicators;
import org.reach.indicators.Period;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trends for planning, per complete quarter: the share of new clients by primary drug and by route (counted by the
 * indicator engine, so small cells are suppressed jointly and a share is shown only where its count is), the price
 * per unit of each substance as sold (median and quartiles; a quarter with fewer than {@value #MIN_PRICE_REPORTS}
 * priced reports is hidden), and a forecast of next quarter's commodity needs with 80 % and 95 % intervals from the
 * monthly quantities the engine counts. For managers, M&amp;E officers and coordinators (their whole programme).
 */
@Service
@Transactional
public class PlanningTrends {

    public static final int MIN_PRICE_REPORTS = 5;
    public static final int DEFAULT_QUARTERS = 4;
    public static final int MAX_QUARTERS = 12;
    /** Complete months the forecast learns from: two years, so that it can see a season. */
    public static final int HISTORY_MONTHS = 24;
    /** The commodities forecast, by the indicator that counts them. */
    public static final List<String> COMMODITIES = List.of(PlanningFacts.SYRINGES, PlanningFacts.NALOXONE,
            PlanningFacts.FOIL_PIPES);

    private final Indicators indicators;
    private final IndicatorExportLog exportLog;
    private final EarlyWarningStore store;

    PlanningTrends(Indicators indicators, IndicatorExportLog exportLog, EarlyWarningStore store) {
        this.indicators = indicators;
        this.exportLog = exportLog;
        this.store = store;
    }

    /** Those who see indicators of an organisation (managers, M&E officers) or of a programme (coordinators). */
    public boolean mayView(ReachUser actor) {
        return indicators.mayView(actor) && (actor.organisationId() != null
                || (actor.has(Role.COORDINATOR) && actor.programmeId() != null));
    }

    /** The trends leave as a file: written to the audit log like every indicator export. */
    public void exported(ReachUser actor, View view) {
        List<String> quarters = view.quarters();
        Period last = Period.parse(quarters.get(quarters.size() - 1));
        exportLog.exported(actor, IndicatorExportLog.EXPORT, view.scope(), last,
                "trends for planning, " + quarters.size() + " quarters", null, "csv");
    }

    /** One category's counts (as the engine shows them: a number, "&lt;5" or "*") and shares per quarter. */
    public record Share(String category, String label, List<String> counts, List<Double> percents) {
    }

    /** New clients of each quarter broken down one way; totals as the engine shows them. */
    public record ShareTable(Disaggregation by, List<String> totals, List<Share> rows) {
    }

    /** Price per unit in a quarter: quartiles and median, all null when fewer than five reports were priced. */
    public record PriceQuarter(String quarter, BigDecimal lowerQuartile, BigDecimal median, BigDecimal upperQuartile) {

        public boolean hidden() {
            return median == null;
        }
    }

    public record PriceTrend(long substanceId, String substance, List<PriceQuarter> quarters) {
    }

    /**
     * A commodity's monthly quantities (null: hidden by suppression) and the forecast for the quarter after the
     * current one; the forecast fields are null when the history is too short or empty.
     */
    public record CommodityNeed(String code, List<String> months, List<Long> quantities, String quarter, Long expected,
                                Long lower80, Long upper80, Long lower95, Long upper95, Double monthlyTrendPercent,
                                boolean seasonal, int monthsUsed) {

        public boolean forecast() {
            return expected != null;
        }
    }

    public record View(IndicatorScope scope, List<String> quarters, ShareTable byDrug, ShareTable byRoute,
                       List<PriceTrend> prices, List<CommodityNeed> commodities) {
    }

    public View view(ReachUser actor, int quarterCount) {
        if (!mayView(actor)) {
            throw new Forbidden("view trends for planning");
        }
        if (quarterCount < 1 || quarterCount > MAX_QUARTERS) {
            throw InvalidInput.of("quarters", "earlywarning.trends.error.quarters", MAX_QUARTERS);
        }
        IndicatorScope scope = indicators.scope(actor, null, null, null);
        LocalDate today = indicators.today();
        List<Period> quarters = new ArrayList<>();
        Period q = IndicatorQuery.lastCompleteQuarter(today);
        for (int i = 0; i < quarterCount; i++) {
            quarters.add(0, q);
            q = IndicatorQuery.lastCompleteQuarter(q.start());
        }
        List<String> codes = quarters.stream().map(Period::code).toList();
        return new View(scope, codes, shares(actor, scope, quarters, Disaggregation.DRUG),
                shares(actor, scope, quarters, Disaggregation.ROUTE), prices(scope, quarters),
                commodities(actor, scope, today));
    }

    private ShareTable shares(ReachUser actor, IndicatorScope scope, List<Period> quarters, Disaggregation by) {
        List<String> totals = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        List<Map<String, String>> counts = new ArrayList<>();
        for (Period quarter : quarters) {
            IndicatorTable table = indicators.table(actor, scope, PlanningFacts.NEW_CLIENTS, quarter, by, false);
            totals.add(table.total().numerator());
            Map<String, String> cells = new LinkedHashMap<>();
            for (IndicatorRow row : table.rows()) {
                labels.putIfAbsent(row.category(), row.label());
                cells.put(row.category(), row.numerator());
            }
            counts.add(cells);
        }
        List<Share> rows = new ArrayList<>();
        labels.forEach((category, label) -> {
            List<String> shown = new ArrayList<>();
            List<Double> percents = new ArrayList<>();
            for (int i = 0; i < quarters.size(); i++) {
                String count = counts.get(i).getOrDefault(category, "0");
                shown.add(count);
                Long n = number(count);
                Long total = number(totals.get(i));
                percents.add(n == null || total == null || total == 0 ? null
                        : Math.round(1000.0 * n / total) / 10.0);
            }
            rows.add(new Share(category, label, shown, percents));
        });
        return new ShareTable(by, totals, rows);
    }

    /** A count as the engine shows it, or null when it is hidden ("&lt;5", "*"). */
    private static Long number(String shown) {
        if (shown == null) {
            return null;
        }
        try {
            return Long.valueOf(shown);
        } catch (NumberFormatException hidden) {
            return null;
        }
    }

    private List<PriceTrend> prices(IndicatorScope scope, List<Period> quarters) {
        Map<Long, String> names = new LinkedHashMap<>();
        store.substances().forEach(s -> names.put(s.id(), s.name()));
        Map<Long, List<List<BigDecimal>>> bySubstance = new TreeMap<>();
        for (EarlyWarningStore.Price p : store.prices(scope.organisationIds(), quarters.get(0).start(),
                quarters.get(quarters.size() - 1).end())) {
            for (int i = 0; i < quarters.size(); i++) {
                if (quarters.get(i).contains(p.day())) {
                    bySubstance.computeIfAbsent(p.soldAsId(), k -> {
                        List<List<BigDecimal>> lists = new ArrayList<>();
                        quarters.forEach(x -> lists.add(new ArrayList<>()));
                        return lists;
                    }).get(i).add(p.price());
                }
            }
        }
        List<PriceTrend> trends = new ArrayList<>();
        bySubstance.forEach((substance, perQuarter) -> {
            List<PriceQuarter> shown = new ArrayList<>();
            for (int i = 0; i < quarters.size(); i++) {
                shown.add(quartiles(quarters.get(i).code(), perQuarter.get(i)));
            }
            if (shown.stream().anyMatch(p -> !p.hidden())) {
                trends.add(new PriceTrend(substance, names.getOrDefault(substance, "?"), shown));
            }
        });
        trends.sort(java.util.Comparator.comparing(PriceTrend::substance));
        return trends;
    }

    /** Quartiles as R's quantile(type = 7) (linear between order statistics), to two decimals. */
    static PriceQuarter quartiles(String quarter, List<BigDecimal> prices) {
        if (prices.size() < MIN_PRICE_REPORTS) {
            return new PriceQuarter(quarter, null, null, null);
        }
        double[] values = prices.stream().mapToDouble(BigDecimal::doubleValue).sorted().toArray();
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(values);
        return new PriceQuarter(quarter, money(p.evaluate(25)), money(p.evaluate(50)), money(p.evaluate(75)));
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }

    private List<CommodityNeed> commodities(ReachUser actor, IndicatorScope scope, LocalDate today) {
        YearMonth first = YearMonth.from(today).minusMonths(HISTORY_MONTHS);
        List<Period> months = new ArrayList<>();
        for (int i = 0; i < HISTORY_MONTHS; i++) {
            YearMonth m = first.plusMonths(i);
            months.add(Period.month(m.getYear(), m.getMonthValue()));
        }
        Period current = IndicatorQuery.currentQuarter(today);
        LocalDate nextStart = current.end().plusDays(1);
        Period next = Period.quarter(nextStart.getYear(), (nextStart.getMonthValue() - 1) / 3 + 1);
        int[] ahead = new int[3];
        for (int i = 0; i < 3; i++) {
            ahead[i] = (int) ChronoUnit.MONTHS.between(first, YearMonth.from(next.start()).plusMonths(i));
        }
        List<CommodityNeed> needs = new ArrayList<>();
        for (String code : COMMODITIES) {
            List<Long> quantities = new ArrayList<>();
            double[] history = new double[HISTORY_MONTHS];
            for (int i = 0; i < HISTORY_MONTHS; i++) {
                Long shown = number(indicators.table(actor, scope, code, months.get(i), Disaggregation.NONE, false)
                        .total().numerator());
                quantities.add(shown);
                history[i] = shown == null ? Double.NaN : shown;
            }
            // months before anything was first given out are before the programme gave this commodity: unknown, not
            // zero, or the start would read as a steep rise
            for (int i = 0; i < HISTORY_MONTHS && (Double.isNaN(history[i]) || history[i] == 0); i++) {
                history[i] = Double.NaN;
            }
            Optional<CommodityForecast.Result> f = CommodityForecast.forecast(history, first.getMonthValue(), ahead);
            needs.add(new CommodityNeed(code, months.stream().map(Period::code).toList(), quantities, next.code(),
                    f.map(r -> Math.round(r.expected())).orElse(null), f.map(r -> (long) Math.floor(r.lower80())).orElse(null),
                    f.map(r -> (long) Math.ceil(r.upper80())).orElse(null),
                    f.map(r -> (long) Math.floor(r.lower95())).orElse(null),
                    f.map(r -> (long) Math.ceil(r.upper95())).orElse(null),
                    f.map(r -> Math.round(r.monthlyTrend() * 1000) / 10.0).orElse(null),
                    f.map(CommodityForecast.Result::seasonal).orElse(false),
                    f.map(CommodityForecast.Result::monthsUsed).orElse(0)));
        }
        return needs;
    }
}
