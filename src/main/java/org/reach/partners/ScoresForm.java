package org.reach.partners;

import java.util.List;

/** Scores an assessor enters, or consensus scores a coordinator settles. */
public record ScoresForm(List<ScoreEntry> scores) {

    public ScoresForm {
        scores = scores == null ? List.of() : List.copyOf(scores);
    }
}
