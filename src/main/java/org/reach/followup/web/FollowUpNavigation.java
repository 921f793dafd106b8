package org.reach.followup.web;

import java.util.ArrayList;
import java.util.List;

import org.reach.followup.FollowUp;
import org.reach.followup.Movements;
import org.reach.followup.Transfers;
import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.reach.platform.StartPageNotice;
import org.springframework.stereotype.Component;

@Component
class FollowUpNavigation implements NavigationContributor {

    private final FollowUp followUp;
    private final Transfers transfers;
    private final Movements movements;

    FollowUpNavigation(FollowUp followUp, Transfers transfers, Movements movements) {
        this.followUp = followUp;
        this.transfers = transfers;
        this.movements = movements;
    }

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        List<NavigationEntry> entries = new ArrayList<>();
        if (followUp.mayUseWorklist(person)) {
            entries.add(NavigationEntry.link("nav-followup", "/followup", "nav.followup", 45));
        }
        if (transfers.mayReceive(person) && transfers.mayTransfer(person)) {
            entries.add(NavigationEntry.link("nav-transfers", "/followup/transfers", "nav.transfers", 55));
        }
        if (transfers.mayReadDirectory(person)) {
            entries.add(NavigationEntry.link("nav-partner-directory", "/followup/directory", "nav.partnerDirectory", 56));
        }
        if (movements.mayViewFlows(person)) {
            entries.add(NavigationEntry.link("nav-flows", "/followup/flows", "nav.flows", 57));
        }
        return entries;
    }

    @Override
    public List<NavigationEntry> quickActions(ReachUser person) {
        if (!followUp.mayUseWorklist(person)) {
            return List.of();
        }
        return List.of(NavigationEntry.link("quick-followup", "/followup", "home.quick.followup", 15));
    }

    @Override
    public List<StartPageNotice> notices(ReachUser person) {
        if (!followUp.mayUseWorklist(person)) {
            return List.of();
        }
        int due = followUp.dueToday(person);
        if (due == 0) {
            return List.of();
        }
        return List.of(new StartPageNotice("notice-followup-due", false, "followup.notice.due", List.of(due),
                "/followup", 50));
    }
}
