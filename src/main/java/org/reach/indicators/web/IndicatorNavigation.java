package org.reach.indicators.web;

import java.util.List;

import org.reach.indicators.Indicators;
import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;

@Component
class IndicatorNavigation implements NavigationContributor {

    private final Indicators indicators;

    IndicatorNavigation(Indicators indicators) {
        this.indicators = indicators;
    }

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        return indicators.mayView(person)
                ? List.of(NavigationEntry.link("nav-indicators", "/indicators", "nav.indicators", 78)) : List.of();
    }
}
