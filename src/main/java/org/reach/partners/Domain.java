package org.reach.partners;

import java.util.List;

/** A domain of the framework, e.g. governance and leadership; the code is stable across versions. */
public record Domain(long id, String code, String name, int position, List<Question> questions) {

    public Domain {
        questions = List.copyOf(questions);
    }
}
