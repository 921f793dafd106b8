package org.reach.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The cluster rule on constructed cases: three or more overdoses at one place within 72 hours. */
class OverdoseClustersTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 3, 10, 20, 0);
    private long ids;

    private OverdoseReport at(String hotspot, Long siteId, LocalDateTime when) {
        return new OverdoseReport(++ids, "u" + ids, 1, when, siteId, hotspot, null, null, null, null, null, null,
                Set.of(), Set.of(), 1, Set.of(NaloxoneGiver.PEER), true, null, Set.of(), Outcome.SURVIVED, null, 7, null,
                null, Instant.EPOCH, false);
    }

    @Test
    void twoOverdosesWithin72HoursAreNoCluster() {
        assertThat(Clusters.find(List.of(at("Graveyard", 1L, T), at("Graveyard", 1L, T.plusHours(5))))).isEmpty();
    }

    @Test
    void threeOverdosesWithin72HoursAtOneHotspotAreOneCluster() {
        List<OverdoseCluster> found = Clusters.find(List.of(at("Graveyard", 1L, T), at("graveyard ", 2L, T.plusHours(30)),
                at("GRAVEYARD", null, T.plusHours(72))));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).size()).isEqualTo(3);
        assertThat(found.get(0).siteIds()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(found.get(0).first()).isEqualTo(T);
        assertThat(found.get(0).last()).isEqualTo(T.plusHours(72));
    }

    @Test
    void threeOverdosesSpreadOverFourDaysAreNoCluster() {
        assertThat(Clusters.find(List.of(at("Graveyard", 1L, T), at("Graveyard", 1L, T.plusHours(48)),
                at("Graveyard", 1L, T.plusHours(96))))).isEmpty();
        assertThat(Clusters.find(List.of(at("Graveyard", 1L, T), at("Graveyard", 1L, T.plusHours(36)),
                at("Graveyard", 1L, T.plusHours(72).plusMinutes(1))))).as("one minute too late").isEmpty();
    }

    @Test
    void threeOverdosesAtDifferentHotspotsAreNoCluster() {
        assertThat(Clusters.find(List.of(at("Graveyard", 1L, T), at("Railway bridge", 1L, T.plusHours(1)),
                at("Bus terminal", 1L, T.plusHours(2))))).isEmpty();
    }

    @Test
    void withoutAHotspotTheSiteIsThePlaceAndAPointAloneIsNone() {
        assertThat(Clusters.find(List.of(at(null, 1L, T), at(null, 1L, T.plusHours(1)), at(null, 1L, T.plusHours(2)))))
                .hasSize(1);
        assertThat(Clusters.find(List.of(at(null, 1L, T), at(null, 2L, T.plusHours(1)), at(null, 1L, T.plusHours(2)))))
                .isEmpty();
        assertThat(Clusters.find(List.of(at(null, null, T), at(null, null, T.plusHours(1)), at(null, null, T.plusHours(2)))))
                .isEmpty();
    }

    @Test
    void aFourthOverdoseExtendsTheClusterAndALaterOneStartsAnother() {
        List<OverdoseReport> reports = new ArrayList<>(List.of(at("Graveyard", 1L, T), at("Graveyard", 1L, T.plusHours(10)),
                at("Graveyard", 1L, T.plusHours(20)), at("Graveyard", 1L, T.plusHours(60))));
        assertThat(Clusters.find(reports)).hasSize(1);
        assertThat(Clusters.find(reports).get(0).size()).isEqualTo(4);
        reports.addAll(List.of(at("Graveyard", 1L, T.plusDays(10)), at("Graveyard", 1L, T.plusDays(10).plusHours(1)),
                at("Graveyard", 1L, T.plusDays(11))));
        assertThat(Clusters.find(reports)).hasSize(2);
    }
}
