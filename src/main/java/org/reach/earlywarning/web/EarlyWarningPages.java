package org.reach.earlywarning.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.reach.earlywarning.Adulterant;
import org.reach.earlywarning.Alert;
import org.reach.earlywarning.ContingencyPlan;
import org.reach.earlywarning.DrugForm;
import org.reach.earlywarning.DrugReportConflict;
import org.reach.earlywarning.DrugReportForm;
import org.reach.earlywarning.DrugRoute;
import org.reach.earlywarning.EarlyWarning;
import org.reach.earlywarning.PlanForm;
import org.reach.earlywarning.ReportSource;
import org.reach.earlywarning.UnusualEffect;
import org.reach.earlywarning.WarningFlyer;
import org.reach.earlywarning.WeeklyCounts;
import org.reach.organisations.Site;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class EarlyWarningPages {

    private static final String OVERVIEW = "earlywarning/overview";
    private static final String REPORT_FORM = "earlywarning/report-form";
    private static final String ALERT = "earlywarning/alert";
    private static final String PLANS = "earlywarning/plans";
    private static final String SUBSTANCES = "earlywarning/substances";

    private final EarlyWarning earlyWarning;
    private final WarningFlyer flyer;

    EarlyWarningPages(EarlyWarning earlyWarning, WarningFlyer flyer) {
        this.earlyWarning = earlyWarning;
        this.flyer = flyer;
    }

    @GetMapping("/earlywarning")
    String overview(@AuthenticationPrincipal ReachUser me, Model model) {
        model.addAttribute("alerts", earlyWarning.alerts(me, false));
        model.addAttribute("reports", earlyWarning.reports(me, null, null).stream().limit(50).toList());
        model.addAttribute("seriesNames", seriesNames());
        model.addAttribute("siteNames", siteNames(me));
        model.addAttribute("mayReport", earlyWarning.mayReport(me));
        model.addAttribute("mayManage", earlyWarning.mayManage(me));
        return OVERVIEW;
    }

    @GetMapping("/earlywarning/reports/new")
    String newReport(@AuthenticationPrincipal ReachUser me, Model model) {
        requireReporter(me);
        DrugReportPageForm form = new DrugReportPageForm();
        form.setUuid(UUID.randomUUID().toString());
        form.setReportedOn(earlyWarning.today());
        List<Site> sites = earlyWarning.reportingSites(me);
        if (sites.size() == 1) {
            form.setSiteId(sites.get(0).id());
        }
        form.setSource(ReportSource.PEER.name());
        model.addAttribute("form", form);
        return reportForm(me, model);
    }

    @PostMapping("/earlywarning/reports/new")
    String createReport(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") DrugReportPageForm form,
                        BindingResult result, Model model) {
        requireReporter(me);
        if (result.hasErrors()) {
            return reportForm(me, model);
        }
        try {
            earlyWarning.record(me, new DrugReportForm(form.getUuid(), form.getReportedOn(), form.getSiteId(), null,
                    form.getSoldAsId(), form.getFoundId(), form.getForm(), form.getPricePerUnit(), form.getPurity(),
                    form.getAdulterants(), form.getRoute(), form.getSource(), blank(form.getEffect()),
                    form.getEffectNote()));
            return "redirect:/earlywarning/reports/new?saved";
        } catch (InvalidInput invalid) {
            FormErrors.bind(invalid, result);
            return reportForm(me, model);
        } catch (DrugReportConflict sentBeforeWithOtherContent) {
            // a form sent again after it was changed (the back button): the first one is stored and stands
            FormErrors.bind(InvalidInput.of("report", "earlywarning.error.uuidConflict"), result);
            return reportForm(me, model);
        }
    }

    private String reportForm(ReachUser me, Model model) {
        model.addAttribute("sites", earlyWarning.reportingSites(me));
        model.addAttribute("substances", earlyWarning.substances());
        model.addAttribute("forms", DrugForm.values());
        model.addAttribute("routes", DrugRoute.values());
        model.addAttribute("sources", ReportSource.values());
        model.addAttribute("effects", UnusualEffect.values());
        model.addAttribute("adulterantCodes", Adulterant.values());
        return REPORT_FORM;
    }

    @GetMapping("/earlywarning/alerts/{id}")
    String alert(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        return alertPage(me, id, model, null);
    }

    private String alertPage(ReachUser me, long id, Model model, InvalidInput invalid) {
        Alert alert = earlyWarning.alert(me, id);
        model.addAttribute("alert", alert);
        model.addAttribute("seriesName", seriesNames().getOrDefault(alert.series(), "earlywarning.series.unknown"));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("weeks", alert.evidence().weeks());
        chart.put("observed", alert.evidence().observed());
        chart.put("threshold", alert.evidence().threshold());
        model.addAttribute("chart", chart);
        model.addAttribute("reports", earlyWarning.alertReports(me, id));
        model.addAttribute("siteNames", siteNames(me));
        model.addAttribute("steps", earlyWarning.steps(me, id));
        model.addAttribute("plan", earlyWarning.plan(me, alert.series()).orElse(null));
        model.addAttribute("mayManage", earlyWarning.mayManage(me));
        model.addAttribute("problems", invalid == null ? List.of() : invalid.problems());
        return ALERT;
    }

    @PostMapping("/earlywarning/alerts/{id}/{action}")
    String act(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @PathVariable String action,
               @RequestParam(required = false) String note, Model model) {
        try {
            switch (action) {
                case "acknowledge" -> earlyWarning.acknowledge(me, id, note);
                case "close" -> earlyWarning.close(me, id, note);
                case "plan" -> earlyWarning.startPlan(me, id);
                default -> throw new org.reach.platform.NotFound("alert action", action);
            }
            return "redirect:/earlywarning/alerts/" + id + "?saved";
        } catch (InvalidInput invalid) {
            return alertPage(me, id, model, invalid);
        }
    }

    @PostMapping("/earlywarning/alerts/{id}/steps/{step}")
    String tick(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @PathVariable long step) {
        earlyWarning.markDone(me, id, step);
        return "redirect:/earlywarning/alerts/" + id + "#plan";
    }

    @GetMapping("/earlywarning/alerts/{id}/flyer.pdf")
    ResponseEntity<byte[]> flyer(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Locale locale) {
        byte[] pdf = flyer.pdf(me, id, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("warning-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    @PostMapping("/earlywarning/detect")
    String detect(@AuthenticationPrincipal ReachUser me) {
        List<Long> raised = earlyWarning.detectNow(me);
        return "redirect:/earlywarning?raised=" + raised.size();
    }

    @GetMapping("/earlywarning/plans")
    String plans(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String series, Model model) {
        return plansPage(me, model, series, null, null, null);
    }

    @PostMapping("/earlywarning/plans")
    String savePlan(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String series,
                    @RequestParam(required = false) String title, @RequestParam(required = false) String items,
                    Model model) {
        if (!earlyWarning.mayManage(me)) {
            throw new Forbidden("write plan");
        }
        List<ContingencyPlan.Item> parsed = new ArrayList<>();
        boolean unreadable = false;
        for (String line : (items == null ? "" : items).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            if (parts.length != 3 || !parts[2].strip().matches("\\d{1,2}")) {
                unreadable = true;
                continue;
            }
            parsed.add(new ContingencyPlan.Item(parts[0].strip(), parts[1].strip(), Integer.parseInt(parts[2].strip())));
        }
        try {
            if (unreadable) {
                throw InvalidInput.of("items", "earlywarning.error.itemLine");
            }
            earlyWarning.savePlan(me, new PlanForm(series, title, parsed));
            return "redirect:/earlywarning/plans?saved";
        } catch (InvalidInput invalid) {
            return plansPage(me, model, series, title, items, invalid);
        }
    }

    private String plansPage(ReachUser me, Model model, String series, String title, String items,
                             InvalidInput invalid) {
        model.addAttribute("plans", earlyWarning.plans(me));
        model.addAttribute("seriesNames", seriesNames());
        model.addAttribute("mayManage", earlyWarning.mayManage(me));
        model.addAttribute("series", series);
        model.addAttribute("title", title);
        model.addAttribute("items", items);
        Map<String, String> errors = new LinkedHashMap<>();
        if (invalid != null) {
            invalid.problems().forEach(p -> errors.putIfAbsent(p.field(), p.messageKey()));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("errorArgs", invalid == null ? Map.of() : invalid.problems().stream()
                .collect(Collectors.toMap(p -> p.field(), p -> p.arguments().toArray(), (a, b) -> a)));
        return PLANS;
    }

    @GetMapping("/earlywarning/substances")
    String substances(@AuthenticationPrincipal ReachUser me, Model model) {
        return substancesPage(me, model, null, null);
    }

    @PostMapping("/earlywarning/substances")
    String addSubstance(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String name,
                        Model model) {
        try {
            earlyWarning.addSubstance(me, name);
            return "redirect:/earlywarning/substances?saved";
        } catch (InvalidInput invalid) {
            return substancesPage(me, model, name, invalid);
        }
    }

    private String substancesPage(ReachUser me, Model model, String name, InvalidInput invalid) {
        if (!earlyWarning.mayExtendSubstances(me) && !earlyWarning.mayRead(me)) {
            throw new Forbidden("read substances");
        }
        model.addAttribute("substances", earlyWarning.substances());
        model.addAttribute("mayExtend", earlyWarning.mayExtendSubstances(me));
        model.addAttribute("name", name);
        model.addAttribute("problems", invalid == null ? List.of() : invalid.problems());
        return SUBSTANCES;
    }

    private Map<String, String> seriesNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (WeeklyCounts s : earlyWarning.series()) {
            names.put(s.name(), s.messageKey());
        }
        return names;
    }

    private Map<Long, String> siteNames(ReachUser me) {
        return earlyWarning.reportingSites(me).stream().collect(Collectors.toMap(Site::id, Site::name));
    }

    private void requireReporter(ReachUser me) {
        if (!earlyWarning.mayReport(me)) {
            throw new Forbidden("record drug report");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
