package org.reach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * What an attacker can work out about hidden counts from everything shown to them, by linear programming: every
 * cell is a non-negative unknown, shown cells are fixed to their values, and the relations the attacker knows
 * (a total is the sum of its parts, a part is at most its whole) are constraints. For each hidden cell the
 * smallest and the largest value consistent with all of it is found with Apache Commons Math's simplex solver.
 * With markers, a "&lt;5" is also known to lie between 1 and 4.
 */
public final class HiddenCountBounds {

    public static final String SMALL = "<5";
    public static final String HIDDEN = "*";

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String> shown = new ArrayList<>();
    private final List<double[]> sums = new ArrayList<>();
    private final List<double[]> atMost = new ArrayList<>();

    /** The range an attacker can narrow a hidden cell down to; max is infinite when nothing bounds it. */
    public record Range(String cell, String shownAs, double min, double max) {
        public double width() {
            return max - min;
        }
    }

    /** A cell as shown: a number, "&lt;5", "*", or null for a value never published (unknown, no marker). */
    public HiddenCountBounds cell(String name, String shownAs) {
        if (index.containsKey(name)) {
            if (!java.util.Objects.equals(shown.get(index.get(name)), shownAs)) {
                throw new IllegalStateException(name + " shown as " + shown.get(index.get(name)) + " and " + shownAs);
            }
            return this;
        }
        index.put(name, shown.size());
        shown.add(shownAs);
        return this;
    }

    public boolean has(String name) {
        return index.containsKey(name);
    }

    /** {@code total} is the sum of {@code parts} (cells not named are zero: not shown because empty). */
    public HiddenCountBounds sum(String total, List<String> parts) {
        List<int[]> terms = new ArrayList<>();
        terms.add(new int[] {index(total), -1});
        for (String p : parts) {
            terms.add(new int[] {index(p), 1});
        }
        sums.add(encode(terms));
        return this;
    }

    /** {@code part} is at most {@code whole}. */
    public HiddenCountBounds atMost(String part, String whole) {
        atMost.add(encode(List.of(new int[] {index(part), 1}, new int[] {index(whole), -1})));
        return this;
    }

    /** The sum of {@code parts} is at most {@code whole}. */
    public HiddenCountBounds sumAtMost(List<String> parts, String whole) {
        List<int[]> terms = new ArrayList<>();
        terms.add(new int[] {index(whole), -1});
        for (String p : parts) {
            terms.add(new int[] {index(p), 1});
        }
        atMost.add(encode(terms));
        return this;
    }

    /** {@code part} is at most the sum of {@code wholes} (overlapping groups that leave nobody out). */
    public HiddenCountBounds atMostSumOf(String part, List<String> wholes) {
        List<int[]> terms = new ArrayList<>();
        terms.add(new int[] {index(part), 1});
        for (String w : wholes) {
            terms.add(new int[] {index(w), -1});
        }
        atMost.add(encode(terms));
        return this;
    }

    private int index(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no cell " + name);
        }
        return i;
    }

    /** Sparse terms as (cell, coefficient) pairs, made dense when solving. */
    private static double[] encode(List<int[]> terms) {
        double[] encoded = new double[terms.size() * 2];
        for (int i = 0; i < terms.size(); i++) {
            encoded[2 * i] = terms.get(i)[0];
            encoded[2 * i + 1] = terms.get(i)[1];
        }
        return encoded;
    }

    private double[] dense(double[] encoded) {
        double[] row = new double[shown.size()];
        for (int i = 0; i < encoded.length; i += 2) {
            row[(int) encoded[i]] += encoded[i + 1];
        }
        return row;
    }

    public int hiddenCount() {
        return (int) shown.stream().filter(s -> SMALL.equals(s) || HIDDEN.equals(s)).count();
    }

    /**
     * The range of every hidden published cell ("&lt;5" or "*"). Commons Math's simplex solver can stop at a
     * feasible corner short of the optimum when a problem has equality constraints (maximising x1 under
     * x0 + x1 + x2 = 14 answers 0), so the equalities are solved first: a feasible point p (the solver's first phase
     * finds one), and every solution is p + N z over a basis N of the equalities' null space. The program then runs
     * over z with inequalities only, each met at z = 0, which needs no artificial starting basis.
     */
    public List<Range> ranges(boolean useMarkers) {
        int n = shown.size();
        List<double[]> equalRows = new ArrayList<>();
        List<Double> equalRhs = new ArrayList<>();
        for (double[] s : sums) {
            equalRows.add(dense(s));
            equalRhs.add(0.0);
        }
        List<double[]> lessRows = new ArrayList<>();
        List<Double> lessRhs = new ArrayList<>();
        for (double[] a : atMost) {
            lessRows.add(dense(a));
            lessRhs.add(0.0);
        }
        for (int i = 0; i < n; i++) {
            String s = shown.get(i);
            double[] unit = new double[n];
            unit[i] = 1;
            if (s != null && !SMALL.equals(s) && !HIDDEN.equals(s)) {
                equalRows.add(unit);
                equalRhs.add(Double.parseDouble(s));
            } else if (useMarkers && SMALL.equals(s)) {
                lessRows.add(unit);
                lessRhs.add(4.0);
                double[] minus = new double[n];
                minus[i] = -1;
                lessRows.add(minus);
                lessRhs.add(-1.0);
            }
        }
        double[] p = feasiblePoint(n, equalRows, equalRhs, lessRows, lessRhs);
        double[][] basis = nullSpace(equalRows, n);
        int f = basis.length;
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[f];
            for (int j = 0; j < f; j++) {
                row[j] = -basis[j][i];
            }
            constraints.add(new LinearConstraint(row, Relationship.LEQ, Math.max(0, p[i])));
        }
        for (int r = 0; r < lessRows.size(); r++) {
            double[] a = lessRows.get(r);
            double[] row = new double[f];
            double at = 0;
            for (int i = 0; i < n; i++) {
                at += a[i] * p[i];
                for (int j = 0; j < f; j++) {
                    row[j] += a[i] * basis[j][i];
                }
            }
            constraints.add(new LinearConstraint(row, Relationship.LEQ, Math.max(0, lessRhs.get(r) - at)));
        }
        List<Range> ranges = new ArrayList<>();
        index.forEach((name, i) -> {
            String s = shown.get(i);
            if (!SMALL.equals(s) && !HIDDEN.equals(s)) {
                return;
            }
            double[] objective = new double[f];
            boolean moves = false;
            for (int j = 0; j < f; j++) {
                objective[j] = basis[j][i];
                moves |= Math.abs(objective[j]) > 1e-9;
            }
            double min = p[i];
            double max = p[i];
            if (moves) {
                min = p[i] + optimise(objective, constraints, GoalType.MINIMIZE);
                max = p[i] + optimise(objective, constraints, GoalType.MAXIMIZE);
            }
            ranges.add(new Range(name, s, Math.round(min * 1e6) / 1e6, Math.round(max * 1e6) / 1e6));
        });
        return ranges;
    }

    /** Any point meeting every constraint (the cells' true values are one, so there is one). */
    private static double[] feasiblePoint(int n, List<double[]> equalRows, List<Double> equalRhs,
                                          List<double[]> lessRows, List<Double> lessRhs) {
        List<LinearConstraint> all = new ArrayList<>();
        for (int r = 0; r < equalRows.size(); r++) {
            all.add(new LinearConstraint(equalRows.get(r), Relationship.EQ, equalRhs.get(r)));
        }
        for (int r = 0; r < lessRows.size(); r++) {
            all.add(new LinearConstraint(lessRows.get(r), Relationship.LEQ, lessRhs.get(r)));
        }
        try {
            return new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(new double[n], 0),
                    new LinearConstraintSet(all), GoalType.MINIMIZE, new NonNegativeConstraint(true)).getPoint();
        } catch (NoFeasibleSolutionException contradiction) {
            throw new IllegalStateException("what is shown contradicts the relations");
        }
    }

    /** A basis of the vectors the rows map to zero, from their reduced row echelon form. */
    private static double[][] nullSpace(List<double[]> input, int width) {
        List<double[]> rows = new ArrayList<>();
        for (double[] r : input) {
            rows.add(r.clone());
        }
        int[] pivotRow = new int[width];
        java.util.Arrays.fill(pivotRow, -1);
        int rank = 0;
        for (int col = 0; col < width && rank < rows.size(); col++) {
            int pivot = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (Math.abs(rows.get(r)[col]) > 1e-9) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] pr = rows.get(pivot);
            rows.set(pivot, rows.get(rank));
            rows.set(rank, pr);
            double lead = pr[col];
            for (int c = 0; c < width; c++) {
                pr[c] /= lead;
            }
            for (int r = 0; r < rows.size(); r++) {
                double factor = rows.get(r)[col];
                if (r != rank && Math.abs(factor) > 1e-9) {
                    for (int c = 0; c < width; c++) {
                        rows.get(r)[c] -= factor * pr[c];
                    }
                }
            }
            pivotRow[col] = rank++;
        }
        List<double[]> basis = new ArrayList<>();
        for (int free = 0; free < width; free++) {
            if (pivotRow[free] >= 0) {
                continue;
            }
            double[] v = new double[width];
            v[free] = 1;
            for (int col = 0; col < width; col++) {
                if (pivotRow[col] >= 0) {
                    v[col] = -rows.get(pivotRow[col])[free];
                }
            }
            basis.add(v);
        }
        return basis.toArray(new double[0][]);
    }

    private static double optimise(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
        try {
            PointValuePair best = new SimplexSolver().optimize(new MaxIter(100_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
                    new NonNegativeConstraint(false));
            return best.getValue();
        } catch (UnboundedSolutionException unbounded) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
    }
}
