package org.reach.outreach.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.reach.clients.PeerEducator;
import org.reach.organisations.Site;
import org.reach.outreach.Microplans;
import org.reach.outreach.PeerCaseloads;
import org.reach.outreach.OutreachSessions;
import org.reach.outreach.PlanForm;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.ReachUser;
import org.reach.rar.Hotspot;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class PlanPages {

    private static final String PAGE = "outreach/plan";

    private final Microplans microplans;
    private final OutreachSessions sessions;

    PlanPages(Microplans microplans, OutreachSessions sessions) {
        this.microplans = microplans;
        this.sessions = sessions;
    }

    /** The plan form: a peer, a hotspot, a day. */
    public static class PlanPageForm {
        private Long siteId;
        private Long peerId;
        private Long hotspotId;
        private java.time.DayOfWeek weekday;

        public Long getSiteId() { return siteId; }
        public void setSiteId(Long siteId) { this.siteId = siteId; }
        public Long getPeerId() { return peerId; }
        public void setPeerId(Long peerId) { this.peerId = peerId; }
        public Long getHotspotId() { return hotspotId; }
        public void setHotspotId(Long hotspotId) { this.hotspotId = hotspotId; }
        public java.time.DayOfWeek getWeekday() { return weekday; }
        public void setWeekday(java.time.DayOfWeek weekday) { this.weekday = weekday; }
    }

    @GetMapping("/outreach/plan")
    String page(@AuthenticationPrincipal ReachUser me, Model model) {
        model.addAttribute("form", new PlanPageForm());
        return render(me, model);
    }

    @PostMapping("/outreach/plan")
    String assign(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") PlanPageForm form, BindingResult result,
                  Model model) {
        requirePlanner(me);
        return FormErrors.submit(result, () -> {
            microplans.assign(me, new PlanForm(form.getSiteId(), form.getPeerId(), form.getHotspotId(), form.getWeekday()));
            return "redirect:/outreach/plan?saved";
        }, () -> render(me, model));
    }

    @PostMapping("/outreach/plan/{id}/remove")
    String remove(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        requirePlanner(me);
        microplans.remove(me, id);
        return "redirect:/outreach/plan?saved";
    }

    private String render(ReachUser me, Model model) {
        if (!microplans.mayRead(me)) {
            throw new Forbidden("read outreach plan");
        }
        model.addAttribute("entries", microplans.plan(me));
        model.addAttribute("needs", microplans.needs(me));
        model.addAttribute("week", Microplans.week());
        model.addAttribute("mayPlan", microplans.mayPlan(me));
        model.addAttribute("sites", sessions.sites(me));
        model.addAttribute("siteNames", sessions.sites(me).stream().collect(Collectors.toMap(Site::id, Site::name)));
        Map<Long, String> peers = microplans.peers(me).stream()
                .collect(Collectors.toMap(PeerEducator::id, PeerEducator::name, (a, b) -> a));
        model.addAttribute("peers", peers);
        model.addAttribute("caseloads", microplans.caseloads(me));
        model.addAttribute("normLow", PeerCaseloads.NORM_LOW);
        model.addAttribute("normHigh", PeerCaseloads.NORM_HIGH);
        model.addAttribute("hotspots", sessions.hotspots(me));
        model.addAttribute("hotspotNames", sessions.hotspots(me).stream()
                .collect(Collectors.toMap(Hotspot::id, Hotspot::name, (a, b) -> a)));
        model.addAttribute("targets", microplans.targets());
        return PAGE;
    }

    private void requirePlanner(ReachUser me) {
        if (!microplans.mayPlan(me)) {
            throw new Forbidden("plan outreach");
        }
    }
}
