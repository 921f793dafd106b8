package org.reach.infections.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.reach.infections.InfectionConflict;
import org.reach.infections.InfectionKind;
import org.reach.infections.Infections;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A client's infections panel: their wound, hepatitis and TB records, and the form to record one more. */
@Controller
class InfectionPages {

    private static final String PANEL = "infections/client";

    private final Infections infections;

    InfectionPages(Infections infections) {
        this.infections = infections;
    }

    @GetMapping("/infections/clients/{clientId}")
    String panel(@AuthenticationPrincipal ReachUser me, @PathVariable long clientId, Model model) {
        InfectionPageForm form = new InfectionPageForm();
        form.setUuid(UUID.randomUUID().toString());
        form.setDate(infections.today());
        form.setKind(InfectionKind.HCV_ANTIBODY_TEST);
        model.addAttribute("form", form);
        return show(me, clientId, model);
    }

    @PostMapping("/infections/clients/{clientId}")
    String record(@AuthenticationPrincipal ReachUser me, @PathVariable long clientId,
                  @ModelAttribute("form") InfectionPageForm form, BindingResult result, Model model) {
        if (!infections.mayRecord(me)) {
            throw new Forbidden("record infection");
        }
        if (result.hasErrors()) {
            return show(me, clientId, model);
        }
        try {
            infections.record(me, form.toForm(clientId));
            return "redirect:/infections/clients/" + clientId + "?saved";
        } catch (InvalidInput invalid) {
            FormErrors.bind(invalid, result);
            return show(me, clientId, model);
        } catch (InfectionConflict conflict) {
            result.reject("infection.error.uuidConflict");
            form.setUuid(UUID.randomUUID().toString());
            return show(me, clientId, model);
        }
    }

    private String show(ReachUser me, long clientId, Model model) {
        Infections.ClientInfections found = infections.ofClient(me, clientId);
        model.addAttribute("client", found.client());
        model.addAttribute("records", found.records());
        model.addAttribute("mayRecord", infections.mayRecord(me) && !found.client().isDeceased());
        model.addAttribute("kinds", InfectionKind.values());
        model.addAttribute("results", codes(true));
        model.addAttribute("details", codes(false));
        model.addAttribute("treatments", InfectionKind.WOUND_TREATMENTS);
        model.addAttribute("antibiotics", InfectionKind.ANTIBIOTICS);
        return PANEL;
    }

    /** Every result (or detail) code any kind takes, once each, in the order of the kinds. */
    private static List<String> codes(boolean results) {
        Set<String> all = new LinkedHashSet<>();
        for (InfectionKind kind : InfectionKind.values()) {
            all.addAll(results ? kind.results() : kind.details());
        }
        return new ArrayList<>(all);
    }
}
