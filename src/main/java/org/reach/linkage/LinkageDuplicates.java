package org.reach.linkage;

import java.util.List;

import org.reach.clients.DuplicateFinder;
import org.reach.linkage.store.LinkageStore;
import org.springframework.stereotype.Component;

/** The possible duplicates inside an organisation that registration and the latest run found, for review. */
@Component
class LinkageDuplicates implements DuplicateFinder {

    private final LinkageStore store;

    LinkageDuplicates(LinkageStore store) {
        this.store = store;
    }

    @Override
    public List<PossibleDuplicate> possibleDuplicates(long organisationId) {
        return store.duplicates(organisationId).stream()
                .map(d -> new PossibleDuplicate(d.clientA(), d.clientB(), d.scorePermille() / 10))
                .toList();
    }
}
