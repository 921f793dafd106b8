package org.reach.services.web;

import org.reach.platform.FormErrors;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.services.ServiceCatalogue;
import org.reach.services.ServiceCategory;
import org.reach.services.ServiceForm;
import org.reach.services.ServiceUnit;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ServicePages {

    private final ServiceCatalogue catalogue;

    ServicePages(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/services")
    String list(@AuthenticationPrincipal ReachUser me, Model model) {
        model.addAttribute("form", ServiceForm.blank());
        return page(me, model);
    }

    @PostMapping("/services/new")
    String create(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") ServiceForm form, BindingResult result,
                  Model model) {
        return FormErrors.submit(result, () -> {
            catalogue.create(me, form);
            return "redirect:/services?saved";
        }, () -> page(me, model));
    }

    @PostMapping("/services/{id}/retire")
    String retire(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        catalogue.setActive(me, id, false);
        return "redirect:/services?saved";
    }

    @PostMapping("/services/{id}/reinstate")
    String reinstate(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        catalogue.setActive(me, id, true);
        return "redirect:/services?saved";
    }

    @PostMapping("/services/{id}/delete")
    String delete(@AuthenticationPrincipal ReachUser me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            catalogue.delete(me, id);
            return "redirect:/services?saved";
        } catch (InvalidInput inUse) {
            redirect.addAttribute("inUse", id);
            return "redirect:/services";
        }
    }

    @PostMapping("/services/settings")
    String settings(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Double syringesPerKg,
                    RedirectAttributes redirect) {
        try {
            catalogue.saveSettings(me, syringesPerKg);
            return "redirect:/services?saved";
        } catch (InvalidInput invalid) {
            redirect.addAttribute("badFactor", true);
            return "redirect:/services";
        }
    }

    private String page(ReachUser me, Model model) {
        model.addAttribute("services", catalogue.services(me));
        model.addAttribute("mayManage", catalogue.mayManage(me));
        model.addAttribute("settings", me.organisationId() == null ? null : catalogue.settings(me));
        model.addAttribute("categories", ServiceCategory.values());
        model.addAttribute("units", ServiceUnit.values());
        return "services/services";
    }
}
