package org.reach.rar.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.rar.Assessment;
import org.reach.rar.AssessmentForm;
import org.reach.rar.AssessmentReports;
import org.reach.rar.AssessmentStatus;
import org.reach.rar.Hotspot;
import org.reach.rar.HotspotDetail;
import org.reach.rar.HotspotExchange;
import org.reach.rar.HotspotForm;
import org.reach.rar.Priority;
import org.reach.rar.PopulationSizes;
import org.reach.rar.AssessmentFindings;
import org.reach.rar.RapidAssessments;
import org.reach.rar.RecommendationForm;
import org.reach.rar.RecommendationStatus;
import org.reach.rar.Subgroup;
import org.reach.rar.VisitForm;
import org.springframework.beans.factory.annotation.Value;
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

@Controller
class RarPages {

    private final RapidAssessments rar;
    private final PopulationSizes sizes;
    private final AssessmentFindings findings;
    private final HotspotExchange exchange;
    private final AssessmentReports reports;
    private final OrganisationDirectory directory;
    private final BackgroundJobs jobs;
    private final String tiles;
    private final RarJson json;

    RarPages(RapidAssessments rar, PopulationSizes sizes, AssessmentFindings findings, HotspotExchange exchange, AssessmentReports reports, OrganisationDirectory directory,
             BackgroundJobs jobs, RarJson json, @Value("${reach.map.tiles:}") String tiles) {
        this.json = json;
        this.rar = rar;
        this.sizes = sizes;
        this.findings = findings;
        this.exchange = exchange;
        this.reports = reports;
        this.directory = directory;
        this.jobs = jobs;
        this.tiles = tiles;
    }

    // ---- assessments

    @GetMapping("/rar")
    String list(@AuthenticationPrincipal ReachUser me, Model model) {
        model.addAttribute("assessments", rar.assessments(me));
        model.addAttribute("mayCreate", !rar.organisationsToManage(me).isEmpty());
        return "rar/assessments";
    }

    @GetMapping("/rar/new")
    String newAssessment(@AuthenticationPrincipal ReachUser me, Model model) {
        var organisations = rar.organisationsToManage(me);
        if (organisations.isEmpty()) {
            throw new Forbidden("create assessment");
        }
        model.addAttribute("form", AssessmentForm.blank(organisations.get(0).id()));
        return assessmentForm(me, model, null);
    }

    @PostMapping("/rar/new")
    String create(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") AssessmentForm form,
                  BindingResult result, Model model) {
        if (result.hasErrors()) {
            return assessmentForm(me, model, null);
        }
        try {
            Assessment created = rar.createAssessment(me, form);
            return "redirect:/rar/" + created.id() + "?saved";
        } catch (InvalidInput invalid) {
            FormErrors.bind(invalid, result);
            return assessmentForm(me, model, null);
        }
    }

    @GetMapping("/rar/{id}")
    String assessment(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Assessment assessment = rar.assessment(me, id);
        model.addAttribute("assessment", assessment);
        model.addAttribute("organisation", directory.organisation(me, assessment.organisationId()));
        model.addAttribute("estimates", sizes.estimates(me, id));
        model.addAttribute("gaps", sizes.gaps(me, id).stream().limit(10).toList());
        model.addAttribute("recommendations", findings.recommendations(me, id));
        model.addAttribute("mayManage", rar.mayManage(me, assessment));
        model.addAttribute("mayRecord", rar.mayRecord(me, assessment));
        model.addAttribute("recommendationForm",
                new RecommendationForm("", List.of(), Priority.MEDIUM, "", RecommendationStatus.PROPOSED));
        RarVocabulary.addTo(model, rar.drugs());
        return "rar/assessment";
    }

    @GetMapping("/rar/{id}/edit")
    String edit(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Assessment assessment = rar.assessment(me, id);
        if (!rar.mayManage(me, assessment)) {
            throw new Forbidden("update assessment");
        }
        model.addAttribute("form", AssessmentForm.of(assessment));
        return assessmentForm(me, model, assessment);
    }

    @PostMapping("/rar/{id}/edit")
    String update(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @ModelAttribute("form") AssessmentForm form,
                  BindingResult result, Model model) {
        Assessment assessment = rar.assessment(me, id);
        if (result.hasErrors()) {
            return assessmentForm(me, model, assessment);
        }
        try {
            rar.updateAssessment(me, id, form);
            return "redirect:/rar/" + id + "?saved";
        } catch (InvalidInput invalid) {
            FormErrors.bind(invalid, result);
            return assessmentForm(me, model, assessment);
        }
    }

    private String assessmentForm(ReachUser me, Model model, Assessment assessment) {
        model.addAttribute("assessment", assessment);
        model.addAttribute("organisations", rar.organisationsToManage(me));
        model.addAttribute("statuses", AssessmentStatus.values());
        return "rar/assessment-form";
    }

    // ---- hotspots

    @GetMapping("/rar/{id}/hotspots/new")
    String newHotspot(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Assessment assessment = rar.assessment(me, id);
        if (!rar.mayRecord(me, assessment)) {
            throw new Forbidden("create hotspot");
        }
        model.addAttribute("form", HotspotForm.blank());
        return hotspotForm(me, model, assessment, null);
    }

    @PostMapping("/rar/{id}/hotspots/new")
    String createHotspot(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                         @ModelAttribute("form") HotspotForm form, BindingResult result, Model model) {
        Assessment assessment = rar.assessment(me, id);
        if (result.hasErrors()) {
            return hotspotForm(me, model, assessment, null);
        }
        try {
            Hotspot created = rar.createHotspot(me, id, form);
            return "redirect:/rar/hotspots/" + created.id() + "?saved";
        } catch (InvalidInput invalid) {
            FormErrors.bind(invalid, result);
            return hotspotForm(me, model, assessment, null);
        }
    }

    @GetMapping("/rar/hotspots/{id}")
    String hotspot(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        HotspotDetail detail = sizes.detail(me, id);
        Assessment assessment = rar.assessment(me, detail.hotspot().assessmentId());
        model.addAttribute("detail", detail);
        model.addAttribute("hotspot", detail.hotspot());
        model.addAttribute("assessment", assessment);
        model.addAttribute("mayManage", rar.mayManage(me, assessment));
        model.addAttribute("mayRecord", rar.mayRecord(me, assessment));
        if (!model.containsAttribute("visitForm")) {
            model.addAttribute("visitForm", new VisitForm(null, null, null, 0, 0, 0, 0, 0));
        }
        model.addAttribute("subgroups", Subgroup.values());
        RarVocabulary.addTo(model, rar.drugs());
        return "rar/hotspot";
    }

    @GetMapping("/rar/hotspots/{id}/edit")
    String editHotspot(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Hotspot hotspot = rar.hotspot(me, id);
        Assessment assessment = rar.assessment(me, hotspot.assessmentId());
        if (!rar.mayRecord(me, assessment)) {
            throw new Forbidden("update hotspot");
        }
        model.addAttribute("form", HotspotForm.of(hotspot));
        return hotspotForm(me, model, assessment, hotspot);
    }

    @PostMapping("/rar/hotspots/{id}/edit")
    String updateHotspot(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                         @ModelAttribute("form") HotspotForm form, BindingResult result, Model model) {
        Hotspot hotspot = rar.hotspot(me, id);
        Assessment assessment = rar.assessment(me, hotspot.assessmentId());
        if (result.hasErrors()) {
            return hotspotForm(me, model, assessment, hotspot);
        }
        try {
            rar.updateHotspot(me, id, form);
            return "redirect:/rar/hotspots/" + id + "?saved";
        } catch (InvalidInput invalid) {
            FormErrors.bind(invalid, result);
            return hotspotForm(me, model, assessment, hotspot);
        }
    }

    private String hotspotForm(ReachUser me, Model model, Assessment assessment, Hotspot hotspot) {
        model.addAttribute("assessment", assessment);
        model.addAttribute("hotspot", hotspot);
        model.addAttribute("othersJson", json.write(rar.hotspots(me, assessment.id()).stream()
                .filter(h -> hotspot == null || h.id() != hotspot.id())
                .map(h -> Map.of("name", h.name(), "lat", h.latitude(), "lon", h.longitude())).toList()));
        model.addAttribute("threshold", rar.accuracyThreshold());
        model.addAttribute("tiles", tiles);
        RarVocabulary.addTo(model, rar.drugs());
        return "rar/hotspot-form";
    }

    // ---- map, export, gaps

    @GetMapping("/rar/{id}/map")
    String map(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model, Locale locale) {
        Assessment assessment = rar.assessment(me, id);
        model.addAttribute("assessment", assessment);
        var estimates = sizes.estimates(me, id);
        List<Map<String, Object>> points = estimates.hotspots().stream().map(e -> {
            Map<String, Object> p = new LinkedHashMap<>();
            Hotspot h = e.hotspot();
            p.put("id", h.id());
            p.put("name", h.name());
            p.put("district", h.district());
            p.put("lat", h.latitude());
            p.put("lon", h.longitude());
            p.put("use", h.useType().name());
            p.put("typology", h.typology().name());
            p.put("drugs", h.drugs());
            p.put("women", h.womenPresent());
            p.put("youth", h.youthPresent());
            p.put("transgender", h.transgenderPresent());
            p.put("imprecise", h.imprecise());
            p.put("estimate", e.best() == null ? null : e.best().rounded());
            p.put("label", e.best() == null ? "–" : AssessmentReports.range(e.best()));
            return p;
        }).toList();
        model.addAttribute("points", points);
        model.addAttribute("pointsJson", json.write(points));
        model.addAttribute("sitesJson", json.write(directory.sites(me, assessment.organisationId()).stream()
                .filter(s -> s.hasLocation())
                .map(s -> Map.of("name", s.name(), "lat", s.latitude(), "lon", s.longitude())).toList()));
        model.addAttribute("tiles", tiles);
        RarVocabulary.addTo(model, rar.drugs());
        return "rar/map";
    }

    @GetMapping("/rar/{id}/hotspots.geojson")
    ResponseEntity<byte[]> geojson(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        byte[] body = exchange.exportGeoJson(me, id).getBytes(StandardCharsets.UTF_8);
        return download(body, "hotspots-" + id + ".geojson", MediaType.parseMediaType("application/geo+json"));
    }

    @GetMapping("/rar/{id}/gaps")
    String gaps(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        model.addAttribute("assessment", rar.assessment(me, id));
        model.addAttribute("gaps", sizes.gaps(me, id));
        return "rar/gaps";
    }

    @GetMapping("/rar/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Locale locale) {
        return download(reports.pdf(me, id, locale), "assessment-" + id + ".pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/rar/{id}/report.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Locale locale) {
        return download(reports.xlsx(me, id, locale), "assessment-" + id + ".xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(type).body(body);
    }

}
