package org.reach.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gauss–Jordan elimination over the additivity equations of linked tables: the reduced row echelon form tells which
 * hidden cells the shown ones determine (suppression) and which directions the hidden ones may still move in (the
 * ranges an attacker can reach). One implementation for both, so they cannot disagree on what is determined.
 */
final class RowEchelon {

    static final double EPSILON = 1e-9;

    /** The independent rows, each with a leading 1 in a column where every other row has 0. */
    final List<double[]> basis;
    /** For each column, the basis row whose leading 1 it holds, or -1 for a free column. */
    final int[] pivotOfColumn;

    private RowEchelon(List<double[]> basis, int[] pivotOfColumn) {
        this.basis = basis;
        this.pivotOfColumn = pivotOfColumn;
    }

    /**
     * The equations "total = sum of parts" written over the unknown cells only ({@code column} gives each cell's
     * unknown, or -1 for a shown one): shown cells are constants and drop out; an equation with no unknown is none.
     */
    static List<double[]> equationRows(List<SmallCellSuppression.Equation> equations, int[] column, int width) {
        List<double[]> rows = new ArrayList<>();
        for (SmallCellSuppression.Equation e : equations) {
            double[] row = new double[width];
            boolean any = false;
            if (column[e.total()] >= 0) {
                row[column[e.total()]] -= 1;
                any = true;
            }
            for (int p : e.parts()) {
                if (column[p] >= 0) {
                    row[column[p]] += 1;
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        return rows;
    }

    static RowEchelon of(List<double[]> input, int width) {
        List<double[]> rows = new ArrayList<>();
        for (double[] r : input) {
            rows.add(r.clone());
        }
        int[] pivotOfColumn = new int[width];
        Arrays.fill(pivotOfColumn, -1);
        int rank = 0;
        for (int col = 0; col < width && rank < rows.size(); col++) {
            int pivot = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (Math.abs(rows.get(r)[col]) > EPSILON) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] p = rows.get(pivot);
            rows.set(pivot, rows.get(rank));
            rows.set(rank, p);
            double lead = p[col];
            for (int k = 0; k < width; k++) {
                p[k] /= lead;
            }
            for (int r = 0; r < rows.size(); r++) {
                double factor = rows.get(r)[col];
                if (r != rank && Math.abs(factor) > EPSILON) {
                    for (int k = 0; k < width; k++) {
                        rows.get(r)[k] -= factor * p[k];
                    }
                }
            }
            pivotOfColumn[col] = rank;
            rank++;
        }
        return new RowEchelon(List.copyOf(rows.subList(0, rank)), pivotOfColumn);
    }

    /** A basis of the vectors the rows map to zero: one per free column. */
    double[][] nullSpace() {
        int width = pivotOfColumn.length;
        List<double[]> vectors = new ArrayList<>();
        for (int free = 0; free < width; free++) {
            if (pivotOfColumn[free] >= 0) {
                continue;
            }
            double[] v = new double[width];
            v[free] = 1;
            for (int col = 0; col < width; col++) {
                if (pivotOfColumn[col] >= 0) {
                    v[col] = -basis.get(pivotOfColumn[col])[free];
                }
            }
            vectors.add(v);
        }
        return vectors.toArray(new double[0][]);
    }
}
