package org.reach.services;

import java.util.List;

import org.reach.platform.RowProblem;

/** The outcome of an import: either every row was valid and all were stored, or nothing and why. */
public record ImportReport(int rows, int encounters, List<RowProblem> problems) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public boolean imported() {
        return problems.isEmpty();
    }
}
