package org.reach.rar.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.platform.ReachUser;
import org.reach.rar.Assessment;
import org.reach.rar.AssessmentForm;
import org.reach.rar.CaptureForm;
import org.reach.rar.CaptureRecapture;
import org.reach.rar.CoverageGap;
import org.reach.rar.Hotspot;
import org.reach.rar.HotspotDetail;
import org.reach.rar.HotspotForm;
import org.reach.rar.KeyInformantEstimate;
import org.reach.rar.KeyInformantForm;
import org.reach.rar.Multiplier;
import org.reach.rar.MultiplierForm;
import org.reach.rar.PopulationSizes;
import org.reach.rar.RapidAssessments;
import org.reach.rar.SizeEstimates;
import org.reach.rar.Subgroup;
import org.reach.rar.Visit;
import org.reach.rar.VisitForm;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/rar")
@Tag(name = "Rapid assessment", description = "Assessments, hotspots, size estimates and coverage gaps. Staff of the "
        + "owning organisation read; the field team records hotspots and visits; organisation managers and M&E officers "
        + "manage assessments and estimation inputs; programme coordinators read aggregates.")
@SecurityRequirement(name = "token")
class RarApi {

    private final RapidAssessments rar;
    private final PopulationSizes sizes;

    RarApi(RapidAssessments rar, PopulationSizes sizes) {
        this.rar = rar;
        this.sizes = sizes;
    }

    @GetMapping("/assessments")
    @Operation(summary = "Assessments the caller may see")
    List<Assessment> assessments(@AuthenticationPrincipal ReachUser me) {
        return rar.assessments(me);
    }

    @GetMapping("/assessments/{id}")
    Assessment assessment(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return rar.assessment(me, id);
    }

    @PostMapping("/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start an assessment (administrators, organisation managers, M&E officers)")
    Assessment create(@AuthenticationPrincipal ReachUser me, @RequestBody AssessmentForm form) {
        return rar.createAssessment(me, form);
    }

    @PutMapping("/assessments/{id}")
    @Operation(summary = "Update an assessment, including its status")
    Assessment update(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody AssessmentForm form) {
        return rar.updateAssessment(me, id, form);
    }

    @GetMapping("/assessments/{id}/hotspots")
    @Operation(summary = "The hotspots of an assessment")
    List<Hotspot> hotspots(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return rar.hotspots(me, id);
    }

    @PostMapping("/assessments/{id}/hotspots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a hotspot (the field team)")
    Hotspot createHotspot(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody HotspotForm form) {
        return rar.createHotspot(me, id, form);
    }

    @GetMapping("/hotspots/{id}")
    @Operation(summary = "A hotspot with its visits, estimation inputs, clients reached and estimates")
    HotspotDetail hotspot(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return sizes.detail(me, id);
    }

    @PutMapping("/hotspots/{id}")
    Hotspot updateHotspot(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody HotspotForm form) {
        return rar.updateHotspot(me, id, form);
    }

    @PostMapping("/hotspots/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a visit with counts by subgroup (the field team)")
    Visit addVisit(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody VisitForm form) {
        return sizes.addVisit(me, id, form);
    }

    @PostMapping("/hotspots/{id}/key-informants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a key informant's minimum and maximum")
    KeyInformantEstimate addKeyInformant(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                                         @RequestBody KeyInformantForm form) {
        return sizes.addKeyInformant(me, id, form);
    }

    @PostMapping("/hotspots/{id}/captures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add two capture-recapture rounds (n1 marked, n2 second sample, m recaptured)")
    CaptureRecapture addCapture(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody CaptureForm form) {
        return sizes.addCapture(me, id, form);
    }

    @PostMapping("/hotspots/{id}/multipliers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a multiplier benchmark (service count, respondents, users of the service)")
    Multiplier addMultiplier(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody MultiplierForm form) {
        return sizes.addMultiplier(me, id, form);
    }

    @PutMapping("/hotspots/{id}/reached")
    @Operation(summary = "Set the clients reached per subgroup at a hotspot")
    Map<Subgroup, Integer> setReached(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                                      @RequestBody Map<Subgroup, Integer> reached) {
        return sizes.setReached(me, id, reached);
    }

    @GetMapping("/assessments/{id}/estimates")
    @Operation(summary = "Size estimates per hotspot (every method with inputs and formula) and rolled up per district")
    SizeEstimates estimates(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return sizes.estimates(me, id);
    }

    @GetMapping("/assessments/{id}/gaps")
    @Operation(summary = "Coverage gaps per hotspot and subgroup, least served first")
    List<CoverageGap> gaps(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return sizes.gaps(me, id);
    }
}
