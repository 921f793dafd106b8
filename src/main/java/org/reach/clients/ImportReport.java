package org.reach.clients;

import java.util.List;

import org.reach.platform.RowProblem;

/** The result of an import: how many clients were imported, or every bad row and nothing imported. */
public record ImportReport(int imported, int rows, List<RowProblem> problems) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public boolean succeeded() {
        return problems.isEmpty();
    }
}
