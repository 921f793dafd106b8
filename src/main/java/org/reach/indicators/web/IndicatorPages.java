package org.reach.indicators.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reach.indicators.Denominator;
import org.reach.indicators.DenominatorForm;
import org.reach.indicators.OwnIndicator;
import org.reach.indicators.OwnIndicatorForm;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.ExportFormat;
import org.reach.indicators.FullIndicatorExport;
import org.reach.indicators.IndicatorDefinition;
import org.reach.indicators.IndicatorExportFile;
import org.reach.indicators.IndicatorExportLog;
import org.reach.indicators.IndicatorExports;
import org.reach.indicators.IndicatorQuery;
import org.reach.indicators.IndicatorRow;
import org.reach.indicators.IndicatorScope;
import org.reach.indicators.IndicatorTable;
import org.reach.indicators.Indicators;
import org.reach.indicators.Period;
import org.reach.indicators.Trend;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.FormErrors;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The indicator dashboard, its CSV and XLSX exports and the full export in the background (always suppressed). */
@Controller
class IndicatorPages {

    private final Indicators indicators;
    private final IndicatorExports exports;
    private final org.reach.indicators.IndicatorReport report;
    private final OrganisationDirectory directory;
    private final org.reach.indicators.Dhis2Push push;
    private final FullIndicatorExport fullExport;
    private final IndicatorExportLog exportLog;

    IndicatorPages(Indicators indicators, IndicatorExports exports, org.reach.indicators.IndicatorReport report,
                   OrganisationDirectory directory, org.reach.indicators.Dhis2Push push, FullIndicatorExport fullExport,
                   IndicatorExportLog exportLog) {
        this.exportLog = exportLog;
        this.push = push;
        this.fullExport = fullExport;
        this.indicators = indicators;
        this.report = report;
        this.exports = exports;
        this.directory = directory;
    }

    @GetMapping("/indicators")
    String dashboard(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) String disaggregation,
                     @RequestParam(required = false) String indicator,
                     @RequestParam(required = false) Long organisationId,
                     @RequestParam(required = false) Long programmeId,
                     @RequestParam(required = false) Long siteId, Model model) {
        IndicatorScope scope = indicators.scope(me, organisationId, programmeId, siteId);
        Period p;
        try {
            p = IndicatorQuery.period(period, from, to, indicators.today());
        } catch (InvalidInput unreadable) {
            // a hand-edited address: the default period is shown, with the reason beside the period field
            model.addAttribute("periodError", unreadable.problems().get(0).messageKey());
            p = IndicatorQuery.period(null, indicators.today());
        }
        Disaggregation d;
        try {
            d = IndicatorQuery.disaggregation(disaggregation);
        } catch (InvalidInput unreadable) {
            d = Disaggregation.NONE;
        }
        boolean exact = indicators.maySeeExact(me, scope);
        List<IndicatorTable> tiles = indicators.tables(me, scope, p, Disaggregation.NONE, exact);
        model.addAttribute("countingNotes", indicators.countingNotes(me, scope));
        String selected = indicator != null && tiles.stream().anyMatch(t -> t.definition().code().equals(indicator))
                ? indicator : tiles.get(0).definition().code();
        IndicatorDefinition chosen = tiles.stream().filter(t -> t.definition().code().equals(selected)).findFirst()
                .orElseThrow().definition();
        Disaggregation asked = d;
        if (d != Disaggregation.NONE && !chosen.disaggregations().contains(d)) {
            d = Disaggregation.NONE;
            model.addAttribute("unsupportedBreakdown", asked);
        }
        IndicatorTable breakdown = indicators.table(me, scope, selected, p, d, exact);
        Trend trend = indicators.trend(me, scope, selected, p, exact);
        IndicatorDefinition definition = breakdown.definition();

        model.addAttribute("scope", scope);
        model.addAttribute("period", indicators.counted(p));
        model.addAttribute("periodCode", p.code());
        model.addAttribute("periods", periodChoices(indicators.today()));
        model.addAttribute("disaggregation", d);
        model.addAttribute("disaggregations", breakdownsOf(chosen));
        model.addAttribute("tiles", tiles);
        model.addAttribute("quality", indicators.dataQuality(me, scope, p, exact));
        model.addAttribute("mayPush", push.mayPush(me, scope) && p.dhis2() != null);
        model.addAttribute("selected", selected);
        model.addAttribute("definition", definition);
        model.addAttribute("breakdown", breakdown);
        model.addAttribute("trend", trend);
        model.addAttribute("exact", exact);
        model.addAttribute("exportable", indicators.maySeeSuppressed(me, scope, p));
        // Without exact counts a site or a custom range would be refused (it gives small counts away by
        // subtraction), so they are not offered; the breakdowns show the parts side by side.
        model.addAttribute("sites", exact ? indicators.sites(me, scope) : List.of());
        model.addAttribute("siteId", siteId);
        model.addAttribute("organisations", organisationChoices(me, scope));
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("programmeId", scope.programmeId());
        model.addAttribute("coordinatorView", scope.organisationId() == null || !me.isMemberOf(scope.organisationId()));
        model.addAttribute("trendChart", trendChart(trend, definition));
        model.addAttribute("breakdownChart", breakdownChart(breakdown));
        model.addAttribute("exportQuery", exportQuery(p, d, selected, organisationId, scope, siteId));
        model.addAttribute("exportAllQuery", exportQuery(p, d, "", organisationId, scope, siteId));
        model.addAttribute("scopeProgrammeId", scope.organisationId() == null ? scope.programmeId() : null);
        return "indicators/dashboard";
    }

    /** The breakdowns the indicator has, after the total: only those are offered. */
    private static List<Disaggregation> breakdownsOf(IndicatorDefinition definition) {
        List<Disaggregation> offered = new ArrayList<>(List.of(Disaggregation.NONE));
        definition.disaggregations().stream().filter(d -> d != Disaggregation.NONE).forEach(offered::add);
        return offered;
    }

    private List<Organisation> organisationChoices(ReachUser me, IndicatorScope scope) {
        if (scope.programmeId() == null || !(me.isAdmin() || me.coordinatesProgramme(scope.programmeId()))) {
            return List.of();
        }
        return directory.organisations(me).stream()
                .filter(o -> scope.programmeId().equals(o.programmeId()) && me.mayReadClientsOf(o.id())).toList();
    }

    /** The last eight quarters, the last twelve months and the last three years, newest first. */
    private static List<String> periodChoices(LocalDate today) {
        List<String> choices = new ArrayList<>();
        Period q = IndicatorQuery.currentQuarter(today);
        LocalDate start = q.start();
        for (int i = 0; i < 8; i++) {
            LocalDate s = start.minusMonths(3L * i);
            choices.add(Period.quarter(s.getYear(), (s.getMonthValue() - 1) / 3 + 1).code());
        }
        for (int i = 0; i < 12; i++) {
            LocalDate s = today.withDayOfMonth(1).minusMonths(i);
            choices.add(Period.month(s.getYear(), s.getMonthValue()).code());
        }
        for (int i = 0; i < 3; i++) {
            choices.add(String.valueOf(today.getYear() - i));
        }
        return choices;
    }

    private static String exportQuery(Period p, Disaggregation d, String indicator, Long organisationId,
                                      IndicatorScope scope, Long siteId) {
        StringBuilder q = new StringBuilder("period=").append(p.code()).append("&disaggregation=").append(d.name())
                .append("&indicator=").append(indicator);
        if (organisationId != null) {
            q.append("&organisationId=").append(organisationId);
        } else if (scope.organisationId() == null && scope.programmeId() != null) {
            q.append("&programmeId=").append(scope.programmeId());
        }
        if (siteId != null) {
            q.append("&siteId=").append(siteId);
        }
        return q.toString();
    }

    private static Map<String, Object> trendChart(Trend trend, IndicatorDefinition definition) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", trend.months().stream().map(Period::code).toList());
        chart.put("values", trend.points().stream().map(IndicatorRow::value).toList());
        chart.put("bandLow", definition.bandLow());
        chart.put("bandHigh", definition.bandHigh());
        return chart;
    }

    private static Map<String, Object> breakdownChart(IndicatorTable table) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", table.rows().stream().map(IndicatorRow::label).toList());
        boolean counts = table.definition().unit() == org.reach.indicators.IndicatorUnit.COUNT
                || table.rows().stream().allMatch(r -> r.value() == null);
        chart.put("values", table.rows().stream().map(r -> counts ? numeric(r.numerator()) : r.value()).toList());
        return chart;
    }

    private static Double numeric(String text) {
        return text != null && text.matches("\\d+") ? Double.valueOf(text) : null;
    }

    /** Always a dry run first: the dashboard's button asks for one, and only its result page offers to send. */
    @PostMapping("/indicators/dhis2")
    String dhis2(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period,
                 @RequestParam(required = false) Long organisationId, @RequestParam(defaultValue = "true") boolean dryRun,
                 Model model) {
        IndicatorScope scope = indicators.scope(me, organisationId, null, null);
        Period p = IndicatorQuery.period(period, indicators.today());
        model.addAttribute("summary", push.push(me, scope, p, dryRun));
        model.addAttribute("periodCode", p.code());
        model.addAttribute("organisationId", organisationId);
        return "indicators/dhis2";
    }

    @GetMapping("/indicators/export.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period,
                               @RequestParam(required = false) String disaggregation,
                               @RequestParam(required = false) String indicator,
                               @RequestParam(required = false) Long organisationId,
                               @RequestParam(required = false) Long programmeId,
                               @RequestParam(required = false) Long siteId) {
        List<IndicatorTable> tables = exportTables(me, period, disaggregation, indicator, organisationId, programmeId, siteId);
        byte[] file = exports.csv(tables, LocaleContextHolder.getLocale());
        logExport(me, "csv", period, disaggregation, indicator, organisationId, programmeId, siteId);
        return download(file, "indicators.csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    @GetMapping("/indicators/export.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period,
                                @RequestParam(required = false) String disaggregation,
                                @RequestParam(required = false) String indicator,
                                @RequestParam(required = false) Long organisationId,
                                @RequestParam(required = false) Long programmeId,
                                @RequestParam(required = false) Long siteId) {
        List<IndicatorTable> tables = exportTables(me, period, disaggregation, indicator, organisationId, programmeId, siteId);
        byte[] file = exports.xlsx(tables, LocaleContextHolder.getLocale());
        logExport(me, "xlsx", period, disaggregation, indicator, organisationId, programmeId, siteId);
        return download(file, "indicators.xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/indicators/report.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period,
                               @RequestParam(required = false) Long organisationId,
                               @RequestParam(required = false) Long programmeId,
                               @RequestParam(required = false) Long siteId) {
        IndicatorScope scope = indicators.scope(me, organisationId, programmeId, siteId);
        Period p = IndicatorQuery.period(period, indicators.today());
        return download(report.pdf(me, scope, p, LocaleContextHolder.getLocale()), "indicators-" + p.code() + ".pdf",
                MediaType.APPLICATION_PDF);
    }

    /** Every indicator with every breakdown, in the background; the person follows it on its own page. */
    @PostMapping("/indicators/exports")
    String startFullExport(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period,
                           @RequestParam(required = false) String format,
                           @RequestParam(required = false) Long organisationId,
                           @RequestParam(required = false) Long programmeId,
                           @RequestParam(required = false) Long siteId) {
        IndicatorScope scope = indicators.scope(me, organisationId, programmeId, siteId);
        Period p = IndicatorQuery.period(period, indicators.today());
        String id = fullExport.start(me, scope, p, ExportFormat.parse(format), LocaleContextHolder.getLocale());
        return "redirect:/indicators/exports/" + id;
    }

    @GetMapping("/indicators/exports/{id}")
    String fullExportStatus(@AuthenticationPrincipal ReachUser me, @PathVariable String id,
                            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("job", fullExport.status(me, id));
        return htmx != null ? "indicators/export :: progress" : "indicators/export";
    }

    @GetMapping("/indicators/exports/{id}/file")
    ResponseEntity<Resource> fullExportFile(@AuthenticationPrincipal ReachUser me, @PathVariable String id) {
        IndicatorExportFile file;
        try {
            file = fullExport.download(me, id);
        } catch (FullIndicatorExport.NotReady notReady) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/indicators/exports/" + id)).build();
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build()
                        .toString())
                .contentType(MediaType.parseMediaType(file.contentType())).contentLength(file.bytes())
                .body(new FileSystemResource(file.path()));
    }

    @GetMapping("/indicators/estimates")
    String estimates(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long organisationId,
                     Model model) {
        model.addAttribute("form", new DenominatorForm(null, Denominator.Population.PEOPLE_WHO_INJECT_DRUGS, null,
                indicators.today().getYear(), null, null));
        return estimatesPage(me, organisationId, model);
    }

    @PostMapping("/indicators/estimates")
    String saveEstimate(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") DenominatorForm form,
                        BindingResult result, Model model) {
        return FormErrors.submit(result, () -> {
            indicators.saveDenominator(me, form);
            return "redirect:/indicators/estimates?saved";
        }, () -> estimatesPage(me, null, model));
    }

    private String estimatesPage(ReachUser me, Long organisationId, Model model) {
        IndicatorScope scope = indicators.scope(me, organisationId, null, null);
        model.addAttribute("scope", scope);
        model.addAttribute("estimates", indicators.denominators(me, scope));
        model.addAttribute("mayEdit", indicators.mayEdit(me));
        model.addAttribute("populations", Denominator.Population.values());
        return "indicators/estimates";
    }

    @GetMapping("/indicators/own")
    String ownIndicators(@AuthenticationPrincipal ReachUser me, Model model) {
        model.addAttribute("form", new OwnIndicatorForm(null, null, null, OwnIndicator.Counts.PEOPLE,
                OwnIndicator.Per.NONE));
        return ownPage(me, model);
    }

    @PostMapping("/indicators/own")
    String defineOwnIndicator(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") OwnIndicatorForm form,
                              BindingResult result, Model model) {
        return FormErrors.submit(result, () -> "redirect:/indicators?indicator="
                + indicators.defineOwnIndicator(me, form).code(), () -> ownPage(me, model));
    }

    @PostMapping("/indicators/own/{id}/retire")
    String retireOwnIndicator(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        indicators.retireOwnIndicator(me, id);
        return "redirect:/indicators/own?retired";
    }

    private String ownPage(ReachUser me, Model model) {
        IndicatorScope scope = indicators.scope(me, null, null, null);
        model.addAttribute("scope", scope);
        model.addAttribute("own", indicators.ownIndicators(me, scope));
        model.addAttribute("mayEdit", indicators.mayEdit(me));
        model.addAttribute("services", indicators.countableServices(me));
        model.addAttribute("countsChoices", OwnIndicator.Counts.values());
        model.addAttribute("perChoices", OwnIndicator.Per.values());
        return "indicators/own";
    }

    /** Exports are always suppressed, whoever asks. */
    private List<IndicatorTable> exportTables(ReachUser me, String period, String disaggregation, String indicator,
                                              Long organisationId, Long programmeId, Long siteId) {
        IndicatorScope scope = indicators.scope(me, organisationId, programmeId, siteId);
        Period p = IndicatorQuery.period(period, indicators.today());
        Disaggregation d = IndicatorQuery.disaggregation(disaggregation);
        if (indicator == null || indicator.isBlank()) {
            return indicators.tables(me, scope, p, d, false);
        }
        return List.of(indicators.table(me, scope, indicator, p, d, false));
    }

    /** Who exported which indicators, for which scope and period, in which format (after the tables were allowed). */
    private void logExport(ReachUser me, String format, String period, String disaggregation, String indicator,
                           Long organisationId, Long programmeId, Long siteId) {
        IndicatorScope scope = indicators.scope(me, organisationId, programmeId, siteId);
        exportLog.exported(me, IndicatorExportLog.EXPORT, scope, IndicatorQuery.period(period, indicators.today()),
                indicator == null || indicator.isBlank() ? "all indicators" : indicator,
                IndicatorQuery.disaggregation(disaggregation), format);
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(type).body(body);
    }
}
