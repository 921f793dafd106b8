package org.reach.clients.uic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reach.clients.Gender;
import org.reach.platform.InvalidInput;

/** Properties checked over many generated inputs, each run with a fixed seed so a failure repeats. */
class UicPropertiesTest {

    private static final String[] NAME_PIECES = {
            "Fatima", "Ahmed", "Émilie", "Zoë", "de la Cruz", "O'Brien", "Ngʼangʼa", "Jean-Luc", "ßarah", "Øystein",
            "فاطمہ", "عمران", "محمد", "بھٹو", "ژالہ", "گل‌بانو", "ع", "A", " ", "-", "ﻣﺤﻤﺪ", "مُحَمَّد", "Łukasz"};

    private static String randomName(Random random) {
        if (random.nextInt(6) == 0) {
            return random.nextBoolean() ? null : "";
        }
        StringBuilder name = new StringBuilder();
        int pieces = 1 + random.nextInt(2);
        for (int i = 0; i < pieces; i++) {
            name.append(NAME_PIECES[random.nextInt(NAME_PIECES.length)]);
        }
        return name.toString();
    }

    private static Integer maybe(Random random, int from, int to) {
        return random.nextInt(5) == 0 ? null : from + random.nextInt(to - from + 1);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void validComponentsGiveWellFormedCodes(long seed) {
        Random random = new Random(seed);
        int made = 0;
        for (int i = 0; i < 3_000; i++) {
            Integer month = maybe(random, 1, 12);
            Integer year = maybe(random, 1920, 2026);
            Integer day = maybe(random, 1, month == null ? 31 : java.time.YearMonth.of(year == null ? 2000 : year, month).lengthOfMonth());
            UicComponents components = new UicComponents(randomName(random), randomName(random), randomName(random),
                    randomName(random), Gender.values()[random.nextInt(Gender.values().length)], year, month, day,
                    maybe(random, 1, 20));
            for (UicScheme scheme : UicScheme.values()) {
                try {
                    UicExplanation explained = UicCodes.explain(scheme, components, Year.of(2026));
                    assertThat(UicCodes.isWellFormed(scheme, explained.code())).as(explained.code()).isTrue();
                    assertThat(UicCodes.generate(scheme, components)).isEqualTo(explained.code());
                    assertThat(String.join("", explained.parts().stream().map(UicExplanation.Part::characters).toList()))
                            .isEqualTo(explained.code());
                    assertThat(UicCodes.normalise(explained.code())).isEqualTo(explained.code());
                    made++;
                } catch (InvalidInput refused) {
                    // only the names can be refused here, and only for a reason the rules give
                    assertThat(refused.problems()).allSatisfy(problem -> assertThat(problem.field())
                            .isIn("motherFirstName", "fatherFirstName", "ownFirstName", "ownLastName"));
                    assertThat(refused.problems()).allSatisfy(problem -> assertThat(problem.messageKey())
                            .isIn("uic.needsLetters", "uic.motherUnknownNeedsOwnFirstName", "uic.fatherUnknownNeedsOwnLastName"));
                }
            }
        }
        assertThat(made).isGreaterThan(3_000);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void nameNormalisationIsIdempotentAndGivesOnlyCapitals(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            String name = randomText(random);
            String letters;
            try {
                letters = UicCodes.normaliseName("motherFirstName", name);
            } catch (InvalidInput refused) {
                assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.messageKey())
                        .isIn("uic.digitsInName", "uic.unsupportedScript", "uic.unknownArabicLetter"));
                continue;
            }
            assertThat(letters).matches("[A-Z]*");
            assertThat(UicCodes.normaliseName("motherFirstName", letters)).isEqualTo(letters);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void codeNormalisationIsIdempotent(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            String once = UicCodes.normalise(randomText(random));
            assertThat(UicCodes.normalise(once)).isEqualTo(once);
        }
    }

    /** Text drawn from Latin, accented Latin, Arabic script, Cyrillic, digits, spaces and punctuation. */
    private static String randomText(Random random) {
        int[][] ranges = {{'a', 'z'}, {'A', 'Z'}, {0x00C0, 0x017F}, {0x0621, 0x064A}, {0x0670, 0x06D3}, {0x064B, 0x0652},
                {0xFE70, 0xFEFC}, {0x0410, 0x044F}, {'0', '9'}, {' ', '/'}, {0x2018, 0x201D}};
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int[] range = ranges[random.nextInt(ranges.length)];
            text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return text.toString();
    }
}
