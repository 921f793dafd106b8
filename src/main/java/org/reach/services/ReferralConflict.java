package org.reach.services;

import java.util.List;

import org.reach.platform.FieldProblem;

/** A referral uuid already stored with other content: the stored referral stands and nothing is written. */
public class ReferralConflict extends RuntimeException {

    private final List<FieldProblem> problems;

    public ReferralConflict(String uuid, List<FieldProblem> problems) {
        super("Referral " + uuid + " is already stored with different content: "
                + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
