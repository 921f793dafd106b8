package org.reach.home;

import java.util.List;

import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;

@Component
class HomeNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        return List.of(NavigationEntry.link("nav-home", "/", "nav.home", 0));
    }
}
