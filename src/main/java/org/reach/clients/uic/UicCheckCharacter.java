package org.reach.clients.uic;

/**
 * The check character of new codes: ISO/IEC 7064 MOD 37,36 (a hybrid system) over the code's own alphabet, digits
 * then letters, so the check is one more digit or letter. It catches every single mistyped character and nearly
 * every swap of two neighbours (docs/uic.md). A code is told to carry one by its length: the scheme's length plus
 * one. Codes registered before check characters were introduced keep the scheme's length and stay valid.
 */
public final class UicCheckCharacter {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int MODULUS = ALPHABET.length();

    private UicCheckCharacter() {
    }

    /** The check character of a normalised code body (digits and capital letters only). */
    public static char of(String body) {
        int product = MODULUS;
        for (int i = 0; i < body.length(); i++) {
            int value = ALPHABET.indexOf(body.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a code character at position " + (i + 1));
            }
            product = step(product, value);
        }
        return ALPHABET.charAt((MODULUS + 1 - product) % MODULUS);
    }

    /** Whether the last character of this code is the check character of the rest. */
    public static boolean matches(String code) {
        if (code == null || code.length() < 2) {
            return false;
        }
        String body = code.substring(0, code.length() - 1);
        if (!body.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return false;
        }
        return of(body) == code.charAt(code.length() - 1);
    }

    private static int step(int product, int value) {
        int sum = (product + value) % MODULUS;
        if (sum == 0) {
            sum = MODULUS;
        }
        return (sum * 2) % (MODULUS + 1);
    }
}
