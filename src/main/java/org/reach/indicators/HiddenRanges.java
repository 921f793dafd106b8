package org.reach.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.reach.indicators.SmallCellSuppression.Equation;

/**
 * The attacker's view of suppressed counts as a linear program: the hidden values are non-negative unknowns, the
 * equations with the shown values put in are constraints, and each hidden published value's smallest and largest
 * possible value is found by the simplex method (Apache Commons Math). The protection rule checked here, the
 * one {@code docs/indicators.md} states: every hidden count ranges over at least {@link SmallCellSuppression#THRESHOLD}
 * (largest minus smallest), and once "&lt;5" is read as 1 to 4 it still has more than one possible value.
 */
final class HiddenRanges {

    private static final double SLACK = 1e-6;

    private HiddenRanges() {
    }

    /**
     * The first hidden published value the rule does not protect, or -1. The equations over the hidden values are
     * solved once: every solution is the true values plus a combination {@code N z} of the null space's basis, so
     * the program runs over {@code z} with only "at least zero" (and "1 to 4" for "&lt;5") as inequalities, each
     * met at {@code z = 0}. That form needs no artificial starting basis, on which the simplex solver of Commons
     * Math stops early when the constraints are equalities.
     */
    static int firstTooNarrow(long[] values, boolean[] hidden, boolean[] unpublished, List<Equation> equations) {
        int[] column = new int[values.length];
        Arrays.fill(column, -1);
        List<Integer> unknowns = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (hidden[i]) {
                column[i] = unknowns.size();
                unknowns.add(i);
            }
        }
        int k = unknowns.size();
        if (k == 0) {
            return -1;
        }
        double[][] basis = nullSpace(RowEchelon.equationRows(equations, column, k), k);
        int f = basis.length;
        // N as rows per unknown: n[u] is the change of unknown u per unit of each z.
        double[][] n = new double[k][f];
        for (int j = 0; j < f; j++) {
            for (int u = 0; u < k; u++) {
                n[u][j] = basis[j][u];
            }
        }
        List<LinearConstraint> plain = new ArrayList<>();
        List<LinearConstraint> marked = new ArrayList<>();
        for (int u = 0; u < k; u++) {
            long truth = values[unknowns.get(u)];
            double[] minus = negate(n[u]);
            plain.add(new LinearConstraint(minus, Relationship.LEQ, truth));
            if (!unpublished[unknowns.get(u)] && SmallCellSuppression.isSmall(truth)) {
                marked.add(new LinearConstraint(minus, Relationship.LEQ, truth - 1));
                marked.add(new LinearConstraint(n[u], Relationship.LEQ, SmallCellSuppression.THRESHOLD - 1 - truth));
            } else {
                marked.add(new LinearConstraint(minus, Relationship.LEQ, truth));
            }
        }
        for (int u = 0; u < k; u++) {
            if (unpublished[unknowns.get(u)]) {
                continue;
            }
            if (f == 0 || isZero(n[u])) {
                return unknowns.get(u);
            }
            double width = optimise(n[u], plain, GoalType.MAXIMIZE) - optimise(n[u], plain, GoalType.MINIMIZE);
            if (width < SmallCellSuppression.THRESHOLD - SLACK) {
                return unknowns.get(u);
            }
            double markedWidth = optimise(n[u], marked, GoalType.MAXIMIZE) - optimise(n[u], marked, GoalType.MINIMIZE);
            if (markedWidth < SLACK) {
                return unknowns.get(u);
            }
        }
        return -1;
    }

    private static double[] negate(double[] v) {
        double[] minus = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            minus[i] = -v[i];
        }
        return minus;
    }

    private static boolean isZero(double[] v) {
        for (double x : v) {
            if (Math.abs(x) > SLACK) {
                return false;
            }
        }
        return true;
    }

    /** A basis of the vectors the rows map to zero, from their reduced row echelon form. */
    static double[][] nullSpace(List<double[]> input, int width) {
        return RowEchelon.of(input, width).nullSpace();
    }

    private static double optimise(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
        try {
            return new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
                    new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(false)).getValue();
        } catch (UnboundedSolutionException unbounded) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : 0;
        } catch (NoFeasibleSolutionException impossible) {
            // z = 0 (the true values) always satisfies the constraints; only rounding gets here: unprotected.
            return 0;
        }
    }
}
