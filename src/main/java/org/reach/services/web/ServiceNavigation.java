package org.reach.services.web;

import java.util.ArrayList;
import java.util.List;

import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;
import org.reach.services.Encounters;
import org.reach.services.Referrals;

@Component
class ServiceNavigation implements NavigationContributor {

    private final Encounters encounters;
    private final Referrals referrals;

    ServiceNavigation(Encounters encounters, Referrals referrals) {
        this.encounters = encounters;
        this.referrals = referrals;
    }

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        if (!encounters.mayRead(person)) {
            return List.of();
        }
        return List.of(NavigationEntry.link("nav-encounters", "/encounters", "nav.encounters", 40),
                NavigationEntry.link("nav-referrals", "/referrals", "nav.referrals", 50),
                NavigationEntry.link("nav-services", "/services", "nav.services", 60));
    }

    @Override
    public List<NavigationEntry> quickActions(ReachUser person) {
        List<NavigationEntry> actions = new ArrayList<>();
        if (encounters.mayRecord(person)) {
            actions.add(NavigationEntry.link("quick-record-encounter", "/encounters/new", "home.quick.recordEncounter", 20));
        }
        if (referrals.mayRecord(person)) {
            actions.add(NavigationEntry.link("quick-referrals", "/referrals", "home.quick.referrals", 40));
        }
        return actions;
    }
}
