package org.reach.accounts.web;

import java.util.ArrayList;
import java.util.List;

import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;
import org.reach.accounts.Accounts;

@Component
class AccountNavigation implements NavigationContributor {

    private final Accounts accounts;

    AccountNavigation(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        List<NavigationEntry> entries = new ArrayList<>();
        if (accounts.mayListAccounts(person)) {
            entries.add(NavigationEntry.link("nav-accounts", "/accounts", "nav.accounts", 85));
        }
        entries.add(NavigationEntry.link("nav-my-account", "/account", "nav.myAccount", 100));
        return entries;
    }
}
