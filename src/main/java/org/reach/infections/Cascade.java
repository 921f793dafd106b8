package org.reach.infections;

import java.util.List;

/** A care cascade (HCV, TB or HIV): its steps in order, each a subset of the one before where the steps nest. */
public record Cascade(String key, List<CascadeStep> steps) {

    public Cascade {
        steps = List.copyOf(steps);
    }
}
