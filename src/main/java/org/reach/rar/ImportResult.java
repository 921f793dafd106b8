package org.reach.rar;

import java.util.List;

import org.reach.platform.RowProblem;

/** What an import did: how many hotspots it saved and every row it refused, with line and reason. */
public record ImportResult(int rows, int imported, List<RowProblem> problems) {
}
