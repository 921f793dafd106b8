package org.reach.safety;

import java.util.List;

/** One page of overdose reports, newest first. */
public record OverdosePage(List<OverdoseReport> reports, int page, int size, long total) {

    public OverdosePage {
        reports = List.copyOf(reports);
    }
}
