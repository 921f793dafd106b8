package org.reach.organisations.web;

import java.util.ArrayList;
import java.util.List;

import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;
import org.reach.organisations.OrganisationDirectory;

@Component
class OrganisationNavigation implements NavigationContributor {

    private final OrganisationDirectory directory;

    OrganisationNavigation(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        List<NavigationEntry> entries = new ArrayList<>();
        entries.add(NavigationEntry.link("nav-organisations", "/organisations", "nav.organisations", 10));
        entries.add(NavigationEntry.link("nav-sites", "/sites", "nav.sites", 20));
        if (directory.mayViewProgrammes(person)) {
            entries.add(NavigationEntry.link("nav-programmes", "/programmes", "nav.programmes", 80));
        }
        return entries;
    }
}
