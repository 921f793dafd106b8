package org.reach.platform;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/** The menu and the start page's quick actions, gathered from every capability; pages read it as {@code @navigation}. */
@Component("navigation")
public class Navigation {

    private final List<NavigationContributor> contributors;

    Navigation(List<NavigationContributor> contributors) {
        this.contributors = List.copyOf(contributors);
    }

    public List<NavigationEntry> menu(ReachUser person) {
        return gather(person, contributor -> contributor.menu(person));
    }

    public List<NavigationEntry> quickActions(ReachUser person) {
        return gather(person, contributor -> contributor.quickActions(person));
    }

    /** Urgent notices first, then by each notice's order. */
    public List<StartPageNotice> notices(ReachUser person) {
        if (person == null) {
            return List.of();
        }
        return contributors.stream().flatMap(contributor -> contributor.notices(person).stream())
                .sorted(Comparator.comparing((StartPageNotice n) -> !n.urgent()).thenComparingInt(StartPageNotice::order))
                .toList();
    }

    private List<NavigationEntry> gather(ReachUser person, Function<NavigationContributor, List<NavigationEntry>> entries) {
        if (person == null) {
            return List.of();
        }
        return contributors.stream().flatMap(contributor -> entries.apply(contributor).stream())
                .sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }
}
