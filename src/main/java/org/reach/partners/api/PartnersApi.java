package org.reach.partners.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.partners.ActionForm;
import org.reach.partners.ActionPlans;
import org.reach.partners.Assessment;
import org.reach.partners.AssessmentForm;
import org.reach.partners.AssessmentFramework;
import org.reach.partners.AssessmentResult;
import org.reach.partners.CapacityBuilding;
import org.reach.partners.ExchangeVisit;
import org.reach.partners.ExchangeVisitForm;
import org.reach.partners.Framework;
import org.reach.partners.PartnerAction;
import org.reach.partners.PartnerAssessments;
import org.reach.partners.ProgressForm;
import org.reach.partners.QuestionForm;
import org.reach.partners.ScoresForm;
import org.reach.partners.Training;
import org.reach.partners.TrainingForm;
import org.reach.partners.Twinning;
import org.reach.partners.TwinningForm;
import org.reach.partners.TwinningSuggestion;
import org.reach.partners.Twinnings;
import org.reach.platform.ReachUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/partners")
@Tag(name = "Partners", description = "Organisational assessment, twinning, action plans and capacity building")
@SecurityRequirement(name = "token")
class PartnersApi {

    private final AssessmentFramework framework;
    private final PartnerAssessments assessments;
    private final Twinnings twinnings;
    private final ActionPlans actions;
    private final CapacityBuilding capacity;

    PartnersApi(AssessmentFramework framework, PartnerAssessments assessments, Twinnings twinnings, ActionPlans actions,
                CapacityBuilding capacity) {
        this.framework = framework;
        this.assessments = assessments;
        this.twinnings = twinnings;
        this.actions = actions;
        this.capacity = capacity;
    }

    // ---- framework

    @GetMapping("/frameworks")
    @Operation(summary = "Every version of the assessment framework, newest first")
    List<Framework> frameworks() {
        return framework.versions();
    }

    @GetMapping("/frameworks/current")
    @Operation(summary = "The published framework new assessments use")
    Framework currentFramework() {
        return framework.current();
    }

    @PostMapping("/frameworks/draft")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Copy the current version to a draft, or return the open draft (coordinators, administrators)")
    Framework draft(@AuthenticationPrincipal ReachUser me) {
        return framework.draft(me);
    }

    @PutMapping("/frameworks/questions/{id}")
    @Operation(summary = "Change a question of a draft version")
    Framework updateQuestion(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody QuestionForm form) {
        return framework.updateQuestion(me, id, form);
    }

    @PostMapping("/frameworks/{id}/publish")
    @Operation(summary = "Publish a draft; the previous version is retired and old assessments keep theirs")
    Framework publish(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return framework.publish(me, id);
    }

    // ---- assessments

    @GetMapping("/assessments")
    @Operation(summary = "Assessments the caller may see")
    List<Assessment> assessments(@AuthenticationPrincipal ReachUser me) {
        return assessments.assessments(me);
    }

    @PostMapping("/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start an assessment visit (coordinators of the partner's programme)")
    Assessment create(@AuthenticationPrincipal ReachUser me, @RequestBody AssessmentForm form) {
        return assessments.create(me, form);
    }

    @GetMapping("/assessments/{id}")
    @Operation(summary = "An assessment with every assessor's scores, the consensus and domain scores")
    AssessmentResult assessment(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return assessments.result(me, id);
    }

    @GetMapping("/organisations/{id}/assessments")
    @Operation(summary = "A partner's assessments over time (baseline and follow-ups), for radar charts")
    List<AssessmentResult> history(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return assessments.history(me, id);
    }

    @PutMapping("/assessments/{id}/scores")
    @Operation(summary = "Enter the caller's own scores (1–4) and evidence")
    AssessmentResult scores(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody ScoresForm form) {
        return assessments.saveMyScores(me, id, form);
    }

    @PutMapping("/assessments/{id}/consensus")
    @Operation(summary = "Settle consensus scores (coordinators)")
    AssessmentResult consensus(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody ScoresForm form) {
        return assessments.settleConsensus(me, id, form);
    }

    @PostMapping("/assessments/{id}/finalise")
    @Operation(summary = "Finalise an assessment; every question needs a consensus score")
    AssessmentResult finalise(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return assessments.finalise(me, id);
    }

    @GetMapping("/assessments/{id}/twinning-suggestions")
    @Operation(summary = "Partners strong where this partner is weak, ranked, with reasons")
    List<TwinningSuggestion> suggestions(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return twinnings.suggestionsFor(me, id);
    }

    // ---- twinning

    @GetMapping("/twinnings")
    @Operation(summary = "Recorded twinning pairs the caller may see")
    List<Twinning> twinnings(@AuthenticationPrincipal ReachUser me) {
        return twinnings.twinnings(me);
    }

    @PostMapping("/twinnings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a twinning pair (coordinators)")
    Twinning twin(@AuthenticationPrincipal ReachUser me, @RequestBody TwinningForm form) {
        return twinnings.record(me, form);
    }

    // ---- action plans

    @GetMapping("/actions")
    @Operation(summary = "Actions the caller may see, optionally of one organisation")
    List<PartnerAction> actions(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long organisationId) {
        return actions.actions(me, organisationId);
    }

    @PostMapping("/actions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an action from an assessment, a twinning or a RAR recommendation (coordinators)")
    PartnerAction createAction(@AuthenticationPrincipal ReachUser me, @RequestBody ActionForm form) {
        return actions.create(me, form);
    }

    @PostMapping("/actions/{id}/progress")
    @Operation(summary = "Record progress and status (coordinators, the organisation's managers)")
    PartnerAction progress(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody ProgressForm form) {
        return actions.recordProgress(me, id, form);
    }

    // ---- capacity building

    @GetMapping("/trainings")
    List<Training> trainings(@AuthenticationPrincipal ReachUser me) {
        return capacity.trainings(me);
    }

    @PostMapping("/trainings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a training with participants by organisation and role and pre/post test scores")
    Training training(@AuthenticationPrincipal ReachUser me, @RequestBody TrainingForm form) {
        return capacity.recordTraining(me, form);
    }

    @GetMapping("/exchange-visits")
    List<ExchangeVisit> visits(@AuthenticationPrincipal ReachUser me) {
        return capacity.exchangeVisits(me);
    }

    @PostMapping("/exchange-visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an exchange visit with host, visitors, purpose and learning notes")
    ExchangeVisit visit(@AuthenticationPrincipal ReachUser me, @RequestBody ExchangeVisitForm form) {
        return capacity.recordExchangeVisit(me, form);
    }
}
