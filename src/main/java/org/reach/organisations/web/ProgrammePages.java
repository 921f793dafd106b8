package org.reach.organisations.web;

import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Programme;
import org.reach.organisations.ProgrammeForm;
import org.reach.platform.FormErrors;
import org.reach.platform.ReachUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class ProgrammePages {

    private static final String LIST = "organisations/programmes";
    private static final String FORM = "organisations/programme-form";

    private final OrganisationDirectory directory;

    ProgrammePages(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/programmes")
    String list(@AuthenticationPrincipal ReachUser me, Model model) {
        model.addAttribute("programmes", directory.programmes(me));
        return LIST;
    }

    @GetMapping("/programmes/new")
    String newForm(@AuthenticationPrincipal ReachUser me, Model model) {
        if (!me.isAdmin()) {
            throw new org.reach.platform.Forbidden("create programme");
        }
        model.addAttribute("form", ProgrammeForm.empty());
        return FORM;
    }

    @PostMapping("/programmes/new")
    String create(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") ProgrammeForm form, BindingResult result) {
        return FormErrors.submit(result, () -> {
            directory.createProgramme(me, form);
            return "redirect:/programmes?saved";
        }, () -> FORM);
    }

    @GetMapping("/programmes/{id}/edit")
    String editForm(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Programme programme = directory.programme(me, id);
        if (!me.isAdmin()) {
            throw new org.reach.platform.Forbidden("update programme");
        }
        model.addAttribute("programme", programme);
        model.addAttribute("form", ProgrammeForm.of(programme));
        return FORM;
    }

    @PostMapping("/programmes/{id}/edit")
    String update(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @ModelAttribute("form") ProgrammeForm form,
                  BindingResult result, Model model) {
        model.addAttribute("programme", directory.programme(me, id));
        return FormErrors.submit(result, () -> {
            directory.updateProgramme(me, id, form);
            return "redirect:/programmes?saved";
        }, () -> FORM);
    }

    @PostMapping("/programmes/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        directory.setProgrammeActive(me, id, false);
        return "redirect:/programmes?saved";
    }

    @PostMapping("/programmes/{id}/activate")
    String activate(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        directory.setProgrammeActive(me, id, true);
        return "redirect:/programmes?saved";
    }
}
