package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reach.indicators.SmallCellSuppression.Equation;

/**
 * Small-cell suppression against an attacker who knows every shown cell and every additive relation of
 * the table and subtracts: whenever an equation has exactly one hidden member, that member is solved and
 * becomes known, repeated until nothing more can be solved. No hidden value may fall out.
 */
class SmallCellSuppressionTest {

    /**
     * A 3 x 3 table with row totals, column totals and a grand total, built to be attacked: one small cell
     * per row in different columns, a row whose only other cell is zero, and a column of small cells.
     *
     * <pre>
     *            c0   c1   c2 | total
     *   r0        3   20    0 |   23
     *   r1       12    2   30 |   44
     *   r2        7    9    1 |   17
     *   total    22   31   31 |   84
     * </pre>
     */
    @Test
    void noHiddenCellOfAnAttackableTableCanBeDerivedBySubtraction() {
        long[][] cells = {{3, 20, 0}, {12, 2, 30}, {7, 9, 1}};
        Table t = Table.of(cells);
        boolean[] hidden = SmallCellSuppression.suppress(t.values, t.equations);

        // Every count of 1 to 4 is hidden.
        for (int i = 0; i < t.values.length; i++) {
            if (t.values[i] >= 1 && t.values[i] <= 4) {
                assertThat(hidden[i]).as("small value at %d", i).isTrue();
            }
        }
        assertThat(attack(t.values, hidden, t.equations)).as("values an attacker derives").isEmpty();
        // Nothing else can be derived with the full elimination either.
        assertThat(SmallCellSuppression.firstDerivable(t.values, hidden, t.equations)).isEqualTo(-1);
    }

    @Test
    void withoutComplementarySuppressionTheSameTableLeaks() {
        long[][] cells = {{3, 20, 0}, {12, 2, 30}, {7, 9, 1}};
        Table t = Table.of(cells);
        boolean[] primaryOnly = new boolean[t.values.length];
        for (int i = 0; i < t.values.length; i++) {
            primaryOnly[i] = SmallCellSuppression.isSmall(t.values[i]);
        }
        // Row 0 is 23 = 3 + 20 + 0: the hidden 3 falls out of 23 - 20 - 0. The attack finds it.
        assertThat(attack(t.values, primaryOnly, t.equations)).contains(0);
    }

    @Test
    void aLineHidesTheNextSmallestCellOrItsTotal() {
        // 2 is small; the next smallest non-zero cell (6) is hidden too, the total stays.
        assertThat(SmallCellSuppression.suppressLine(new long[] {2, 6, 40, 0}, 48))
                .containsExactly(true, true, false, false, false);
        // One cell only: equal to its total, both small, both hidden.
        assertThat(SmallCellSuppression.suppressLine(new long[] {3}, 3)).containsExactly(true, true);
        // A small total with zeros beside it: nothing but zeros to hide; the values are all "<5" or 0.
        boolean[] zeros = SmallCellSuppression.suppressLine(new long[] {0, 4, 0}, 4);
        assertThat(zeros[1]).isTrue();
        assertThat(zeros[3]).isTrue();
        // A total without cells (no breakdown): hidden when small, and the suppression ends.
        assertThat(SmallCellSuppression.suppressLine(new long[0], 3)).containsExactly(true);
        // Nothing small: nothing hidden.
        assertThat(SmallCellSuppression.suppressLine(new long[] {5, 0, 17}, 22)).containsOnly(false);
    }

    @Test
    void smallCellsThatTheirRestPinsToOneValueGetCompany() {
        // 12 + 1 + 1 = 14: the two "<5" share a rest of 2, and each is at least 1, so both are 1. The 12 goes too.
        assertThat(SmallCellSuppression.suppressLine(new long[] {12, 1, 1, 0}, 14))
                .containsExactly(true, true, true, false, false);
        // The same with three ones (rest 3) and with two fours (rest 8, each at most 4).
        assertThat(SmallCellSuppression.suppressLine(new long[] {1, 1, 12, 6, 1}, 21))
                .containsExactly(true, true, false, true, true, false);
        assertThat(SmallCellSuppression.suppressLine(new long[] {4, 30, 4}, 38)).containsExactly(true, true, true, false);
        // A rest of 3 over two "<5" leaves 1 + 2 or 2 + 1: not pinned, but each ranges over 0 to 3 only, fewer
        // values than the threshold; the 12 goes too, and each hidden count ranges over 0 to 15.
        assertThat(SmallCellSuppression.suppressLine(new long[] {12, 1, 2}, 15)).containsExactly(true, true, true, false);
        // Once a complementary "*" shares the rest, any split is possible.
        assertThat(SmallCellSuppression.firstPinned(new long[] {12, 1, 1, 14},
                new boolean[] {true, true, true, false}, List.of(new Equation(3, new int[] {0, 1, 2})))).isNull();
        // Two fours and nothing else: a shown total of 8 would pin both to 4, so the total goes too.
        assertThat(SmallCellSuppression.suppressLine(new long[] {4, 4}, 8)).containsExactly(true, true, true);
    }

    @Test
    void largerRandomTablesNeverLeak() {
        java.util.Random random = new java.util.Random(20260415L);
        for (int round = 0; round < 200; round++) {
            int rows = 2 + random.nextInt(4);
            int columns = 2 + random.nextInt(4);
            long[][] cells = new long[rows][columns];
            for (long[] row : cells) {
                for (int c = 0; c < columns; c++) {
                    row[c] = random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(40);
                }
            }
            Table t = Table.of(cells);
            boolean[] hidden = SmallCellSuppression.suppress(t.values, t.equations);
            assertThat(attack(t.values, hidden, t.equations)).as("round %d", round).isEmpty();
            for (int i = 0; i < t.values.length; i++) {
                assertThat(!SmallCellSuppression.isSmall(t.values[i]) || hidden[i]).isTrue();
            }
        }
    }

    /** The indices of hidden values an attacker recovers by repeated subtraction. */
    private static List<Integer> attack(long[] values, boolean[] hidden, List<Equation> equations) {
        boolean[] known = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            known[i] = !hidden[i];
        }
        List<Integer> recovered = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Equation e : equations) {
                List<Integer> unknown = new ArrayList<>();
                if (!known[e.total()]) {
                    unknown.add(e.total());
                }
                for (int p : e.parts()) {
                    if (!known[p]) {
                        unknown.add(p);
                    }
                }
                if (unknown.size() == 1) {
                    int u = unknown.get(0);
                    known[u] = true;
                    recovered.add(u);
                    progress = true;
                }
            }
        }
        return recovered;
    }

    /** Cells, row totals, column totals and grand total laid out in one array with their equations. */
    private record Table(long[] values, List<Equation> equations) {

        static Table of(long[][] cells) {
            int rows = cells.length;
            int columns = cells[0].length;
            int n = rows * columns;
            long[] values = new long[n + rows + columns + 1];
            List<Equation> equations = new ArrayList<>();
            long grand = 0;
            for (int r = 0; r < rows; r++) {
                int[] parts = new int[columns];
                long sum = 0;
                for (int c = 0; c < columns; c++) {
                    values[r * columns + c] = cells[r][c];
                    parts[c] = r * columns + c;
                    sum += cells[r][c];
                }
                values[n + r] = sum;
                grand += sum;
                equations.add(new Equation(n + r, parts));
            }
            for (int c = 0; c < columns; c++) {
                int[] parts = new int[rows];
                long sum = 0;
                for (int r = 0; r < rows; r++) {
                    parts[r] = r * columns + c;
                    sum += cells[r][c];
                }
                values[n + rows + c] = sum;
                equations.add(new Equation(n + rows + c, parts));
            }
            int grandIndex = n + rows + columns;
            values[grandIndex] = grand;
            int[] rowTotals = new int[rows];
            for (int r = 0; r < rows; r++) {
                rowTotals[r] = n + r;
            }
            int[] columnTotals = new int[columns];
            for (int c = 0; c < columns; c++) {
                columnTotals[c] = n + rows + c;
            }
            equations.add(new Equation(grandIndex, rowTotals));
            equations.add(new Equation(grandIndex, columnTotals));
            return new Table(values, equations);
        }
    }
}
