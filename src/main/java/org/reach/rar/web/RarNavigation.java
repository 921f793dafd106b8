package org.reach.rar.web;

import java.util.List;

import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;

/** Everyone signed in may list the rapid assessments they can see; each assessment applies its own rule. */
@Component
class RarNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        return List.of(NavigationEntry.link("nav-rar", "/rar", "nav.rar", 75));
    }
}
