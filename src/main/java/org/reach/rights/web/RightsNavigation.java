package org.reach.rights.web;

import java.util.ArrayList;
import java.util.List;

import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.reach.platform.StartPageNotice;
import org.reach.rights.ViolenceAdvocacy;
import org.reach.rights.ViolenceReports;
import org.reach.rights.WaitingReports;
import org.springframework.stereotype.Component;

/**
 * The reports list for protection focal persons, the advocacy report for those who may share it, "report violence"
 * for every staff member, and on the start page of the protection focal persons the reports waiting for a first
 * response: urgent once their 24 hours have run out.
 */
@Component
class RightsNavigation implements NavigationContributor {

    private final ViolenceReports reports;
    private final ViolenceAdvocacy advocacy;

    RightsNavigation(ViolenceReports reports, ViolenceAdvocacy advocacy) {
        this.reports = reports;
        this.advocacy = advocacy;
    }

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        List<NavigationEntry> entries = new ArrayList<>();
        if (reports.mayRead(person)) {
            entries.add(NavigationEntry.link("nav-violence-reports", "/rights/reports", "nav.violenceReports", 55));
        }
        if (advocacy.mayView(person)) {
            entries.add(NavigationEntry.link("nav-violence-advocacy", "/rights/advocacy", "nav.violenceAdvocacy", 95));
        }
        return entries;
    }

    @Override
    public List<NavigationEntry> quickActions(ReachUser person) {
        if (!reports.mayRecord(person)) {
            return List.of();
        }
        return List.of(NavigationEntry.link("quick-report-violence", "/rights/reports/new", "home.quick.reportViolence", 45));
    }

    @Override
    public List<StartPageNotice> notices(ReachUser person) {
        WaitingReports waiting = reports.waiting(person);
        List<StartPageNotice> notices = new ArrayList<>();
        if (waiting.overdue() > 0) {
            notices.add(new StartPageNotice("notice-violence-overdue", true, "rights.notice.overdue",
                    List.of(waiting.overdue()), "/rights/reports?open=true", 10));
        }
        if (waiting.due() > 0) {
            notices.add(new StartPageNotice("notice-violence-due", false, "rights.notice.due",
                    List.of(waiting.due()), "/rights/reports?open=true", 30));
        }
        return notices;
    }
}
