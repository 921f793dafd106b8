package org.reach.partners;

import java.util.List;

/** One question of a framework domain, scored 1–4; anchors.get(n - 1) describes level n. */
public record Question(long id, long domainId, String code, String text, int position, List<String> anchors) {

    public Question {
        anchors = List.copyOf(anchors);
    }
}
