package org.reach.earlywarning.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reach.earlywarning.PlanningTrends;
import org.reach.platform.CsvWriter;
import org.reach.platform.ReachUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The trends for planning page (charts drawn by {@code static/js/charts.js} from {@code data-chart} attributes, the
 * same figures as tables) and its CSV download.
 */
@Controller
class PlanningTrendsPages {

    private static final String TRENDS = "earlywarning/trends";

    private final PlanningTrends trends;
    private final MessageSource messages;

    PlanningTrendsPages(PlanningTrends trends, MessageSource messages) {
        this.trends = trends;
        this.messages = messages;
    }

    @GetMapping("/earlywarning/trends")
    String page(@AuthenticationPrincipal ReachUser me,
                @RequestParam(defaultValue = "" + PlanningTrends.DEFAULT_QUARTERS) int quarters, Model model) {
        PlanningTrends.View view = trends.view(me, quarters);
        model.addAttribute("view", view);
        model.addAttribute("quarters", quarters);
        model.addAttribute("quarterChoices", List.of(4, 6, 8, 12));
        model.addAttribute("shareTables", List.of(view.byDrug(), view.byRoute()));
        model.addAttribute("shareCharts", Map.of(view.byDrug().by().name(), shareChart(view.quarters(), view.byDrug()),
                view.byRoute().by().name(), shareChart(view.quarters(), view.byRoute())));
        Map<Long, Map<String, Object>> priceCharts = new LinkedHashMap<>();
        for (PlanningTrends.PriceTrend p : view.prices()) {
            priceCharts.put(p.substanceId(), Map.of("quarters", view.quarters(),
                    "lower", p.quarters().stream().map(PlanningTrends.PriceQuarter::lowerQuartile).toList(),
                    "median", p.quarters().stream().map(PlanningTrends.PriceQuarter::median).toList(),
                    "upper", p.quarters().stream().map(PlanningTrends.PriceQuarter::upperQuartile).toList()));
        }
        model.addAttribute("priceCharts", priceCharts);
        Map<String, Map<String, Object>> needCharts = new LinkedHashMap<>();
        view.commodities().forEach(c -> needCharts.put(c.code(), needChart(c)));
        model.addAttribute("needCharts", needCharts);
        return TRENDS;
    }

    /** Shares per category, one line per category across the quarters; a hidden share is a gap. */
    private static Map<String, Object> shareChart(List<String> quarters, PlanningTrends.ShareTable table) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (PlanningTrends.Share s : table.rows()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", s.label());
            one.put("values", s.percents());
            series.add(one);
        }
        return Map.of("quarters", quarters, "series", series);
    }

    /**
     * Quarterly totals of the history (a quarter counts when all its months are known and in the history) and the
     * forecast quarter drawn as a box: 95 % whiskers, 80 % box, the expected quantity as its middle.
     */
    private static Map<String, Object> needChart(PlanningTrends.CommodityNeed need) {
        Map<String, Long> quarters = new LinkedHashMap<>();
        Map<String, Integer> months = new LinkedHashMap<>();
        for (int i = 0; i < need.months().size(); i++) {
            String month = need.months().get(i);
            int m = Integer.parseInt(month.substring(5, 7));
            String quarter = month.substring(0, 4) + "Q" + ((m - 1) / 3 + 1);
            Long q = need.quantities().get(i);
            if (q == null) {
                quarters.put(quarter, null);
                months.put(quarter, -99);
            } else if (!months.containsKey(quarter) || months.get(quarter) >= 0) {
                quarters.merge(quarter, q, Long::sum);
                months.merge(quarter, 1, Integer::sum);
            }
        }
        List<String> labels = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        quarters.forEach((quarter, total) -> {
            if (months.get(quarter) == 3) {
                labels.add(quarter);
                totals.add(total);
            }
        });
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("quarters", labels);
        chart.put("totals", totals);
        chart.put("forecastQuarter", need.quarter());
        chart.put("forecast", need.forecast() ? List.of(need.lower95(), need.lower80(), need.expected(), need.upper80(),
                need.upper95()) : null);
        return chart;
    }

    @GetMapping("/earlywarning/trends.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal ReachUser me,
                               @RequestParam(defaultValue = "" + PlanningTrends.DEFAULT_QUARTERS) int quarters) {
        PlanningTrends.View view = trends.view(me, quarters);
        Locale locale = LocaleContextHolder.getLocale();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.open(out, List.of(t("earlywarning.trends.csv.section", locale),
                t("earlywarning.trends.csv.item", locale), t("earlywarning.trends.csv.period", locale),
                t("earlywarning.trends.csv.count", locale), t("earlywarning.trends.csv.value", locale),
                t("earlywarning.trends.csv.lower", locale), t("earlywarning.trends.csv.upper", locale),
                t("earlywarning.trends.lower95", locale), t("earlywarning.trends.upper95", locale)))) {
            for (PlanningTrends.ShareTable table : List.of(view.byDrug(), view.byRoute())) {
                String section = t("earlywarning.trends.newClientsBy." + table.by().name(), locale);
                for (int q = 0; q < view.quarters().size(); q++) {
                    csv.row(cells(section, t("earlywarning.trends.allNewClients", locale), view.quarters().get(q),
                            table.totals().get(q), null, null, null, null, null));
                    for (PlanningTrends.Share s : table.rows()) {
                        csv.row(cells(section, s.label(), view.quarters().get(q), s.counts().get(q),
                                s.percents().get(q), null, null, null, null));
                    }
                }
            }
            String prices = t("earlywarning.trends.prices", locale);
            for (PlanningTrends.PriceTrend p : view.prices()) {
                for (PlanningTrends.PriceQuarter q : p.quarters()) {
                    csv.row(cells(prices, p.substance(), q.quarter(), null, q.median(), q.lowerQuartile(),
                            q.upperQuartile(), null, null));
                }
            }
            String needs = t("earlywarning.trends.needs", locale);
            for (PlanningTrends.CommodityNeed c : view.commodities()) {
                String item = t("indicator." + c.code(), locale);
                for (int i = 0; i < c.months().size(); i++) {
                    csv.row(cells(needs, item, c.months().get(i), c.quantities().get(i), null, null, null, null, null));
                }
                csv.row(cells(needs, item, c.quarter(), null, c.expected(), c.lower80(), c.upper80(), c.lower95(),
                        c.upper95()));
            }
        }
        trends.exported(me, view);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("trends-" + view.quarters().get(view.quarters().size() - 1) + ".csv").build().toString())
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(out.toByteArray());
    }

    private static List<String> cells(Object... values) {
        List<String> cells = new ArrayList<>();
        for (Object v : values) {
            cells.add(v == null ? "" : v.toString());
        }
        return cells;
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
