package org.reach.followup;

import java.util.List;

import org.reach.clients.Client;

/** One person on a worklist: the client, every reason (highest weight first) and the assigned peer, if any. */
public record WorklistEntry(Client client, List<DueReason> reasons, Long peerId) {

    public WorklistEntry {
        reasons = List.copyOf(reasons);
    }

    /** The highest weight among the reasons: the list is ordered by it. */
    public int risk() {
        return reasons.stream().mapToInt(DueReason::weight).max().orElse(0);
    }

    public int weightSum() {
        return reasons.stream().mapToInt(DueReason::weight).sum();
    }
}
