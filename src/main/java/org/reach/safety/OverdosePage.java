package org.reach.safety;

import java.util.List;

/** One page of overdose reports, newest first. */
public record OverdosePage(List<OverdoseReport> reports, int page, int size, long total) {

    public OverdosePage {
        reports = List.copyOf(reports);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
