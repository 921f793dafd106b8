package org.reach.organisations.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.organisations.Programme;
import org.reach.organisations.Site;
import org.reach.platform.Forbidden;
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
class OrganisationPages {

    private static final String LIST = "organisations/organisations";
    private static final String DETAIL = "organisations/organisation";
    private static final String FORM = "organisations/organisation-form";

    private final OrganisationDirectory directory;

    OrganisationPages(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/organisations")
    String list(@AuthenticationPrincipal ReachUser me, Model model) {
        model.addAttribute("organisations", directory.organisations(me));
        model.addAttribute("programmeNames", programmeNames(me));
        return LIST;
    }

    @GetMapping("/organisations/{id}")
    String detail(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Organisation organisation = directory.organisation(me, id);
        model.addAttribute("organisation", organisation);
        List<Site> sites = directory.sites(me, id);
        model.addAttribute("sites", sites);
        model.addAttribute("editableSites", SitePages.editable(directory, me, sites));
        model.addAttribute("programmeNames", programmeNames(me));
        model.addAttribute("mayEdit", directory.mayEdit(me, organisation));
        model.addAttribute("mayAddSite", directory.mayCreateSite(me, id));
        return DETAIL;
    }

    @GetMapping("/organisations/new")
    String newForm(@AuthenticationPrincipal ReachUser me, Model model) {
        if (!me.isAdmin()) {
            throw new Forbidden("create organisation");
        }
        model.addAttribute("form", OrganisationForm.empty());
        return form(me, model);
    }

    @PostMapping("/organisations/new")
    String create(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") OrganisationForm form,
                  BindingResult result, Model model) {
        return FormErrors.submit(result, () -> {
            Organisation created = directory.createOrganisation(me, form);
            return "redirect:/organisations/" + created.id() + "?saved";
        }, () -> form(me, model));
    }

    @GetMapping("/organisations/{id}/edit")
    String editForm(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Organisation organisation = directory.organisation(me, id);
        if (!directory.mayEdit(me, organisation)) {
            throw new Forbidden("update organisation");
        }
        model.addAttribute("organisation", organisation);
        model.addAttribute("form", OrganisationForm.of(organisation));
        return form(me, model);
    }

    @PostMapping("/organisations/{id}/edit")
    String update(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                  @ModelAttribute("form") OrganisationForm form, BindingResult result, Model model) {
        model.addAttribute("organisation", directory.organisation(me, id));
        return FormErrors.submit(result, () -> {
            directory.updateOrganisation(me, id, form);
            return "redirect:/organisations/" + id + "?saved";
        }, () -> form(me, model));
    }

    @PostMapping("/organisations/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        directory.setOrganisationActive(me, id, false);
        return "redirect:/organisations/" + id + "?saved";
    }

    @PostMapping("/organisations/{id}/activate")
    String activate(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        directory.setOrganisationActive(me, id, true);
        return "redirect:/organisations/" + id + "?saved";
    }

    private String form(ReachUser me, Model model) {
        model.addAttribute("programmes", directory.programmes(me));
        return FORM;
    }

    private Map<Long, String> programmeNames(ReachUser me) {
        return directory.programmes(me).stream().collect(Collectors.toMap(Programme::id, Programme::name, (a, b) -> a));
    }
}
