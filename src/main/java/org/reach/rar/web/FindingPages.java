package org.reach.rar.web;

import java.util.List;

import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.rar.Assessment;
import org.reach.rar.AssessmentFindings;
import org.reach.rar.NoteForm;
import org.reach.rar.NoteKind;
import org.reach.rar.RapidAssessments;
import org.reach.rar.RecommendationForm;
import org.reach.rar.Subgroup;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An assessment's findings page: code counts for every reader, notes for its own staff, and recommendations. */
@Controller
class FindingPages {

    private final RapidAssessments rar;
    private final AssessmentFindings findings;

    FindingPages(RapidAssessments rar, AssessmentFindings findings) {
        this.rar = rar;
        this.findings = findings;
    }

    @GetMapping("/rar/{id}/findings")
    String findings(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Assessment assessment = rar.assessment(me, id);
        model.addAttribute("assessment", assessment);
        model.addAttribute("counts", findings.codeCounts(me, id));
        boolean mayReadNotes = rar.mayReadNotes(me, assessment);
        model.addAttribute("mayReadNotes", mayReadNotes);
        model.addAttribute("notes", mayReadNotes ? findings.notes(me, id) : List.of());
        model.addAttribute("hotspots", rar.hotspots(me, id));
        if (!model.containsAttribute("noteForm")) {
            model.addAttribute("noteForm", new NoteForm(null, NoteKind.INTERVIEW, null, List.of(), "", "", false));
        }
        model.addAttribute("subgroups", Subgroup.values());
        RarVocabulary.addTo(model, rar.drugs());
        return "rar/findings";
    }

    @PostMapping("/rar/{id}/notes")
    String addNote(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @ModelAttribute NoteForm form,
                   RedirectAttributes redirect) {
        try {
            findings.addNote(me, id, form);
            return "redirect:/rar/" + id + "/findings?saved";
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("problems", invalid.problems());
            redirect.addFlashAttribute("noteForm", form);
            return "redirect:/rar/" + id + "/findings";
        }
    }

    @PostMapping("/rar/{id}/recommendations")
    String addRecommendation(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                             @ModelAttribute RecommendationForm form, RedirectAttributes redirect) {
        try {
            findings.addRecommendation(me, id, form);
            return "redirect:/rar/" + id + "?saved#recommendations";
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("problems", invalid.problems());
            return "redirect:/rar/" + id + "#recommendations";
        }
    }

    @PostMapping("/rar/recommendations/{id}")
    String updateRecommendation(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                                @ModelAttribute RecommendationForm form, RedirectAttributes redirect) {
        try {
            var saved = findings.updateRecommendation(me, id, form);
            return "redirect:/rar/" + saved.assessmentId() + "?saved#recommendations";
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("problems", invalid.problems());
            return "redirect:/rar";
        }
    }
}
