package org.reach.outreach;

import java.util.List;

/** How many sessions of a batch were new, and the id of every session by its index in the batch. */
public record SessionBatchResult(int stored, int repeated, List<Long> ids) {

    public SessionBatchResult {
        ids = List.copyOf(ids);
    }
}
