package org.reach.clients.web;

import org.reach.clients.ClientMerges;
import org.reach.platform.FormErrors;
import org.reach.platform.NotFound;
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

/** The organisation manager's review of possible duplicates, the merge of a pair, and undo of a merge. */
@Controller
class MergePages {

    private static final String REVIEW = "clients/duplicates";
    private static final String MERGE = "clients/merge";

    private final ClientMerges merges;

    MergePages(ClientMerges merges) {
        this.merges = merges;
    }

    @GetMapping("/clients/duplicates")
    String review(@AuthenticationPrincipal ReachUser me, Model model) {
        return reviewPage(me, model);
    }

    private String reviewPage(ReachUser me, Model model) {
        model.addAttribute("pairs", merges.reviewList(me));
        model.addAttribute("merges", merges.merges(me));
        return REVIEW;
    }

    @GetMapping("/clients/merges/new")
    String mergeForm(@AuthenticationPrincipal ReachUser me, @RequestParam long first, @RequestParam long second,
                     Model model) {
        MergeForm form = new MergeForm();
        form.setFirst(first);
        form.setSecond(second);
        form.setSurvivorId(first);
        model.addAttribute("form", form);
        return mergePage(me, model, form);
    }

    @PostMapping("/clients/merges")
    String merge(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") MergeForm form, BindingResult result,
                 Model model) {
        return FormErrors.submit(result, () -> {
            long id = merges.merge(me, form.getSurvivorId(), form.mergedId(), form.getReason()).id();
            return "redirect:/clients/duplicates?merged=" + id;
        }, () -> mergePage(me, model, form));
    }

    private String mergePage(ReachUser me, Model model, MergeForm form) {
        if (form.getFirst() == null || form.getSecond() == null) {
            throw new NotFound("client", 0);
        }
        model.addAttribute("pair", merges.compare(me, form.getFirst(), form.getSecond()));
        return MERGE;
    }

    @PostMapping("/clients/merges/{id}/undo")
    String undo(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        return FormErrors.submit(model, () -> {
            merges.undo(me, id);
            return "redirect:/clients/duplicates?undone=" + id;
        }, () -> reviewPage(me, model));
    }
}
