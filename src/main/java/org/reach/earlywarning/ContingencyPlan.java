package org.reach.earlywarning;

import java.util.List;

/** What an organisation will do when a kind of alert (a series) is raised, written in advance. */
public record ContingencyPlan(long id, long organisationId, String series, String title, List<Item> items) {

    public ContingencyPlan {
        items = List.copyOf(items);
    }

    /** What to do, who does it, and how many days after the alert it must be done. */
    public record Item(String what, String who, int dueDays) {
    }
}
