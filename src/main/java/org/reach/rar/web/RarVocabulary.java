package org.reach.rar.web;

import java.util.List;

import org.reach.rar.FindingCode;
import org.reach.rar.GatheringReason;
import org.reach.rar.NoteKind;
import org.reach.rar.Priority;
import org.reach.rar.RecommendationStatus;
import org.reach.rar.SafetyRisk;
import org.reach.rar.TimeOfDay;
import org.reach.rar.Typology;
import org.reach.rar.UseType;
import org.springframework.ui.Model;

/** The lists an assessment's forms offer, the same on every page that shows one. */
final class RarVocabulary {

    private RarVocabulary() {
    }

    static void addTo(Model model, List<String> drugs) {
        model.addAttribute("typologies", Typology.values());
        model.addAttribute("useTypes", UseType.values());
        model.addAttribute("reasons", GatheringReason.values());
        model.addAttribute("times", TimeOfDay.values());
        model.addAttribute("risks", SafetyRisk.values());
        model.addAttribute("drugs", drugs);
        model.addAttribute("codes", FindingCode.values());
        model.addAttribute("kinds", NoteKind.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("recommendationStatuses", RecommendationStatus.values());
    }
}
