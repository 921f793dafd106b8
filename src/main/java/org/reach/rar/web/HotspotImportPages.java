package org.reach.rar.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.reach.platform.BackgroundJobs;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.rar.Assessment;
import org.reach.rar.FieldUpload;
import org.reach.rar.HotspotExchange;
import org.reach.rar.RapidAssessments;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Hotspots imported from a spreadsheet (mapped columns, checked first, run as a background job) or from GeoJSON. */
@Controller
class HotspotImportPages {

    private final RapidAssessments rar;
    private final HotspotExchange exchange;
    private final BackgroundJobs jobs;

    HotspotImportPages(RapidAssessments rar, HotspotExchange exchange, BackgroundJobs jobs) {
        this.rar = rar;
        this.exchange = exchange;
        this.jobs = jobs;
    }

    @GetMapping("/rar/{id}/import")
    String importPage(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Assessment assessment = rar.assessment(me, id);
        if (!rar.mayRecord(me, assessment)) {
            throw new Forbidden("import hotspots");
        }
        model.addAttribute("assessment", assessment);
        return "rar/import";
    }

    @PostMapping("/rar/{id}/import")
    String upload(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestParam("file") MultipartFile file,
                  Model model) {
        Assessment assessment = rar.assessment(me, id);
        model.addAttribute("assessment", assessment);
        try {
            FieldUpload upload = exchange.upload(me, id, file.getOriginalFilename(), file.getInputStream());
            model.addAttribute("upload", upload);
            model.addAttribute("targets", FieldUpload.TARGETS);
            return "rar/import-mapping";
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", invalid.problems());
            return "rar/import";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/rar/{id}/import/{upload}")
    String runImport(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @PathVariable String upload,
                     @RequestParam Map<String, String> params, Model model) {
        Map<String, String> mapping = new LinkedHashMap<>();
        FieldUpload.TARGETS.forEach(t -> mapping.put(t, params.get("map_" + t)));
        try {
            String job = exchange.startImport(me, id, upload, mapping, "true".equals(params.get("goodRowsOnly")));
            return "redirect:/rar/" + id + "/import/jobs/" + job;
        } catch (InvalidInput invalid) {
            model.addAttribute("assessment", rar.assessment(me, id));
            model.addAttribute("upload", exchange.pending(me, id, upload));
            model.addAttribute("targets", FieldUpload.TARGETS);
            model.addAttribute("problems", invalid.problems());
            return "rar/import-mapping";
        }
    }

    @GetMapping("/rar/{id}/import/jobs/{job}")
    String importResult(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @PathVariable String job, Model model) {
        model.addAttribute("assessment", rar.assessment(me, id));
        model.addAttribute("job", jobs.status(me, job));
        return "rar/import-result";
    }

    @PostMapping("/rar/{id}/import/geojson")
    String importGeoJson(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                         @RequestParam("file") MultipartFile file, Model model) {
        Assessment assessment = rar.assessment(me, id);
        try {
            exchange.importGeoJson(me, id, new String(file.getBytes(), StandardCharsets.UTF_8));
            return "redirect:/rar/" + id + "/map?imported";
        } catch (InvalidInput invalid) {
            model.addAttribute("assessment", assessment);
            model.addAttribute("problems", invalid.problems());
            return "rar/import";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
