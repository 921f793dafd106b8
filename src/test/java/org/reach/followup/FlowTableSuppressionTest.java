package org.reach.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.reach.HiddenCountBounds;
import org.reach.followup.store.FollowUpStore;
import org.reach.indicators.SmallCellSuppression;

/**
 * The flow table attacked as a coordinator would: every shown number, the row, column and grand totals, and what
 * "&lt;5" means, solved by linear programming. No hidden count may be pinned, and none may lie in a range narrower
 * than the threshold; no count of 1 to 4 is ever shown.
 */
class FlowTableSuppressionTest {

    private static final List<String> CITIES = List.of("Karachi", "Lahore", "Quetta", "Mombasa", "Nairobi");

    @Test
    void aSmallCellAloneInItsRowAndColumnTakesOthersWithIt() {
        List<FollowUpStore.Flow> flows = List.of(new FollowUpStore.Flow("Karachi", "Lahore", 3),
                new FollowUpStore.Flow("Karachi", "Quetta", 12), new FollowUpStore.Flow("Mombasa", "Lahore", 9),
                new FollowUpStore.Flow("Mombasa", "Quetta", 20));
        FlowTable table = Movements.table(2026, 2, flows);
        assertThat(table.cells().get(0).get(0)).isEqualTo(SmallCellSuppression.SMALL);
        attack(table);
    }

    @RepeatedTest(100)
    void noRandomTableGivesASmallCountAway(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition()); // each table reproducible by its number
        List<FollowUpStore.Flow> flows = new ArrayList<>();
        for (String from : CITIES) {
            for (String to : CITIES) {
                if (!from.equals(to) && random.nextInt(3) > 0) {
                    flows.add(new FollowUpStore.Flow(from, to, random.nextInt(3) == 0 ? 1 + random.nextInt(4)
                            : random.nextInt(25)));
                }
            }
        }
        attack(Movements.table(2026, 1, flows));
    }

    private static void attack(FlowTable table) {
        HiddenCountBounds lp = new HiddenCountBounds();
        int rows = table.fromCities().size();
        int columns = table.toCities().size();
        for (int i = 0; i < rows; i++) {
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < columns; j++) {
                String cell = "c" + i + "_" + j;
                lp.cell(cell, table.cells().get(i).get(j));
                parts.add(cell);
                assertThat(table.cells().get(i).get(j)).doesNotMatch("[1-4]");
            }
            lp.cell("r" + i, table.rowTotals().get(i));
            lp.sum("r" + i, parts);
        }
        List<String> rowTotals = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            rowTotals.add("r" + i);
        }
        List<String> columnTotals = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                parts.add("c" + i + "_" + j);
            }
            lp.cell("k" + j, table.columnTotals().get(j));
            lp.sum("k" + j, parts);
            columnTotals.add("k" + j);
        }
        if (rows > 0) {
            lp.cell("t", table.total());
            lp.sum("t", rowTotals);
            lp.sum("t", columnTotals);
        }
        List<String> problems = new ArrayList<>();
        for (HiddenCountBounds.Range r : lp.ranges(false)) {
            if (r.width() < SmallCellSuppression.THRESHOLD) {
                problems.add(r.cell() + " (" + r.shownAs() + ") lies in " + r.min() + ".." + r.max());
            }
        }
        for (HiddenCountBounds.Range r : lp.ranges(true)) {
            if (r.width() < 1e-6) {
                problems.add(r.cell() + " (" + r.shownAs() + ") is " + r.min() + " by its markers");
            }
        }
        assertThat(problems).as(table.toString()).isEmpty();
    }
}
