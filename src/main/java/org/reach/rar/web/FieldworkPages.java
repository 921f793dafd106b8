package org.reach.rar.web;

import java.util.EnumMap;
import java.util.Map;

import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.rar.CaptureForm;
import org.reach.rar.KeyInformantForm;
import org.reach.rar.MultiplierForm;
import org.reach.rar.PopulationSizes;
import org.reach.rar.Subgroup;
import org.reach.rar.VisitForm;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the field team enters at a hotspot for the size estimates: visits, key informants, captures, multipliers, reach. */
@Controller
class FieldworkPages {

    private final PopulationSizes sizes;

    FieldworkPages(PopulationSizes sizes) {
        this.sizes = sizes;
    }

    @PostMapping("/rar/hotspots/{id}/visits")
    String addVisit(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @ModelAttribute VisitForm form,
                    RedirectAttributes redirect) {
        return fieldwork(id, redirect, () -> sizes.addVisit(me, id, form));
    }

    @PostMapping("/rar/hotspots/{id}/key-informants")
    String addKeyInformant(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                           @ModelAttribute KeyInformantForm form, RedirectAttributes redirect) {
        return fieldwork(id, redirect, () -> sizes.addKeyInformant(me, id, form));
    }

    @PostMapping("/rar/hotspots/{id}/captures")
    String addCapture(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @ModelAttribute CaptureForm form,
                      RedirectAttributes redirect) {
        return fieldwork(id, redirect, () -> sizes.addCapture(me, id, form));
    }

    @PostMapping("/rar/hotspots/{id}/multipliers")
    String addMultiplier(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                         @ModelAttribute MultiplierForm form, RedirectAttributes redirect) {
        return fieldwork(id, redirect, () -> sizes.addMultiplier(me, id, form));
    }

    @PostMapping("/rar/hotspots/{id}/reached")
    String setReached(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                      @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Map<Subgroup, Integer> reached = new EnumMap<>(Subgroup.class);
        for (Subgroup subgroup : Subgroup.values()) {
            String value = params.get("reached_" + subgroup.name());
            if (value != null && !value.isBlank()) {
                try {
                    reached.put(subgroup, Integer.parseInt(value.strip()));
                } catch (NumberFormatException notANumber) {
                    reached.put(subgroup, -1);
                }
            }
        }
        return fieldwork(id, redirect, () -> sizes.setReached(me, id, reached));
    }

    /** Runs one fieldwork write and comes back to the hotspot with either "saved" or the problems. */
    private String fieldwork(long hotspotId, RedirectAttributes redirect, Runnable write) {
        try {
            write.run();
            return "redirect:/rar/hotspots/" + hotspotId + "?saved";
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("problems", invalid.problems());
            return "redirect:/rar/hotspots/" + hotspotId;
        }
    }
}
