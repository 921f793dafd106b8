package org.reach.earlywarning.web;

import java.util.ArrayList;
import java.util.List;

import org.reach.earlywarning.Alert;
import org.reach.earlywarning.EarlyWarning;
import org.reach.earlywarning.PlanningTrends;
import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.reach.platform.StartPageNotice;
import org.springframework.stereotype.Component;

@Component
class EarlyWarningNavigation implements NavigationContributor {

    private final EarlyWarning earlyWarning;
    private final PlanningTrends trends;

    EarlyWarningNavigation(EarlyWarning earlyWarning, PlanningTrends trends) {
        this.earlyWarning = earlyWarning;
        this.trends = trends;
    }

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        List<NavigationEntry> entries = new ArrayList<>();
        if (earlyWarning.mayRead(person)) {
            entries.add(NavigationEntry.link("nav-earlywarning", "/earlywarning", "nav.earlywarning", 55));
        } else if (earlyWarning.mayExtendSubstances(person)) {
            entries.add(NavigationEntry.link("nav-earlywarning-substances", "/earlywarning/substances",
                    "nav.earlywarning.substances", 55));
        }
        if (trends.mayView(person)) {
            entries.add(NavigationEntry.link("nav-earlywarning-trends", "/earlywarning/trends",
                    "nav.earlywarning.trends", 56));
        }
        return entries;
    }

    @Override
    public List<NavigationEntry> quickActions(ReachUser person) {
        if (!earlyWarning.mayReport(person)) {
            return List.of();
        }
        return List.of(NavigationEntry.link("quick-drug-report", "/earlywarning/reports/new",
                "home.quick.drugReport", 25));
    }

    @Override
    public List<StartPageNotice> notices(ReachUser person) {
        List<StartPageNotice> notices = new ArrayList<>();
        for (Alert alert : earlyWarning.unacknowledged(person)) {
            notices.add(new StartPageNotice("notice-drug-alert-" + alert.id(), true, "earlywarning.notice.alert",
                    List.of(alert.city(), alert.observed()), "/earlywarning/alerts/" + alert.id(), 5));
        }
        return notices;
    }
}
