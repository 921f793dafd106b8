package org.reach.home;

import java.util.List;

import org.reach.accounts.Accounts;
import org.reach.audit.AuditTrail;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.ReachUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomePage {

    private final OrganisationDirectory directory;
    private final Accounts accounts;

    HomePage(OrganisationDirectory directory, Accounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal ReachUser me, Model model) {
        List<Organisation> organisations = directory.organisations(me);
        List<Site> sites = directory.sites(me, null);
        model.addAttribute("organisation", me.organisationId() == null ? null
                : organisations.stream().filter(o -> o.id() == me.organisationId()).findFirst().orElse(null));
        model.addAttribute("organisationCount", organisations.size());
        model.addAttribute("mySites", sites.stream().filter(s -> me.isAssignedTo(s.id())).toList());
        model.addAttribute("siteCount", sites.size());
        model.addAttribute("mayReadAudit", AuditTrail.mayRead(me));
        // Organisation managers hear of every password reset in their organisation done by someone else.
        model.addAttribute("resetNotices", accounts.resetNotices(me));
        return "home/home";
    }
}
