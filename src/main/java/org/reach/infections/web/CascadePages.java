package org.reach.infections.web;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reach.indicators.IndicatorExportLog;
import org.reach.indicators.IndicatorQuery;
import org.reach.indicators.IndicatorScope;
import org.reach.indicators.Period;
import org.reach.infections.Cascade;
import org.reach.infections.CascadeStep;
import org.reach.infections.CascadeView;
import org.reach.infections.Cascades;
import org.reach.platform.CsvWriter;
import org.reach.platform.InvalidInput;
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
 * The care cascades page (a bar chart per cascade, drawn by {@code static/js/charts.js} from a {@code data-chart}
 * attribute, and the same figures as a table) and its CSV download. Only complete months, quarters and years are
 * offered: a period to date is refused for suppressed figures.
 */
@Controller
class CascadePages {

    private final Cascades cascades;
    private final IndicatorExportLog exportLog;
    private final MessageSource messages;

    CascadePages(Cascades cascades, IndicatorExportLog exportLog, MessageSource messages) {
        this.cascades = cascades;
        this.exportLog = exportLog;
        this.messages = messages;
    }

    @GetMapping("/infections/cascades")
    String page(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period,
                @RequestParam(required = false) Long organisationId, @RequestParam(required = false) Long programmeId,
                @RequestParam(required = false) String part, Model model) {
        IndicatorScope scope = cascades.scope(me, organisationId, programmeId);
        LocalDate today = cascades.today();
        Period p;
        CascadeView view;
        try {
            p = IndicatorQuery.period(period, today);
            view = cascades.cascades(me, scope, p, blank(part));
        } catch (InvalidInput unreadable) {
            // a hand-edited address: the default period and the whole scope, with the reason beside the field
            model.addAttribute("periodError", unreadable.problems().get(0).messageKey());
            p = IndicatorQuery.period(null, today);
            view = cascades.cascades(me, scope, p, null);
        }
        model.addAttribute("view", view);
        model.addAttribute("periodCode", p.code());
        model.addAttribute("periods", periodChoices(today));
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("programmeId", scope.organisationId() == null ? scope.programmeId() : null);
        model.addAttribute("charts", charts(view));
        model.addAttribute("csvQuery", query(p, organisationId, scope, view.part()));
        return "infections/cascades";
    }

    @GetMapping("/infections/cascades.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period,
                               @RequestParam(required = false) Long organisationId,
                               @RequestParam(required = false) Long programmeId,
                               @RequestParam(required = false) String part) {
        IndicatorScope scope = cascades.scope(me, organisationId, programmeId);
        Period p = IndicatorQuery.period(period, cascades.today());
        CascadeView view = cascades.cascades(me, scope, p, blank(part));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.open(out, List.of(text("cascade.csv.scope"), text("cascade.csv.period"),
                text("cascade.csv.part"), text("cascade.csv.cascade"), text("cascade.csv.step"),
                text("cascade.csv.count")))) {
            String partName = view.part() == null ? "" : view.parts().get(view.part());
            for (Cascade cascade : view.cascades()) {
                for (CascadeStep step : cascade.steps()) {
                    csv.row(List.of(scope.label(), p.code(), partName, text("cascade." + cascade.key()),
                            text("cascade.step." + step.key()), step.shown()));
                }
            }
        }
        exportLog.exported(me, IndicatorExportLog.EXPORT, scope, p, "care cascades", null, "csv");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("cascades-" + p.code() + ".csv").build().toString())
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(out.toByteArray());
    }

    private static String blank(String part) {
        return part == null || part.isBlank() ? null : part.strip();
    }

    /** Per cascade, what the bar chart draws: step names (with the marker when hidden) and counts, null if hidden. */
    private List<Map<String, Object>> charts(CascadeView view) {
        List<Map<String, Object>> charts = new ArrayList<>();
        for (Cascade cascade : view.cascades()) {
            List<String> categories = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            for (CascadeStep step : cascade.steps()) {
                String name = text("cascade.step." + step.key());
                categories.add(step.hidden() ? name + " (" + step.shown() + ")" : name);
                values.add(step.count());
            }
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("categories", categories);
            chart.put("values", values);
            charts.add(chart);
        }
        return charts;
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }

    private static String query(Period p, Long organisationId, IndicatorScope scope, String part) {
        StringBuilder q = new StringBuilder("period=").append(p.code());
        if (organisationId != null) {
            q.append("&organisationId=").append(organisationId);
        } else if (scope.organisationId() == null && scope.programmeId() != null) {
            q.append("&programmeId=").append(scope.programmeId());
        }
        if (part != null) {
            q.append("&part=").append(part);
        }
        return q.toString();
    }

    /** Complete periods only, newest first: eight quarters, twelve months, three years. */
    static List<String> periodChoices(LocalDate today) {
        List<String> choices = new ArrayList<>();
        Period quarter = IndicatorQuery.lastCompleteQuarter(today);
        for (int i = 0; i < 8; i++) {
            LocalDate s = quarter.start().minusMonths(3L * i);
            choices.add(Period.quarter(s.getYear(), (s.getMonthValue() - 1) / 3 + 1).code());
        }
        for (int i = 1; i <= 12; i++) {
            LocalDate s = today.withDayOfMonth(1).minusMonths(i);
            choices.add(Period.month(s.getYear(), s.getMonthValue()).code());
        }
        for (int i = 1; i <= 3; i++) {
            choices.add(String.valueOf(today.getYear() - i));
        }
        return choices;
    }
}
