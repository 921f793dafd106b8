package org.reach.clients.web;

import java.util.ArrayList;
import java.util.List;

import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;
import org.reach.clients.ClientAccess;

@Component
class ClientNavigation implements NavigationContributor {

    private final ClientAccess access;

    ClientNavigation(ClientAccess access) {
        this.access = access;
    }

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        return access.mayRead(person) ? List.of(NavigationEntry.link("nav-clients", "/clients", "nav.clients", 30))
                : List.of();
    }

    @Override
    public List<NavigationEntry> quickActions(ReachUser person) {
        List<NavigationEntry> actions = new ArrayList<>();
        if (access.mayRead(person)) {
            actions.add(NavigationEntry.search("quick-find-client", "/clients", "home.quick.findClient", 10, "code"));
        }
        if (access.mayWrite(person)) {
            actions.add(NavigationEntry.link("quick-register-client", "/clients/new", "home.quick.registerClient", 30));
        }
        return actions;
    }
}
