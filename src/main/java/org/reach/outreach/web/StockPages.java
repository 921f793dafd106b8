package org.reach.outreach.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.reach.clients.PeerEducator;
import org.reach.organisations.Site;
import org.reach.outreach.MovementKind;
import org.reach.outreach.Stock;
import org.reach.outreach.StockItem;
import org.reach.outreach.StockMovementForm;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.ReachUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class StockPages {

    private static final String PAGE = "outreach/stock";

    private final Stock stock;
    private final Clock clock;

    StockPages(Stock stock, Clock clock) {
        this.stock = stock;
        this.clock = clock;
    }

    @GetMapping("/outreach/stock")
    String page(@AuthenticationPrincipal ReachUser me, Model model) {
        if (!stock.mayRead(me)) {
            throw new Forbidden("read stock");
        }
        StockPageForm form = new StockPageForm();
        form.setDate(LocalDate.now(clock));
        model.addAttribute("form", form);
        return render(me, model);
    }

    @PostMapping("/outreach/stock")
    String move(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") StockPageForm form, BindingResult result,
                Model model) {
        if (!stock.mayKeep(me)) {
            throw new Forbidden("record stock");
        }
        return FormErrors.submit(result, () -> {
            stock.record(me, new StockMovementForm(form.getSiteId(), form.getItem(), form.getKind(), form.getQuantity(),
                    form.getPeerId(), form.getDate(), form.getNote()));
            return "redirect:/outreach/stock?saved";
        }, () -> render(me, model));
    }

    private String render(ReachUser me, Model model) {
        model.addAttribute("levels", stock.levels(me));
        model.addAttribute("movements", stock.latestMovements(me, 50));
        model.addAttribute("mayKeep", stock.mayKeep(me));
        model.addAttribute("sites", stock.sites(me));
        model.addAttribute("siteNames", stock.sites(me).stream().collect(Collectors.toMap(Site::id, Site::name)));
        Map<Long, String> peers = stock.peers(me).stream()
                .collect(Collectors.toMap(PeerEducator::id, PeerEducator::name, (a, b) -> a));
        model.addAttribute("peers", peers);
        model.addAttribute("items", StockItem.values());
        model.addAttribute("kinds", MovementKind.values());
        model.addAttribute("reorderDays", stock.reorderDays());
        model.addAttribute("today", LocalDate.now(clock));
        return PAGE;
    }
}
