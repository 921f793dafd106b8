package org.reach.linkage.web;

import java.util.List;

import org.reach.linkage.RecordLinkage;
import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;

@Component
class LinkageNavigation implements NavigationContributor {

    private final RecordLinkage linkage;

    LinkageNavigation(RecordLinkage linkage) {
        this.linkage = linkage;
    }

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        if (!linkage.mayReadHints(person) && !linkage.mayRun(person)) {
            return List.of();
        }
        return List.of(NavigationEntry.link("nav-linkage", "/linkage", "nav.linkage", 75));
    }
}
