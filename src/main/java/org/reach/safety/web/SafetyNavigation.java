package org.reach.safety.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.reach.platform.StartPageNotice;
import org.reach.safety.OverdoseCluster;
import org.reach.safety.Overdoses;
import org.springframework.stereotype.Component;

/**
 * The safety page in the menu, "report an overdose" on the start page, an alert for each overdose cluster the
 * person must hear of (managers of the organisation, site managers of its sites) and a reminder of reports awaiting
 * their 72-hour follow-up.
 */
@Component
class SafetyNavigation implements NavigationContributor {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Overdoses overdoses;

    SafetyNavigation(Overdoses overdoses) {
        this.overdoses = overdoses;
    }

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        return overdoses.mayRead(person) ? List.of(NavigationEntry.link("nav-safety", "/safety", "nav.safety", 55))
                : List.of();
    }

    @Override
    public List<NavigationEntry> quickActions(ReachUser person) {
        return overdoses.mayRecord(person)
                ? List.of(NavigationEntry.link("quick-report-overdose", "/safety/overdoses/new",
                "home.quick.reportOverdose", 25))
                : List.of();
    }

    @Override
    public List<StartPageNotice> notices(ReachUser person) {
        List<StartPageNotice> notices = new ArrayList<>();
        List<OverdoseCluster> clusters = overdoses.clusters(person);
        Map<Long, String> sites = clusters.isEmpty() ? Map.of() : overdoses.siteNames(person);
        int order = 0;
        for (OverdoseCluster cluster : clusters) {
            String place = cluster.hotspot() != null ? cluster.hotspot()
                    : sites.getOrDefault(cluster.siteId(), "#" + cluster.siteId());
            long first = cluster.reportIds().get(0);
            notices.add(new StartPageNotice("overdose-cluster-" + first, true, "safety.notice.cluster",
                    List.of(cluster.size(), place, WHEN.format(cluster.first()), WHEN.format(cluster.last())),
                    "/safety#cluster-" + first, order++));
        }
        long waiting = overdoses.mayRecord(person) ? overdoses.recentlyAwaitingFollowUpCount(person) : 0;
        if (waiting > 0) {
            notices.add(new StartPageNotice("overdose-follow-ups", false, "safety.notice.followUp", List.of(waiting),
                    "/safety/follow-ups", 50));
        }
        return notices;
    }
}
