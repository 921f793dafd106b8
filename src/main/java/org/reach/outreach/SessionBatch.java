package org.reach.outreach;

import java.util.List;

/** Sessions a device sends when it is back online: all stored or none, known uuids answered as repeats. */
public record SessionBatch(List<OutreachSessionForm> sessions) {

    public SessionBatch {
        sessions = sessions == null ? List.of() : sessions;
    }
}
