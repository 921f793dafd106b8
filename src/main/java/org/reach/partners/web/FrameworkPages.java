package org.reach.partners.web;

import org.reach.partners.AssessmentFramework;
import org.reach.partners.Framework;
import org.reach.partners.QuestionForm;
import org.reach.platform.FormErrors;
import org.reach.platform.ReachUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The assessment framework: every version, and editing a draft. */
@Controller
class FrameworkPages {

    private final AssessmentFramework framework;

    FrameworkPages(AssessmentFramework framework) {
        this.framework = framework;
    }

    @GetMapping("/partners/framework")
    String current(@AuthenticationPrincipal ReachUser me, Model model) {
        return show(me, framework.current(), model);
    }

    @GetMapping("/partners/framework/{id}")
    String version(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        return show(me, framework.version(id), model);
    }

    @PostMapping("/partners/framework/draft")
    String draft(@AuthenticationPrincipal ReachUser me) {
        return "redirect:/partners/framework/" + framework.draft(me).id();
    }

    @PostMapping("/partners/framework/questions/{id}")
    String updateQuestion(@AuthenticationPrincipal ReachUser me, @PathVariable long id, QuestionForm form, Model model) {
        return FormErrors.submit(model, () -> {
            Framework updated = framework.updateQuestion(me, id, form);
            return "redirect:/partners/framework/" + updated.id() + "?saved";
        }, () -> show(me, framework.current(), model));
    }

    @PostMapping("/partners/framework/{id}/publish")
    String publish(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        return FormErrors.submit(model, () -> {
            framework.publish(me, id);
            return "redirect:/partners/framework?published";
        }, () -> show(me, framework.version(id), model));
    }

    private String show(ReachUser me, Framework shown, Model model) {
        model.addAttribute("framework", shown);
        model.addAttribute("versions", framework.versions());
        model.addAttribute("mayManage", framework.mayManage(me));
        return "partners/framework";
    }
}
