package org.reach.partners.web;

import java.util.List;

import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;

/** Everyone signed in may see the partners overview: it holds organisational assessments, never client data. */
@Component
class PartnerNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        return List.of(NavigationEntry.link("nav-partners", "/partners", "nav.partners", 70));
    }
}
