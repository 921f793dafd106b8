package org.reach.platform;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** Progress of a person's own background job: a polling fragment for pages and JSON for the API. */
@Controller
class JobPages {

    private final BackgroundJobs jobs;

    JobPages(BackgroundJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/jobs/{id}")
    String progress(@AuthenticationPrincipal ReachUser me, @PathVariable String id, Model model) {
        model.addAttribute("job", jobs.status(me, id));
        return "fragments/job :: progress";
    }

    @GetMapping("/api/jobs/{id}")
    @ResponseBody
    BackgroundJobs.JobStatus status(@AuthenticationPrincipal ReachUser me, @PathVariable String id) {
        return jobs.status(me, id);
    }
}
