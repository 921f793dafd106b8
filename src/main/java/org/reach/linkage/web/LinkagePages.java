package org.reach.linkage.web;

import org.reach.clients.ClientMerges;
import org.reach.linkage.RecordLinkage;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.Forbidden;
import org.reach.platform.ReachUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The linkage page: hints for an organisation's staff, runs for a programme's coordinator. */
@Controller
class LinkagePages {

    private static final String VIEW = "linkage/linkage";

    private final RecordLinkage linkage;
    private final ClientMerges merges;
    private final BackgroundJobs jobs;

    LinkagePages(RecordLinkage linkage, ClientMerges merges, BackgroundJobs jobs) {
        this.linkage = linkage;
        this.merges = merges;
        this.jobs = jobs;
    }

    @GetMapping("/linkage")
    String page(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String job, Model model) {
        boolean staff = linkage.mayReadHints(me);
        boolean coordinator = linkage.mayRun(me);
        if (!staff && !coordinator) {
            throw new Forbidden("open record linkage");
        }
        model.addAttribute("staff", staff);
        model.addAttribute("coordinator", coordinator);
        if (staff) {
            model.addAttribute("hints", linkage.hints(me));
            model.addAttribute("mayMerge", merges.mayMerge(me));
        }
        if (coordinator) {
            model.addAttribute("runs", linkage.runs(me));
            if (job != null && job.matches("[0-9a-f-]{36}")) {
                model.addAttribute("job", jobs.status(me, job));
            }
        }
        return VIEW;
    }

    @PostMapping("/linkage/runs")
    String start(@AuthenticationPrincipal ReachUser me) {
        return "redirect:/linkage?job=" + linkage.startRun(me);
    }
}
