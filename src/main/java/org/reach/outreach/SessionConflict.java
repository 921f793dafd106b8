package org.reach.outreach;

import java.util.List;

import org.reach.platform.FieldProblem;

/** A uuid already stored with different content: neither version is lost, the device is told which record clashed. */
public class SessionConflict extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public SessionConflict(List<FieldProblem> problems) {
        super("outreach session uuid conflict");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
