package org.reach.organisations.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.reach.organisations.OpeningStatus;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.organisations.SiteType;
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
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SitePages {

    private static final String LIST = "organisations/sites";
    private static final String FORM = "organisations/site-form";

    private final OrganisationDirectory directory;

    SitePages(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/sites")
    String list(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long organisation, Model model) {
        List<Site> sites = directory.sites(me, organisation);
        model.addAttribute("sites", sites);
        model.addAttribute("editableSites", editable(me, sites));
        model.addAttribute("siteOwners", directory.organisations(me).stream()
                .filter(o -> (organisation == null || o.id() == organisation) && directory.mayCreateSite(me, o.id()))
                .toList());
        model.addAttribute("organisationNames", organisationNames(me));
        model.addAttribute("selectedOrganisation", organisation);
        return LIST;
    }

    @GetMapping("/sites/new")
    String newForm(@AuthenticationPrincipal ReachUser me, @RequestParam long organisation, Model model) {
        Organisation owner = directory.organisation(me, organisation);
        if (!directory.mayCreateSite(me, owner.id())) {
            throw new Forbidden("create site");
        }
        model.addAttribute("form", SiteForm.forOrganisation(owner.id()));
        return form(me, model, owner);
    }

    @PostMapping("/sites/new")
    String create(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") SiteForm form, BindingResult result,
                  Model model) {
        Organisation owner = form.organisationId() == null ? null : directory.organisation(me, form.organisationId());
        return FormErrors.submit(result, () -> {
            Site created = directory.createSite(me, form);
            return "redirect:/organisations/" + created.organisationId() + "?saved";
        }, () -> form(me, model, owner));
    }

    @GetMapping("/sites/{id}/edit")
    String editForm(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Site site = directory.site(me, id);
        if (!directory.mayEdit(me, site)) {
            throw new Forbidden("update site");
        }
        model.addAttribute("site", site);
        model.addAttribute("form", SiteForm.of(site));
        model.addAttribute("mayChangeStatus", directory.mayChangeStatus(me, site));
        return form(me, model, directory.organisation(me, site.organisationId()));
    }

    @PostMapping("/sites/{id}/edit")
    String update(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @ModelAttribute("form") SiteForm form,
                  BindingResult result, Model model) {
        Site site = directory.site(me, id);
        model.addAttribute("site", site);
        model.addAttribute("mayChangeStatus", directory.mayChangeStatus(me, site));
        Organisation owner = directory.organisation(me, site.organisationId());
        return FormErrors.submit(result, () -> {
            directory.updateSite(me, id, form);
            return "redirect:/organisations/" + site.organisationId() + "?saved";
        }, () -> form(me, model, owner));
    }

    @PostMapping("/sites/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        Site site = directory.setSiteActive(me, id, false);
        return "redirect:/organisations/" + site.organisationId() + "?saved";
    }

    @PostMapping("/sites/{id}/activate")
    String activate(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        Site site = directory.setSiteActive(me, id, true);
        return "redirect:/organisations/" + site.organisationId() + "?saved";
    }

    private String form(ReachUser me, Model model, Organisation owner) {
        model.addAttribute("owner", owner);
        model.addAttribute("siteTypes", SiteType.values());
        model.addAttribute("openingStatuses", OpeningStatus.values());
        model.addAttribute("knownCities", knownCities(me));
        return FORM;
    }

    /** Cities already written on sites the person sees, offered so one city is spelled one way. */
    private List<String> knownCities(ReachUser me) {
        return directory.sites(me, null).stream().map(Site::city).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** The sites this person may edit: the page offers "Edit" only there, by the rule the service applies. */
    static Set<Long> editable(OrganisationDirectory directory, ReachUser me, List<Site> sites) {
        return sites.stream().filter(site -> directory.mayEdit(me, site)).map(Site::id).collect(Collectors.toSet());
    }

    private Set<Long> editable(ReachUser me, List<Site> sites) {
        return editable(directory, me, sites);
    }

    private Map<Long, String> organisationNames(ReachUser me) {
        return directory.organisations(me).stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
    }
}
