package org.reach.clients.uic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reach.clients.uic.NearMatch.Kind.DAY_AND_MONTH_SWAPPED;
import static org.reach.clients.uic.NearMatch.Kind.ONE_CHARACTER_DIFFERENT;
import static org.reach.clients.uic.NearMatch.Kind.PARENTS_SWAPPED;
import static org.reach.clients.uic.UicScheme.PARENTS_ORDER_BIRTH_DATE;
import static org.reach.clients.uic.UicScheme.PARENTS_SEX_YEAR;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UicNearMatchesTest {

    @Test
    void oneCharacterDifferent() {
        assertThat(UicCodes.nearMatches(PARENTS_SEX_YEAR, "FAAHM89", List.of("FAAHF89", "FBAHM89", "FAAHM88", "KHSAM89")))
                .containsExactly(new NearMatch("FAAHF89", ONE_CHARACTER_DIFFERENT),
                        new NearMatch("FAAHM88", ONE_CHARACTER_DIFFERENT),
                        new NearMatch("FBAHM89", ONE_CHARACTER_DIFFERENT));
    }

    @Test
    void anAdjacentBirthYearCountsOnlyWhenItIsOneCharacterOff() {
        assertThat(UicCodes.nearMatches(PARENTS_SEX_YEAR, "FAAHM89", List.of("FAAHM88", "FAAHM90")))
                .containsExactly(new NearMatch("FAAHM88", ONE_CHARACTER_DIFFERENT));
        assertThat(UicCodes.nearMatches(PARENTS_SEX_YEAR, "FAAHM90", List.of("FAAHM89", "FAAHM91")))
                .containsExactly(new NearMatch("FAAHM91", ONE_CHARACTER_DIFFERENT));
    }

    @Test
    void parentsSwapped() {
        assertThat(UicCodes.nearMatches(PARENTS_SEX_YEAR, "FAAHM89", List.of("AHFAM89", "AHFAF89", "AHFAM89")))
                .containsExactly(new NearMatch("AHFAM89", PARENTS_SWAPPED));
        assertThat(UicCodes.nearMatches(PARENTS_ORDER_BIRTH_DATE, "FAAH0207051989", List.of("AHFA0207051989")))
                .containsExactly(new NearMatch("AHFA0207051989", PARENTS_SWAPPED));
    }

    @Test
    void dayAndMonthSwappedInTheLongCode() {
        assertThat(UicCodes.nearMatches(PARENTS_ORDER_BIRTH_DATE, "FAAH0207051989",
                List.of("FAAH0205071989", "FAAH0205071988", "FAAH0207061989")))
                .containsExactly(new NearMatch("FAAH0207061989", ONE_CHARACTER_DIFFERENT),
                        new NearMatch("FAAH0205071989", DAY_AND_MONTH_SWAPPED));
    }

    @Test
    void dayAndMonthAreNotSwappedInTheShortCode() {
        // the short scheme has no day or month: positions 6-9 do not exist there
        assertThat(UicCodes.nearMatches(PARENTS_SEX_YEAR, "FAAHM89", List.of("FAAH98M"))).isEmpty();
    }

    @Test
    void theCodeItselfDuplicatesAndOtherLengthsAreNotReported() {
        assertThat(UicCodes.nearMatches(PARENTS_SEX_YEAR, "faah-m89",
                List.of("FAAHM89", "FAAHM88", "FAAHM88", "FAAHM8", "FAAHM880", "FAAH0207051989")))
                .containsExactly(new NearMatch("FAAHM88", ONE_CHARACTER_DIFFERENT));
        assertThat(UicCodes.nearMatches(PARENTS_SEX_YEAR, "FAAHM89", new ArrayList<>(java.util.Arrays.asList(null, "FAAHM89"))))
                .isEmpty();
    }

    @Test
    void sameMotherAndFatherIsNotASwap() {
        assertThat(UicCodes.nearMatches(PARENTS_SEX_YEAR, "AAAAM89", List.of("AAAAM89"))).isEmpty();
        assertThat(UicCodes.nearMatches(PARENTS_ORDER_BIRTH_DATE, "FAAH0203031989", List.of("FAAH0203031989"))).isEmpty();
    }

    @Test
    void twentyThousandExistingCodesAgreeWithAPlainComparison() {
        Random random = new Random(20_000);
        for (UicScheme scheme : UicScheme.values()) {
            String code = scheme == PARENTS_SEX_YEAR ? "FAAHM89" : "FAAH0207051989";
            List<String> existing = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                existing.add(randomCode(random, scheme));
            }
            // plant every kind, some twice, and the code itself
            existing.add(code);
            existing.add(code.substring(0, 5) + "X" + code.substring(6));
            existing.add(code.substring(2, 4) + code.substring(0, 2) + code.substring(4));
            existing.add(code.substring(2, 4) + code.substring(0, 2) + code.substring(4));
            if (scheme == PARENTS_ORDER_BIRTH_DATE) {
                existing.add(code.substring(0, 6) + code.substring(8, 10) + code.substring(6, 8) + code.substring(10));
            }
            java.util.Collections.shuffle(existing, random);

            List<NearMatch> matches = UicCodes.nearMatches(scheme, code, existing);

            List<NearMatch> expected = new ArrayList<>();
            for (String candidate : new LinkedHashSet<>(existing)) {
                NearMatch.Kind kind = plainKind(scheme, code, candidate);
                if (kind != null) {
                    expected.add(new NearMatch(candidate, kind));
                }
            }
            assertThat(matches).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(matches).extracting(NearMatch::code).doesNotHaveDuplicates().doesNotContain(code);
            assertThat(matches).extracting(NearMatch::kind).contains(ONE_CHARACTER_DIFFERENT, PARENTS_SWAPPED);
            if (scheme == PARENTS_ORDER_BIRTH_DATE) {
                assertThat(matches).extracting(NearMatch::kind).contains(DAY_AND_MONTH_SWAPPED);
            }
            assertThat(matches).isSortedAccordingTo(java.util.Comparator.comparing(NearMatch::kind).thenComparing(NearMatch::code));
        }
    }

    /** The rules written out the slow way: build every variant and compare whole strings. */
    private static NearMatch.Kind plainKind(UicScheme scheme, String code, String candidate) {
        if (candidate.equals(code) || candidate.length() != code.length()) {
            return null;
        }
        int different = 0;
        for (int i = 0; i < code.length(); i++) {
            different += code.charAt(i) == candidate.charAt(i) ? 0 : 1;
        }
        if (different == 1) {
            return ONE_CHARACTER_DIFFERENT;
        }
        if (candidate.equals(code.substring(2, 4) + code.substring(0, 2) + code.substring(4))) {
            return PARENTS_SWAPPED;
        }
        if (scheme == PARENTS_ORDER_BIRTH_DATE
                && candidate.equals(code.substring(0, 6) + code.substring(8, 10) + code.substring(6, 8) + code.substring(10))) {
            return DAY_AND_MONTH_SWAPPED;
        }
        return null;
    }

    /** Random codes from a small alphabet so that near matches occur by chance too. */
    static String randomCode(Random random, UicScheme scheme) {
        String letters = "AFHK";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            code.append(letters.charAt(random.nextInt(letters.length())));
        }
        if (scheme == PARENTS_SEX_YEAR) {
            code.append("FM".charAt(random.nextInt(2))).append(String.format("%02d", 85 + random.nextInt(8)));
        } else {
            code.append(String.format("%02d%02d%02d%04d", 1 + random.nextInt(3), 1 + random.nextInt(12),
                    1 + random.nextInt(12), 1988 + random.nextInt(3)));
        }
        return code.toString();
    }

    @Test
    void oneCharacterDifferencesAreSymmetric() {
        Random random = new Random(7);
        Set<String> checked = new LinkedHashSet<>();
        for (int i = 0; i < 2_000; i++) {
            UicScheme scheme = UicScheme.values()[random.nextInt(2)];
            String a = randomCode(random, scheme);
            String b = randomCode(random, scheme);
            boolean ab = UicCodes.nearMatches(scheme, a, List.of(b)).contains(new NearMatch(b, ONE_CHARACTER_DIFFERENT));
            boolean ba = UicCodes.nearMatches(scheme, b, List.of(a)).contains(new NearMatch(a, ONE_CHARACTER_DIFFERENT));
            assertThat(ab).as("%s / %s", a, b).isEqualTo(ba);
            if (ab) {
                checked.add(a + b);
            }
            // and every single-character change of a is found from both sides
            char[] changed = a.toCharArray();
            int at = random.nextInt(changed.length);
            changed[at] = changed[at] == 'Z' ? 'Y' : 'Z';
            String c = new String(changed);
            assertThat(UicCodes.nearMatches(scheme, a, List.of(c))).containsExactly(new NearMatch(c, ONE_CHARACTER_DIFFERENT));
            assertThat(UicCodes.nearMatches(scheme, c, List.of(a))).containsExactly(new NearMatch(a, ONE_CHARACTER_DIFFERENT));
        }
        assertThat(checked).as("random pairs that were one character apart").isNotEmpty();
    }
}
