package org.reach.demo;

import java.util.ArrayList;
import java.util.List;

import org.reach.clients.Client;
import org.reach.clients.ClientPage;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientSearch;
import org.reach.platform.ReachUser;

/** Every client a demo manager's organisation holds, read page by page as the registry serves them. */
final class DemoClientList {

    private DemoClientList() {
    }

    static List<Client> of(ClientRegistry registry, ReachUser manager) {
        List<Client> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            ClientPage found = registry.search(manager, ClientSearch.everything(), page, 100);
            all.addAll(found.clients());
            if (found.clients().isEmpty() || all.size() >= found.total()) {
                return all;
            }
        }
    }
}
