package org.reach.outreach;

import java.util.List;

/** One page of sessions, newest first. */
public record SessionPage(List<OutreachSession> sessions, int page, int size, long total) {

    public SessionPage {
        sessions = List.copyOf(sessions);
    }
}
