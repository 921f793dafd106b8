package org.reach.infections;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The steps hidden beyond the indicator tables' own decisions, on cascades worked out by hand. */
class CascadeSuppressionTest {

    private static final boolean[] NESTED = {true, true, true, true};

    @Test
    void aFewPeopleBetweenTwoShownStepsHideTheLaterStep() {
        // 7 - 5 = 2 antibody positives without RNA confirmed would be read off: the 5 is hidden
        boolean[] hidden = CascadeSuppression.hide(new long[] {12, 7, 5, 4, 3},
                new boolean[] {false, false, false, true, true}, NESTED);
        assertThat(hidden).containsExactly(false, false, true, true, true);
    }

    @Test
    void aHiddenStepBetweenShownStepsMustRangeOverAtLeastFiveValues() {
        // 40 shown, 3 hidden (<5), then 0: fine; 40 shown, * hidden, 38 shown: the hidden one lies in 38..40
        assertThat(CascadeSuppression.hide(new long[] {40, 3, 0, 0, 0}, new boolean[] {false, true, false, false, false},
                NESTED)).containsExactly(false, true, false, false, false);
        assertThat(CascadeSuppression.hide(new long[] {40, 39, 38, 20, 10},
                new boolean[] {false, true, false, false, false}, NESTED))
                .containsExactly(false, true, true, false, false);
        // equal counts on both sides of a hidden step would pin it
        assertThat(CascadeSuppression.hide(new long[] {30, 30, 30, 10, 10},
                new boolean[] {false, true, false, false, false}, NESTED))
                .containsExactly(false, true, true, false, false);
    }

    @Test
    void largeDropsAndNoDropsAreShown() {
        assertThat(CascadeSuppression.hide(new long[] {200, 100, 60, 40, 35}, new boolean[5], NESTED))
                .containsExactly(false, false, false, false, false);
        assertThat(CascadeSuppression.hide(new long[] {20, 20, 20, 0, 0}, new boolean[5], NESTED))
                .containsExactly(false, false, false, false, false);
    }

    @Test
    void hidingOneStepChecksTheNextPairAgain() {
        // 50 - 48 = 2 hides 48; then 50 and 46 with a hidden step between differ by 4: 46 is hidden too
        assertThat(CascadeSuppression.hide(new long[] {50, 48, 46, 20, 10}, new boolean[5], NESTED))
                .containsExactly(false, true, true, false, false);
    }

    @Test
    void stepsThatDoNotNestAreNotCompared() {
        // HIV: people who know they are positive include those diagnosed before the period
        assertThat(CascadeSuppression.hide(new long[] {100, 98, 60, 50}, new boolean[4],
                new boolean[] {true, false, true})).containsExactly(false, true, false, false);
        assertThat(CascadeSuppression.hide(new long[] {100, 90, 93, 50}, new boolean[4],
                new boolean[] {true, false, true})).containsExactly(false, false, false, false);
    }
}
