package org.reach.partners.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.partners.ActionForm;
import org.reach.partners.ActionPlans;
import org.reach.partners.ActionSource;
import org.reach.partners.ActionStatus;
import org.reach.partners.Assessment;
import org.reach.partners.AssessmentForm;
import org.reach.partners.AssessmentFramework;
import org.reach.partners.AssessmentKind;
import org.reach.partners.AssessmentReport;
import org.reach.partners.AssessmentResult;
import org.reach.partners.PartnerAction;
import org.reach.partners.PartnerAssessments;
import org.reach.partners.ProgressForm;
import org.reach.partners.ScoreEntry;
import org.reach.partners.ScoresForm;
import org.reach.partners.Twinning;
import org.reach.partners.TwinningForm;
import org.reach.partners.Twinnings;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.NotFound;
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

/** Partner overview, assessments with scoring and consensus, twinning and action plans. */
@Controller
class PartnerPages {

    private final PartnerAssessments assessments;
    private final AssessmentFramework framework;
    private final Twinnings twinnings;
    private final ActionPlans actions;
    private final AssessmentReport report;
    private final OrganisationDirectory directory;
    private final org.springframework.context.MessageSource messages;
    private final Clock clock;

    PartnerPages(PartnerAssessments assessments, AssessmentFramework framework, Twinnings twinnings, ActionPlans actions,
                 AssessmentReport report, OrganisationDirectory directory, org.springframework.context.MessageSource messages,
                 Clock clock) {
        this.messages = messages;
        this.clock = clock;
        this.assessments = assessments;
        this.framework = framework;
        this.twinnings = twinnings;
        this.actions = actions;
        this.report = report;
        this.directory = directory;
    }

    /** A partner in the comparison table: its latest assessment, if the person may see one. */
    record PartnerRow(Organisation organisation, AssessmentResult latest, Map<String, String> scores) {
    }

    @GetMapping("/partners")
    String overview(@AuthenticationPrincipal ReachUser me, Model model) {
        List<PartnerRow> rows = new ArrayList<>();
        for (Organisation organisation : directory.organisations(me)) {
            Optional<AssessmentResult> latest = assessments.latest(me, organisation.id());
            Map<String, String> scores = new LinkedHashMap<>();
            latest.ifPresent(r -> r.domainScores().forEach(d -> scores.put(d.code(), d.formatted())));
            rows.add(new PartnerRow(organisation, latest.orElse(null), scores));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("domains", framework.current().domains().stream()
                .map(d -> Map.of("code", d.code(), "name", name(d.code(), d.name()))).toList());
        model.addAttribute("assessments", assessments.assessments(me));
        model.addAttribute("mayCreate", !assessments.assessablePartners(me).isEmpty());
        model.addAttribute("chart", comparisonChart(rows));
        return "partners/overview";
    }

    @GetMapping("/partners/organisations/{id}")
    String partner(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model, Locale locale) {
        Organisation organisation = directory.organisation(me, id);
        List<AssessmentResult> history = assessments.history(me, id);
        if (history.isEmpty() && !assessments.assessablePartners(me).contains(organisation)) {
            throw new NotFound("partner", id);
        }
        model.addAttribute("organisation", organisation);
        model.addAttribute("history", history);
        model.addAttribute("radar", radar(history, locale));
        return "partners/partner";
    }

    // ---- assessments

    @GetMapping("/partners/assessments/new")
    String newAssessment(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long organisation,
                         Model model) {
        List<Organisation> partners = assessments.assessablePartners(me);
        if (partners.isEmpty()) {
            throw new Forbidden("create assessment");
        }
        model.addAttribute("form", new AssessmentForm(organisation, AssessmentKind.BASELINE, LocalDate.now(clock),
                LocalDate.now(clock), null, List.of(), null));
        return assessmentForm(me, model, partners);
    }

    @PostMapping("/partners/assessments/new")
    String createAssessment(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") AssessmentForm form,
                            BindingResult result, Model model) {
        List<Organisation> partners = assessments.assessablePartners(me);
        if (partners.isEmpty()) {
            throw new Forbidden("create assessment");
        }
        return FormErrors.submit(result, () -> {
            Assessment created = assessments.create(me, form);
            return "redirect:/partners/assessments/" + created.id() + "/scores";
        }, () -> assessmentForm(me, model, partners));
    }

    private String assessmentForm(ReachUser me, Model model, List<Organisation> partners) {
        model.addAttribute("partners", partners);
        model.addAttribute("kinds", AssessmentKind.values());
        Map<Long, String> assessors = new LinkedHashMap<>();
        Long programme = partners.get(0).programmeId();
        for (Organisation partner : partners) {
            if (!java.util.Objects.equals(partner.programmeId(), programme) && programme != null) {
                continue;
            }
            assessments.assessorCandidates(me, partner.id()).forEach(a -> assessors.putIfAbsent(a.userId(),
                    a.organisation() == null ? a.name() : a.name() + " (" + a.organisation() + ")"));
            break;
        }
        model.addAttribute("assessors", assessors);
        return "partners/assessment-form";
    }

    @GetMapping("/partners/assessments/{id}")
    String assessment(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model, Locale locale) {
        AssessmentResult result = assessments.result(me, id);
        Assessment assessment = result.assessment();
        boolean coordinator = assessments.mayCoordinate(me, assessment);
        model.addAttribute("result", result);
        model.addAttribute("assessment", assessment);
        model.addAttribute("coordinator", coordinator);
        model.addAttribute("mayScore", assessments.mayScore(me, assessment));
        model.addAttribute("suggestions", coordinator ? twinnings.suggestionsFor(me, id) : List.of());
        model.addAttribute("actions", actions.actions(me, assessment.organisationId()).stream()
                .filter(a -> a.assessmentId() != null && a.assessmentId() == id).toList());
        model.addAttribute("radar", radar(assessments.history(me, assessment.organisationId()), locale));
        return "partners/assessment";
    }

    @GetMapping("/partners/assessments/{id}/scores")
    String scoresForm(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        AssessmentResult result = assessments.result(me, id);
        if (!assessments.mayScore(me, result.assessment())) {
            throw new Forbidden("score assessment");
        }
        return scoresPage(me, result, model);
    }

    private String scoresPage(ReachUser me, AssessmentResult result, Model model) {
        Map<Long, org.reach.partners.AssessorScore> mine = new LinkedHashMap<>();
        result.questionsByDomain().values().forEach(list -> list.forEach(q -> {
            org.reach.partners.AssessorScore own = q.scoreOf(me.id());
            if (own != null) {
                mine.put(q.question().id(), own);
            }
        }));
        model.addAttribute("mine", mine);
        model.addAttribute("result", result);
        model.addAttribute("assessment", result.assessment());
        return "partners/scores";
    }

    @PostMapping("/partners/assessments/{id}/scores")
    String saveScores(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                      @RequestParam Map<String, String> params, Model model) {
        AssessmentResult result = assessments.result(me, id);
        return FormErrors.submit(model, () -> {
            assessments.saveMyScores(me, id, scores(result, params));
            return "redirect:/partners/assessments/" + id + "?saved";
        }, () -> scoresPage(me, result, model));
    }

    @PostMapping("/partners/assessments/{id}/consensus")
    String consensus(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                     @RequestParam Map<String, String> params, Model model, Locale locale) {
        AssessmentResult result = assessments.result(me, id);
        return FormErrors.submit(model, () -> {
            assessments.settleConsensus(me, id, scores(result, params));
            return "redirect:/partners/assessments/" + id + "?saved";
        }, () -> assessment(me, id, model, locale));
    }

    @PostMapping("/partners/assessments/{id}/finalise")
    String finalise(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model, Locale locale) {
        return FormErrors.submit(model, () -> {
            assessments.finalise(me, id);
            return "redirect:/partners/assessments/" + id + "?finalised";
        }, () -> assessment(me, id, model, locale));
    }

    @GetMapping("/partners/assessments/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Locale locale) {
        byte[] pdf = report.pdf(me, id, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("assessment-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    /** Reads score_{questionId} and evidence_{questionId} fields; empty scores are left out. */
    private static ScoresForm scores(AssessmentResult result, Map<String, String> params) {
        List<ScoreEntry> entries = new ArrayList<>();
        result.framework().questions().forEach(q -> {
            String score = params.get("score_" + q.id());
            if (score != null && !score.isBlank()) {
                Integer value;
                try {
                    value = Integer.valueOf(score.strip());
                } catch (NumberFormatException e) {
                    value = -1;
                }
                entries.add(new ScoreEntry(q.id(), value, params.get("evidence_" + q.id())));
            }
        });
        return new ScoresForm(entries);
    }

    // ---- twinning

    @GetMapping("/partners/twinnings")
    String twinningList(@AuthenticationPrincipal ReachUser me, Model model) {
        model.addAttribute("twinnings", twinnings.twinnings(me));
        return "partners/twinnings";
    }

    @PostMapping("/partners/twinnings")
    String twin(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long learningOrganisationId,
                @RequestParam(required = false) Long supportingOrganisationId,
                @RequestParam(required = false) Long assessmentId,
                @RequestParam(required = false) List<String> domains, @RequestParam(required = false) String note,
                Model model) {
        return FormErrors.submit(model, () -> {
            Twinning twinning = twinnings.record(me, new TwinningForm(learningOrganisationId, supportingOrganisationId,
                    assessmentId, domains, note));
            return "redirect:/partners/actions/new?twinning=" + twinning.id();
        }, () -> twinningList(me, model));
    }

    // ---- actions

    @GetMapping("/partners/actions")
    String actionList(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long organisation,
                      Locale locale, Model model) {
        List<PartnerAction> list = actions.actions(me, organisation);
        model.addAttribute("actions", list);
        org.reach.partners.ActionSummary summary = ActionPlans.summarise(list);
        model.addAttribute("summary", summary);
        model.addAttribute("progressChart", Map.of(
                "labels", List.of(text(locale, "partners.actionStatus.PLANNED"), text(locale, "partners.actionStatus.IN_PROGRESS"),
                        text(locale, "partners.actionStatus.DONE"), text(locale, "partners.overdue")),
                "values", List.of(summary.planned(), summary.inProgress(), summary.done(), summary.overdue())));
        model.addAttribute("mayCreate", !assessments.assessablePartners(me).isEmpty());
        return "partners/actions";
    }

    @GetMapping("/partners/actions/new")
    String newAction(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long assessment,
                     @RequestParam(required = false) Long twinning, Model model) {
        List<Organisation> partners = assessments.assessablePartners(me);
        if (partners.isEmpty()) {
            throw new Forbidden("create action");
        }
        ActionForm form;
        LocalDate due = LocalDate.now(clock).plusMonths(3);
        if (twinning != null) {
            Twinning t = twinnings.twinning(me, twinning);
            form = new ActionForm(t.learningOrganisationId(), ActionSource.TWINNING, t.assessmentId(), t.id(), null, null,
                    t.domains().isEmpty() ? null : t.domains().get(0), null, t.supportingOrganisationId(), due);
        } else if (assessment != null) {
            Assessment a = assessments.assessment(me, assessment);
            form = new ActionForm(a.organisationId(), ActionSource.ASSESSMENT, a.id(), null, null, null, null, null, null, due);
        } else {
            form = new ActionForm(null, ActionSource.RAR, null, null, null, null, null, null, null, due);
        }
        model.addAttribute("form", form);
        return actionForm(model, partners);
    }

    @PostMapping("/partners/actions/new")
    String createAction(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") ActionForm form,
                        BindingResult result, Model model) {
        List<Organisation> partners = assessments.assessablePartners(me);
        if (partners.isEmpty()) {
            throw new Forbidden("create action");
        }
        return FormErrors.submit(result, () -> {
            PartnerAction created = actions.create(me, form);
            return "redirect:/partners/actions/" + created.id() + "?saved";
        }, () -> actionForm(model, partners));
    }

    private String actionForm(Model model, List<Organisation> partners) {
        model.addAttribute("partners", partners);
        model.addAttribute("sources", ActionSource.values());
        model.addAttribute("domains", framework.current().domains().stream()
                .map(d -> Map.of("code", d.code(), "name", name(d.code(), d.name()))).toList());
        return "partners/action-form";
    }

    @GetMapping("/partners/actions/{id}")
    String action(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        PartnerAction action = actions.action(me, id);
        model.addAttribute("action", action);
        model.addAttribute("mayUpdate", actions.mayUpdate(me, action));
        model.addAttribute("statuses", ActionStatus.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ProgressForm(action.status(), null));
        }
        return "partners/action";
    }

    @PostMapping("/partners/actions/{id}/progress")
    String progress(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @ModelAttribute("form") ProgressForm form,
                    BindingResult result, Model model) {
        return FormErrors.submit(result, () -> {
            actions.recordProgress(me, id, form);
            return "redirect:/partners/actions/" + id + "?saved";
        }, () -> action(me, id, model));
    }

    // ---- chart data: inline JSON for ECharts, the page also shows the same numbers in tables

    private Map<String, Object> radar(List<AssessmentResult> history, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        if (history.isEmpty()) {
            chart.put("indicators", List.of());
            chart.put("series", List.of());
            return chart;
        }
        AssessmentResult last = history.get(history.size() - 1);
        chart.put("indicators", last.domainScores().stream().map(d -> Map.of("name", wrap(d.name()), "max", 4)).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (AssessmentResult r : history) {
            Map<String, Double> byCode = new LinkedHashMap<>();
            r.domainScores().forEach(d -> byCode.put(d.code(), d.score()));
            series.add(Map.of("name", r.assessment().visitStart() + " " + text(locale, r.assessment().kind().messageKey()),
                    "value", last.domainScores().stream().map(d -> byCode.getOrDefault(d.code(), 0.0) == null ? 0.0
                            : byCode.getOrDefault(d.code(), 0.0)).toList()));
        }
        chart.put("series", series);
        return chart;
    }

    /**
     * Longest line of a radar label, in characters: longer names are broken between words (or after a hyphen) so
     * that none is cut off at the edge of the chart.
     */
    static final int RADAR_LABEL_LINE = 20;

    static String wrap(String label) {
        StringBuilder wrapped = new StringBuilder();
        int line = 0;
        for (String word : label.trim().split("\\s+")) {
            String[] parts = word.length() > RADAR_LABEL_LINE ? word.split("(?<=-)") : new String[] {word};
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                int gap = line == 0 || i > 0 ? 0 : 1;
                if (line > 0 && line + gap + part.length() > RADAR_LABEL_LINE) {
                    wrapped.append('\n');
                    line = 0;
                    gap = 0;
                }
                wrapped.append(gap == 1 ? " " : "").append(part);
                line += gap + part.length();
            }
        }
        return wrapped.toString();
    }

    private Map<String, Object> comparisonChart(List<PartnerRow> rows) {
        Map<String, Object> chart = new LinkedHashMap<>();
        List<PartnerRow> assessed = rows.stream().filter(r -> r.latest() != null).toList();
        List<String> domainNames = framework.current().domains().stream().map(d -> name(d.code(), d.name())).toList();
        List<String> codes = framework.current().domains().stream().map(d -> d.code()).toList();
        chart.put("domains", domainNames);
        List<Map<String, Object>> series = new ArrayList<>();
        for (PartnerRow row : assessed) {
            Map<String, Double> byCode = new LinkedHashMap<>();
            row.latest().domainScores().forEach(d -> byCode.put(d.code(), d.score()));
            series.add(Map.of("name", row.organisation().name(), "type", "bar",
                    "data", codes.stream().map(c -> byCode.get(c) == null ? 0.0 : byCode.get(c)).toList()));
        }
        chart.put("series", series);
        return chart;
    }

    private String text(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }

    private String name(String code, String fallback) {
        return assessments.domainLabel(code, fallback);
    }
}
