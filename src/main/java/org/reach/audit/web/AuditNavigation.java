package org.reach.audit.web;

import java.util.List;

import org.reach.audit.AuditTrail;
import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;

@Component
class AuditNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        return AuditTrail.mayRead(person) ? List.of(NavigationEntry.link("nav-audit", "/audit", "nav.audit", 90))
                : List.of();
    }
}
