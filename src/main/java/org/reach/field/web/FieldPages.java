package org.reach.field.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reach.earlywarning.DrugForm;
import org.reach.earlywarning.DrugRoute;
import org.reach.earlywarning.EarlyWarning;
import org.reach.earlywarning.UnusualEffect;
import org.reach.field.EnrolledDevice;
import org.reach.field.FieldConflict;
import org.reach.field.FieldConflicts;
import org.reach.field.FieldDevices;
import org.reach.field.Resolution;
import org.reach.field.StoredVersions;
import org.reach.outreach.AgeBand;
import org.reach.platform.Forbidden;
import org.reach.platform.ReachUser;
import org.reach.services.ProviderType;
import org.reach.services.ServiceCatalogue;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The installable field app: its shell page (one per language, cached by the service worker), manifest, worker and
 * icons; enrolment of the phone by the signed-in peer; and the managers' pages for devices and conflicts.
 */
@Controller
class FieldPages {

    private static final String SHELL = "field/app";
    private static final String DEVICES = "field/devices";
    private static final String CONFLICTS = "field/conflicts";

    private final FieldDevices devices;
    private final FieldConflicts conflicts;
    private final StoredVersions stored;
    private final ServiceCatalogue catalogue;
    private final EarlyWarning earlyWarning;

    FieldPages(FieldDevices devices, FieldConflicts conflicts, StoredVersions stored, ServiceCatalogue catalogue,
               EarlyWarning earlyWarning) {
        this.devices = devices;
        this.conflicts = conflicts;
        this.stored = stored;
        this.catalogue = catalogue;
        this.earlyWarning = earlyWarning;
    }

    @GetMapping("/field")
    String shell(@AuthenticationPrincipal ReachUser me, Model model) {
        if (!devices.mayEnrol(me)) {
            throw new Forbidden("open the field app");
        }
        model.addAttribute("ageBands", AgeBand.values());
        model.addAttribute("services", catalogue.services(me));
        // labels only: the codes the forms offer come with the delta download, and an unknown one shows its code
        model.addAttribute("drugForms", DrugForm.values());
        model.addAttribute("drugRoutes", DrugRoute.values());
        model.addAttribute("effects", UnusualEffect.values());
        model.addAttribute("providerTypes", ProviderType.values());
        model.addAttribute("mayReportDrugs", earlyWarning.mayReport(me));
        return SHELL;
    }

    record EnrolRequest(String label) {
    }

    /** Enrols this phone for the signed-in person; the token is answered once and kept encrypted by the app. */
    @PostMapping(path = "/field/devices", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> enrol(@AuthenticationPrincipal ReachUser me, @RequestBody EnrolRequest request) {
        EnrolledDevice enrolled = devices.enrol(me, request.label());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("deviceId", enrolled.device().id());
        answer.put("token", enrolled.token());
        answer.put("expiresAt", enrolled.device().expiresAt().toString());
        answer.put("userId", me.id());
        return answer;
    }

    @GetMapping("/field/devices")
    String devices(@AuthenticationPrincipal ReachUser me, Model model) {
        model.addAttribute("devices", devices.devices(me));
        model.addAttribute("mayManage", devices.mayManage(me));
        return DEVICES;
    }

    @PostMapping("/field/devices/{id}/revoke")
    String revoke(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        devices.revoke(me, id);
        return "redirect:/field/devices?revoked";
    }

    @GetMapping("/field/conflicts")
    String conflicts(@AuthenticationPrincipal ReachUser me, @RequestParam(defaultValue = "false") boolean all,
                     Model model) {
        List<FieldConflict> found = conflicts.list(me, !all);
        Map<Long, StoredVersions.Comparison> comparisons = new LinkedHashMap<>();
        found.forEach(c -> comparisons.put(c.id(), stored.compare(me, c)));
        model.addAttribute("conflicts", found);
        model.addAttribute("comparisons", comparisons);
        model.addAttribute("resolutions", Resolution.values());
        model.addAttribute("all", all);
        return CONFLICTS;
    }

    @PostMapping("/field/conflicts/{id}/resolve")
    String resolve(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                   @RequestParam(required = false) Resolution resolution, @RequestParam(required = false) String note) {
        conflicts.resolve(me, id, resolution, note);
        return "redirect:/field/conflicts?resolved";
    }

    // ---- what the phone installs: served under /field so that the worker's scope is the field app

    @GetMapping(path = "/field/sw.js", produces = "text/javascript")
    ResponseEntity<byte[]> worker() throws IOException {
        ResponseEntity<byte[]> file = file("static/js/field-sw.js", "text/javascript", CacheControl.noCache());
        // the worker's scope is /field itself, one step wider than the folder of /field/sw.js
        return ResponseEntity.ok().headers(file.getHeaders()).header("Service-Worker-Allowed", "/field").body(file.getBody());
    }

    @GetMapping(path = "/field/manifest.webmanifest", produces = "application/manifest+json")
    ResponseEntity<byte[]> manifest() throws IOException {
        return file("field/manifest.webmanifest", "application/manifest+json", CacheControl.noCache());
    }

    @GetMapping(path = "/field/icon-{name}")
    ResponseEntity<byte[]> icon(@PathVariable String name) throws IOException {
        return switch (name) {
            case "192.png", "512.png" -> file("field/icon-" + name, "image/png", CacheControl.noCache());
            case "any.svg" -> file("field/icon-any.svg", "image/svg+xml", CacheControl.noCache());
            default -> ResponseEntity.notFound().build();
        };
    }

    private static ResponseEntity<byte[]> file(String path, String type, CacheControl cache) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).cacheControl(cache)
                    .body(in.readAllBytes());
        }
    }
}
