package org.reach.clients.uic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The check character of new codes catches every single mistyped character of a code, and nearly every swap of two
 * neighbours; codes without a check character (registered before) stay well formed.
 */
class CheckCharacterCatchesTypingErrorsTest {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void everySingleCharacterSubstitutionIsCaught() {
        long tried = 0;
        for (String code : newCodes()) {
            assertThat(UicCheckCharacter.matches(code)).as(code).isTrue();
            for (int i = 0; i < code.length(); i++) {
                for (char other : UicCheckCharacter.ALPHABET.toCharArray()) {
                    if (other == code.charAt(i)) {
                        continue;
                    }
                    String typed = code.substring(0, i) + other + code.substring(i + 1);
                    assertThat(UicCheckCharacter.matches(typed)).as(code + " typed as " + typed).isFalse();
                    tried++;
                }
            }
        }
        assertThat(tried).isGreaterThan(500_000);
    }

    @Test
    void nearlyEverySwapOfNeighboursIsCaught() {
        int swaps = 0;
        int caught = 0;
        for (String code : newCodes()) {
            for (int i = 0; i + 1 < code.length(); i++) {
                if (code.charAt(i) == code.charAt(i + 1)) {
                    continue;
                }
                String typed = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                swaps++;
                if (!UicCheckCharacter.matches(typed)) {
                    caught++;
                }
            }
        }
        assertThat((double) caught / swaps).as("share of neighbour swaps caught").isGreaterThan(0.99);
    }

    @Test
    void newAndOldCodesAreToldApartByLength() {
        String body = "FAAHM89";
        String code = UicCodes.withCheckCharacter(body);
        assertThat(code).hasSize(8).startsWith(body);
        assertThat(UicCodes.hasCheckCharacter(UicScheme.PARENTS_SEX_YEAR, code)).isTrue();
        assertThat(UicCodes.hasCheckCharacter(UicScheme.PARENTS_SEX_YEAR, body)).isFalse();
        assertThat(UicCodes.isWellFormedWithOrWithoutCheck(UicScheme.PARENTS_SEX_YEAR, body)).isTrue();
        assertThat(UicCodes.isWellFormedWithOrWithoutCheck(UicScheme.PARENTS_SEX_YEAR, code)).isTrue();
        assertThat(UicCodes.bodyOf(UicScheme.PARENTS_SEX_YEAR, code)).isEqualTo(body);
        String wrong = "FAAHM88" + code.charAt(7);
        assertThat(UicCodes.isCheckCharacterWrong(UicScheme.PARENTS_SEX_YEAR, wrong)).isTrue();
        assertThat(UicCodes.isWellFormedWithOrWithoutCheck(UicScheme.PARENTS_SEX_YEAR, wrong)).isFalse();

        String fourteen = UicCodes.withCheckCharacter("FAAH0207051989");
        assertThat(UicCodes.isWellFormedWithOrWithoutCheck(UicScheme.PARENTS_ORDER_BIRTH_DATE, fourteen)).isTrue();
        assertThat(UicCodes.isWellFormedWithOrWithoutCheck(UicScheme.PARENTS_ORDER_BIRTH_DATE, "FAAH0207051989")).isTrue();
    }

    /** Two thousand codes of each scheme's shape, with their check characters. */
    private static List<String> newCodes() {
        Random random = new Random(37);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder seven = new StringBuilder();
            for (int j = 0; j < 4; j++) {
                seven.append(LETTERS.charAt(random.nextInt(26)));
            }
            seven.append("FMTRX".charAt(random.nextInt(5))).append(String.format("%02d", random.nextInt(100)));
            codes.add(UicCodes.withCheckCharacter(seven.toString()));
            if (i % 10 == 0) {
                codes.add(UicCodes.withCheckCharacter(seven.substring(0, 4)
                        + String.format("%02d%02d%02d%04d", 1 + random.nextInt(20), 1 + random.nextInt(12),
                        1 + random.nextInt(28), 1950 + random.nextInt(60))));
            }
        }
        return codes;
    }
}
