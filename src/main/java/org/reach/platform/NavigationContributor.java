package org.reach.platform;

import java.util.List;

/**
 * Implemented by each capability that has pages: it offers its menu entries and start-page actions by its own access
 * rule (the rule its services apply), so the layout repeats no capability's rules and offers nothing that is refused.
 */
public interface NavigationContributor {

    List<NavigationEntry> menu(ReachUser person);

    default List<NavigationEntry> quickActions(ReachUser person) {
        return List.of();
    }

    /** Alerts and reminders for the start page, by the capability's own rule of who must hear of them. */
    default List<StartPageNotice> notices(ReachUser person) {
        return List.of();
    }
}
