package org.reach.infections;

import org.reach.indicators.SmallCellSuppression;

/**
 * Care cascade steps nest: everyone at a step was at the one before. So two shown steps also show the people
 * between them (those who did not go on), and a hidden step between two shown ones lies between their counts.
 * Beyond what the indicator tables already hid, a later step is hidden while, for two neighbouring shown steps
 * that nest, the people between them are 1 to 4, or a hidden step lies between them and their difference is below
 * the threshold (the hidden step would range over fewer than five values, or be pinned when the difference is 0).
 * Pure: no state, no Spring.
 */
final class CascadeSuppression {

    private CascadeSuppression() {
    }

    /**
     * Which steps to hide. {@code counts} are the steps' true counts where shown (ignored where already hidden);
     * {@code nests[i]} says that step {@code i + 1} is a subset of step {@code i}.
     */
    static boolean[] hide(long[] counts, boolean[] hiddenAlready, boolean[] nests) {
        boolean[] hidden = hiddenAlready.clone();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int a = 0; a < counts.length && !changed; a++) {
                if (hidden[a]) {
                    continue;
                }
                boolean chained = true;
                boolean hiddenBetween = false;
                for (int b = a + 1; b < counts.length; b++) {
                    chained &= nests[b - 1];
                    if (!chained) {
                        break;
                    }
                    if (hidden[b]) {
                        hiddenBetween = true;
                        continue;
                    }
                    long between = counts[a] - counts[b];
                    boolean gives = SmallCellSuppression.isSmall(between)
                            || (hiddenBetween && between < SmallCellSuppression.THRESHOLD);
                    if (gives) {
                        hidden[b] = true;
                        changed = true;
                    }
                    break; // only the next shown step is a neighbour
                }
            }
        }
        return hidden;
    }
}
