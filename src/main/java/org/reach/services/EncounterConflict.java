package org.reach.services;

import java.util.List;

import org.reach.platform.FieldProblem;

/** A known uuid submitted again with different content: the earlier record stands and nothing is written. */
public class EncounterConflict extends RuntimeException {

    private final List<FieldProblem> problems;

    public EncounterConflict(List<FieldProblem> problems) {
        super("Encounter uuid submitted with different content: " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
