package org.reach.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The microplan's rules on cases worked out by hand: a hotspot's syringe need and gap, a peer's contact target. */
class MicroplanOnConstructedCasesTest {

    private static final Microplans.Targets WEEKLY_AND_MONTHLY = new Microplans.Targets(4, 1, 2);

    @Test
    void aHotspotNeedsItsPeopleWhoInjectTimesInjectionsADayTimesThirtyDays() {
        HotspotNeed need = Microplans.need(1, "Graveyard", 40L, 20L, 300, 2, List.of(7L));
        assertThat(need.syringesNeeded()).isEqualTo(20 * 2 * 30);
        assertThat(need.gap()).isEqualTo(900);
        assertThat(Microplans.need(1, "Graveyard", 40L, 20L, 5000, 2, List.of()).gap()).as("never below zero").isZero();
        HotspotNeed unknown = Microplans.need(2, "Bridge", null, null, 50, 2, List.of());
        assertThat(unknown.syringesNeeded()).isNull();
        assertThat(unknown.gap()).isNull();
        assertThat(unknown.syringesGiven()).isEqualTo(50);
    }

    @Test
    void aPeersTargetSharesEachHotspotsPeopleAmongThePeersCoveringIt() {
        Map<Long, long[]> sizes = Map.of(1L, new long[] {40, 20}, 2L, new long[] {10, 0}, 3L, new long[] {99, 99});
        Map<Long, Set<Long>> peers = Map.of(1L, Set.of(7L, 8L), 2L, Set.of(7L), 4L, Set.of(7L));
        // hotspot 1: (20 × 4 + 20 × 1) / 2 peers = 50; hotspot 2: 10 × 1 = 10; hotspot 4 has no estimate; 3 is not theirs
        assertThat(Microplans.target(7, peers, sizes, WEEKLY_AND_MONTHLY)).isEqualTo(60);
        assertThat(Microplans.target(8, peers, sizes, WEEKLY_AND_MONTHLY)).isEqualTo(50);
        assertThat(Microplans.target(9, peers, sizes, WEEKLY_AND_MONTHLY)).isZero();
        // more people who inject than people (estimates disagree): the injecting count is capped at the total
        assertThat(Microplans.target(7, Map.of(5L, Set.of(7L)), Map.of(5L, new long[] {10, 15}), WEEKLY_AND_MONTHLY))
                .isEqualTo(40);
    }
}
