package org.reach.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A constructed case whose answer is known by hand. MEWA (1) is weak in human rights (1) and harm reduction (2)
 * and strong in advocacy (4):
 * <ul>
 *     <li>Mainline (2): rights 4, harm reduction 4 → benefit (4−1)+(4−2) = 5; advocacy 4, no mutual benefit</li>
 *     <li>Nai Zindagi (3): rights 2 (no match), harm reduction 4 → benefit 2; advocacy 2 → mutual 2</li>
 *     <li>Sister (4): rights 4, harm reduction 3 → benefit 3+1 = 4; advocacy 1 → mutual 3</li>
 *     <li>Twin (5): rights 3, harm reduction 4 → benefit 2+2 = 4; advocacy 2 → mutual 2 (loses the tie to Sister)</li>
 *     <li>Weakling (6): scores 2 everywhere → never suggested; MEWA itself never suggested</li>
 * </ul>
 * Expected order: Mainline, Sister, Twin, Nai Zindagi.
 */
class TwinningMatcherTest {

    private static Map<String, Double> scores(double rights, double harmReduction, double advocacy) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("HUMAN_RIGHTS", rights);
        map.put("HARM_REDUCTION", harmReduction);
        map.put("ADVOCACY", advocacy);
        return map;
    }

    @Test
    void partnersStrongWhereTheLearnerIsWeakAreRankedByBenefitThenByMutualBenefit() {
        Map<String, Double> mewa = scores(1, 2, 4);
        Map<Long, Map<String, Double>> others = new LinkedHashMap<>();
        others.put(1L, mewa);
        others.put(3L, scores(2, 4, 2));
        others.put(5L, scores(3, 4, 2));
        others.put(2L, scores(4, 4, 4));
        others.put(6L, scores(2, 2, 2));
        others.put(4L, scores(4, 3, 1));

        List<TwinningMatcher.Match> matches = TwinningMatcher.match(1L, mewa, others);

        assertThat(matches).extracting(TwinningMatcher.Match::candidateId).containsExactly(2L, 4L, 5L, 3L);
        assertThat(matches.get(0).benefit()).isEqualTo(5.0);
        assertThat(matches.get(0).domains()).containsExactly("HUMAN_RIGHTS", "HARM_REDUCTION");
        assertThat(matches.get(0).mutualBenefit()).isZero();
        assertThat(matches.get(1).benefit()).isEqualTo(4.0);
        assertThat(matches.get(1).mutualBenefit()).isEqualTo(3.0);
        assertThat(matches.get(1).backward()).containsExactly(new TwinningMatcher.DomainPair("ADVOCACY", 4.0, 1.0));
        assertThat(matches.get(3).domains()).as("Nai Zindagi is not strong in rights").containsExactly("HARM_REDUCTION");
    }

    @Test
    void withoutDomainsAtTwoOrLessTheTwoLowestDomainsAreWeak() {
        Map<String, Double> learner = new LinkedHashMap<>();
        learner.put("GOVERNANCE", 4.0);
        learner.put("FINANCE", 3.0);
        learner.put("MONITORING", 2.5);
        learner.put("ADVOCACY", 3.5);
        assertThat(TwinningMatcher.weakDomains(learner)).containsExactly("MONITORING", "FINANCE");

        Map<Long, Map<String, Double>> others = Map.of(7L, Map.of("MONITORING", 3.0, "FINANCE", 3.0));
        List<TwinningMatcher.Match> matches = TwinningMatcher.match(1L, learner, others);
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.domains()).as("an equal score adds nothing").containsExactly("MONITORING");
            assertThat(m.benefit()).isEqualTo(0.5);
        });
    }

    @Test
    void aPartnerWithoutScoresGetsNoSuggestions() {
        assertThat(TwinningMatcher.match(1L, Map.of(), Map.of(2L, scores(4, 4, 4)))).isEmpty();
    }
}
