package org.reach.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The people due for contact on a day in one view (a peer's own, a site, or the organisation), with peer names. */
public record Worklist(LocalDate day, Long siteId, boolean ownOnly, List<WorklistEntry> entries, Map<Long, String> peerNames,
                       Map<Long, String> siteNames) {

    public Worklist {
        entries = List.copyOf(entries);
        peerNames = Map.copyOf(peerNames);
        siteNames = Map.copyOf(siteNames);
    }
}
