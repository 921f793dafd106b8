package org.reach.infections.web;

import java.util.List;

import org.reach.infections.Cascades;
import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;

/** The care cascades in the menu, for whoever may see indicators; a client's panel is reached from the client. */
@Component
class InfectionNavigation implements NavigationContributor {

    private final Cascades cascades;

    InfectionNavigation(Cascades cascades) {
        this.cascades = cascades;
    }

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        if (!cascades.mayView(person)) {
            return List.of();
        }
        return List.of(NavigationEntry.link("nav-cascades", "/infections/cascades", "nav.cascades", 79));
    }
}
