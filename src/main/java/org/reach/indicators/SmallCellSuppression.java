package org.reach.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small-cell suppression of linked tables of counts tied together by additive equations (a total and the cells
 * that add up to it: sites within cities within organisations within the programme, every other breakdown of the
 * same total, subgroups within everybody). Counts of 1 to 4 are hidden (primary suppression). Then, until
 * nothing changes, over every equation of every linked table at once (complementary suppression):
 * <ol>
 *   <li>an equation that hides exactly one of its published members gets one more hidden, its smallest shown
 *       non-zero part, or the total when no part is left;</li>
 *   <li>an equation with a shown total whose hidden members add up to less than {@link #THRESHOLD} gets its smallest
 *       shown non-zero part hidden, so every hidden count ranges over at least {@link #THRESHOLD} values;</li>
 *   <li>the whole system is solved as an attacker would, by linear elimination over the hidden values, and while
 *       any hidden value can be derived exactly, one more cell of an equation it appears in is hidden;</li>
 *   <li>the attacker also uses what the markers mean: "&lt;5" is 1 to 4, so two of them sharing a rest of 2 are
 *       both 1; while an equation's shown total pins a hidden small count that way, its smallest shown non-zero
 *       part is hidden too;</li>
 *   <li>last, the attack itself ({@link HiddenRanges}): every hidden count's smallest and largest value consistent
 *       with everything shown, by linear programming; while one ranges over fewer than {@link #THRESHOLD} values,
 *       or is pinned once "&lt;5" is read as 1 to 4, one more cell of an equation it is in is hidden.</li>
 * </ol>
 * Zeros are shown: a true zero is not a small count, and hiding a zero adds no doubt about its neighbours.
 * Cells that are never published (what the subgroups of a place leave unclassified) take part in the equations
 * as hidden values but need no protection themselves. Pure: no state, no Spring.
 */
public final class SmallCellSuppression {

    public static final int THRESHOLD = 5;
    public static final String SMALL = "<5";
    public static final String HIDDEN = "*";

    private SmallCellSuppression() {
    }

    public static boolean isSmall(long count) {
        return count >= 1 && count < THRESHOLD;
    }

    /** An equation: {@code values[total] == sum of values[parts]}. */
    public record Equation(int total, int[] parts) {
    }

    /** Which values to hide. {@code values} are counts; equations index into it. */
    public static boolean[] suppress(long[] values, List<Equation> equations) {
        return suppress(values, equations, new boolean[values.length], new boolean[values.length]);
    }

    /**
     * Which values to hide, with some hidden from the start: {@code hiddenAlready} are published cells hidden by
     * a decision taken elsewhere (a linked table's total), {@code unpublished} are values that are never shown
     * and need no protection but take part in the equations (hidden, not counted as derivable).
     */
    public static boolean[] suppress(long[] values, List<Equation> equations, boolean[] hiddenAlready,
                                     boolean[] unpublished) {
        boolean[] hidden = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            hidden[i] = isSmall(values[i]) || hiddenAlready[i] || unpublished[i];
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Equation e : equations) {
                if (hiddenIn(e, hidden) == 1 && hidesOnlyProtected(e, hidden, unpublished)
                        && hideOneMore(values, hidden, e)) {
                    changed = true;
                }
            }
            for (Equation e : equations) {
                if (!hidden[e.total()] && hiddenPartsBelowThreshold(values, hidden, e)
                        && hideSmallestNonZeroPart(values, hidden, e)) {
                    changed = true;
                }
            }
            if (!changed) {
                int derivable = firstDerivable(values, hidden, equations, unpublished);
                if (derivable >= 0) {
                    for (Equation e : equations) {
                        if (contains(e, derivable) && hideOneMore(values, hidden, e)) {
                            changed = true;
                            break;
                        }
                    }
                }
            }
            if (!changed) {
                Equation pinned = firstPinned(values, hidden, equations, unpublished);
                if (pinned != null) {
                    changed = hideSmallestNonZeroPart(values, hidden, pinned);
                }
            }
            if (!changed) {
                int narrow = HiddenRanges.firstTooNarrow(values, hidden, unpublished, equations);
                if (narrow >= 0) {
                    changed = widen(values, hidden, equations, narrow);
                }
            }
        }
        for (int i = 0; i < values.length; i++) {
            hidden[i] &= !unpublished[i] || hiddenAlready[i];
        }
        return hidden;
    }

    /**
     * Hides the cell whose showing most narrowly bounds a hidden one: the smallest shown non-zero part of an
     * equation the hidden cell is in, else a shown total of one.
     */
    private static boolean widen(long[] values, boolean[] hidden, List<Equation> equations, int narrow) {
        int best = -1;
        for (Equation e : equations) {
            if (!contains(e, narrow)) {
                continue;
            }
            for (int p : e.parts()) {
                if (!hidden[p] && values[p] > 0 && (best < 0 || values[p] < values[best])) {
                    best = p;
                }
            }
        }
        if (best < 0) {
            for (Equation e : equations) {
                if (contains(e, narrow) && !hidden[e.total()]) {
                    best = e.total();
                    break;
                }
            }
        }
        if (best < 0) {
            return false;
        }
        hidden[best] = true;
        return true;
    }

    /** The equation's one hidden member is a published cell (an unpublished one alone gives nothing away). */
    private static boolean hidesOnlyProtected(Equation e, boolean[] hidden, boolean[] unpublished) {
        if (hidden[e.total()]) {
            return !unpublished[e.total()];
        }
        for (int p : e.parts()) {
            if (hidden[p]) {
                return !unpublished[p];
            }
        }
        return false;
    }

    /** Some parts hidden, adding up to something from 1 to 4: each of them would range over fewer values. */
    private static boolean hiddenPartsBelowThreshold(long[] values, boolean[] hidden, Equation e) {
        long sum = 0;
        boolean any = false;
        for (int p : e.parts()) {
            if (hidden[p]) {
                any = true;
                sum += values[p];
            }
        }
        return any && sum > 0 && sum < THRESHOLD;
    }

    /**
     * The first equation with a shown total in which a hidden small count is pinned to one value by what the
     * markers say ("&lt;5" is 1 to 4, a complementary "*" any count up to the rest): two "&lt;5" that share a rest
     * of 2 are both 1, and two that share a rest of 8 are both 4. Only equations that still have a shown
     * non-zero part to hide are answered, since hiding a zero adds no doubt. Null if there is none.
     */
    static Equation firstPinned(long[] values, boolean[] hidden, List<Equation> equations) {
        return firstPinned(values, hidden, equations, new boolean[values.length]);
    }

    private static Equation firstPinned(long[] values, boolean[] hidden, List<Equation> equations,
                                        boolean[] unpublished) {
        for (Equation e : equations) {
            if (hidden[e.total()] || !hasShownNonZeroPart(values, hidden, e)) {
                continue;
            }
            long rest = values[e.total()];
            List<Integer> hiddenParts = new ArrayList<>();
            for (int p : e.parts()) {
                if (hidden[p]) {
                    hiddenParts.add(p);
                } else {
                    rest -= values[p];
                }
            }
            for (int p : hiddenParts) {
                if (!isSmall(values[p]) || unpublished[p]) {
                    continue;
                }
                long othersLeast = 0;
                long othersMost = 0;
                for (int q : hiddenParts) {
                    if (q != p) {
                        boolean marked = isSmall(values[q]) && !unpublished[q];
                        othersLeast += marked ? 1 : 0;
                        othersMost += marked ? THRESHOLD - 1 : Math.max(0, rest);
                    }
                }
                long least = Math.max(1, rest - othersMost);
                long most = Math.min(THRESHOLD - 1, rest - othersLeast);
                if (least == most) {
                    return e;
                }
            }
        }
        return null;
    }

    private static boolean hasShownNonZeroPart(long[] values, boolean[] hidden, Equation e) {
        for (int p : e.parts()) {
            if (!hidden[p] && values[p] > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hideSmallestNonZeroPart(long[] values, boolean[] hidden, Equation e) {
        int best = -1;
        for (int p : e.parts()) {
            if (!hidden[p] && values[p] > 0 && (best < 0 || values[p] < values[best])) {
                best = p;
            }
        }
        if (best < 0) {
            return false;
        }
        hidden[best] = true;
        return true;
    }

    /** A list of cells and their total: the cells' flags, then the total's flag last. */
    public static boolean[] suppressLine(long[] cells, long total) {
        long[] values = Arrays.copyOf(cells, cells.length + 1);
        values[cells.length] = total;
        if (cells.length == 0) {
            return suppress(values, List.of());
        }
        int[] parts = new int[cells.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = i;
        }
        return suppress(values, List.of(new Equation(cells.length, parts)));
    }

    private static int hiddenIn(Equation e, boolean[] hidden) {
        int n = hidden[e.total()] ? 1 : 0;
        for (int p : e.parts()) {
            n += hidden[p] ? 1 : 0;
        }
        return n;
    }

    private static boolean contains(Equation e, int index) {
        if (e.total() == index) {
            return true;
        }
        for (int p : e.parts()) {
            if (p == index) {
                return true;
            }
        }
        return false;
    }

    /** Hides the smallest shown non-zero part, else any shown part, else the total; false if all are hidden. */
    private static boolean hideOneMore(long[] values, boolean[] hidden, Equation e) {
        int best = -1;
        for (int p : e.parts()) {
            if (!hidden[p] && values[p] > 0 && (best < 0 || values[p] < values[best])) {
                best = p;
            }
        }
        if (best < 0) {
            for (int p : e.parts()) {
                if (!hidden[p]) {
                    best = p;
                    break;
                }
            }
        }
        if (best < 0 && !hidden[e.total()]) {
            best = e.total();
        }
        if (best < 0) {
            return false;
        }
        hidden[best] = true;
        return true;
    }

    /**
     * The first hidden value an attacker can compute exactly from the shown ones, or -1. Each equation
     * becomes a row over the hidden values; a hidden value is derivable exactly when its unit vector lies
     * in the row space, found by Gaussian elimination.
     */
    static int firstDerivable(long[] values, boolean[] hidden, List<Equation> equations) {
        return firstDerivable(values, hidden, equations, new boolean[values.length]);
    }

    private static int firstDerivable(long[] values, boolean[] hidden, List<Equation> equations, boolean[] unpublished) {
        List<Integer> unknowns = new ArrayList<>();
        int[] column = new int[values.length];
        Arrays.fill(column, -1);
        for (int i = 0; i < values.length; i++) {
            if (hidden[i]) {
                column[i] = unknowns.size();
                unknowns.add(i);
            }
        }
        if (unknowns.isEmpty()) {
            return -1;
        }
        List<double[]> basis = reduce(RowEchelon.equationRows(equations, column, unknowns.size()), unknowns.size());
        for (int u = 0; u < unknowns.size(); u++) {
            if (unpublished[unknowns.get(u)]) {
                continue;
            }
            double[] unit = new double[unknowns.size()];
            unit[u] = 1;
            if (inSpan(basis, unit)) {
                return unknowns.get(u);
            }
        }
        return -1;
    }

    private static final double EPSILON = RowEchelon.EPSILON;

    /** Reduced row echelon form: each basis row has a leading 1 in a column where the others have 0. */
    private static List<double[]> reduce(List<double[]> input, int width) {
        return RowEchelon.of(input, width).basis;
    }

    private static boolean inSpan(List<double[]> basis, double[] vector) {
        double[] rest = vector.clone();
        for (double[] row : basis) {
            int lead = -1;
            for (int k = 0; k < row.length; k++) {
                if (Math.abs(row[k]) > EPSILON) {
                    lead = k;
                    break;
                }
            }
            if (lead >= 0 && Math.abs(rest[lead]) > EPSILON) {
                double f = rest[lead];
                for (int k = 0; k < row.length; k++) {
                    rest[k] -= f * row[k];
                }
            }
        }
        for (double v : rest) {
            if (Math.abs(v) > EPSILON) {
                return false;
            }
        }
        return true;
    }
}
