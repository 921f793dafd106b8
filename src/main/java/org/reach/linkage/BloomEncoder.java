package org.reach.linkage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptographic long-term key (CLK) of a person: a 1,024-bit Bloom filter held as 16 {@code long}s. Each field is
 * split into padded character bigrams (plus a consonant skeleton of names, which absorbs spelling and transliteration
 * variants), and each token sets {@code k} bits chosen by keyed double hashing: {@code h1 + i·h2} with h1 and h2 from
 * HMAC-SHA256 under two keys derived from the programme secret. Tokens are tagged with their field, so the same bigram
 * in two fields sets different bits. The filter is built at 2,048 bits and XOR-folded to 1,024 (hardening against
 * pattern mining, see docs/linkage.md). Parameters are in docs/linkage.md; changing any of them means encoding
 * everyone again.
 */
final class BloomEncoder {

    static final int BITS = 1024;
    static final int WORDS = BITS / 64;
    private static final int BUILD_BITS = 2 * BITS;
    private static final int CACHE_LIMIT = 200_000;

    /** Bits per token (k) by field: longer, more reliable fields weigh more. */
    static final int K_PARENT = 10;
    static final int K_OWN = 8;
    static final int K_SKELETON = 6;
    static final int K_SEX = 6;
    static final int K_YEAR = 8;
    static final int K_DAY_MONTH = 8;
    static final int K_DAY_OR_MONTH = 4;
    static final int K_BASIC_LETTERS = 20;
    static final int K_BASIC_SEX = 10;
    static final int K_BASIC_YEAR = 15;

    private final byte[] key1;
    private final byte[] key2;
    private final boolean fold;
    private final Map<String, int[]> positions = new ConcurrentHashMap<>();

    BloomEncoder(byte[] secret) {
        this(secret, true);
    }

    BloomEncoder(byte[] secret, boolean fold) {
        this.key1 = hmac(secret, "reach-linkage-h1".getBytes(StandardCharsets.UTF_8));
        this.key2 = hmac(secret, "reach-linkage-h2".getBytes(StandardCharsets.UTF_8));
        this.fold = fold;
    }

    long[] encode(EncodingInput input) {
        long[] built = new long[BUILD_BITS / 64];
        for (Token token : tokens(input)) {
            for (int position : positions(token)) {
                built[position >>> 6] |= 1L << position;
            }
        }
        long[] filter = new long[WORDS];
        for (int w = 0; w < WORDS; w++) {
            filter[w] = fold ? built[w] ^ built[w + WORDS] : built[w] | built[w + WORDS];
        }
        return filter;
    }

    record Token(String field, String value, int k) {
    }

    static List<Token> tokens(EncodingInput input) {
        List<Token> tokens = new ArrayList<>();
        if (input.kind() == EncodingInput.Kind.BASIC) {
            bigrams(tokens, "bm", input.mother(), K_BASIC_LETTERS);
            bigrams(tokens, "bf", input.father(), K_BASIC_LETTERS);
            if (input.sex() != null) {
                tokens.add(new Token("bs", input.sex(), K_BASIC_SEX));
            }
            if (input.birthYear() != null) {
                bigrams(tokens, "by", String.format("%02d", input.birthYear() % 100), K_BASIC_YEAR);
            }
            return tokens;
        }
        name(tokens, "m", input.mother(), K_PARENT);
        name(tokens, "f", input.father(), K_PARENT);
        name(tokens, "o", input.ownFirst(), K_OWN);
        name(tokens, "l", input.ownLast(), K_OWN);
        if (input.sex() != null) {
            tokens.add(new Token("s", input.sex(), K_SEX));
        }
        if (input.birthYear() != null) {
            bigrams(tokens, "y", Integer.toString(input.birthYear()), K_YEAR);
        }
        Integer month = input.birthMonth();
        Integer day = input.birthDay();
        if (month != null && day != null) {
            // Unordered, so a day and month written the other way round still agree on these bits.
            tokens.add(new Token("dm", Math.min(month, day) + "/" + Math.max(month, day), K_DAY_MONTH));
        }
        if (month != null) {
            tokens.add(new Token("mo", month.toString(), K_DAY_OR_MONTH));
        }
        if (day != null) {
            tokens.add(new Token("da", day.toString(), K_DAY_OR_MONTH));
        }
        return tokens;
    }

    private static void name(List<Token> tokens, String field, String letters, int k) {
        if (letters == null || letters.isEmpty()) {
            return;
        }
        bigrams(tokens, field, letters, k);
        bigrams(tokens, field + "k", skeleton(letters), K_SKELETON);
    }

    private static void bigrams(List<Token> tokens, String field, String value, int k) {
        if (value == null || value.isEmpty()) {
            return;
        }
        String padded = "_" + value + "_";
        for (int i = 0; i + 2 <= padded.length(); i++) {
            tokens.add(new Token(field, padded.substring(i, i + 2), k));
        }
    }

    /**
     * The consonants of a name in order, doubled letters once: Muhammad, Mohammed, Mohamad and محمد (MHMD) all give
     * MHMD, Hussain and Husain give HSN, while Wanjiku (WNJK) and Wanjiru (WNJR) stay apart.
     */
    static String skeleton(String letters) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            boolean vowel = "AEIOUYW".indexOf(c) >= 0;
            if (i > 0 && vowel) {
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) == c) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private int[] positions(Token token) {
        String key = token.field() + ':' + token.value() + ':' + token.k();
        int[] known = positions.get(key);
        if (known != null) {
            return known;
        }
        byte[] message = (token.field() + ':' + token.value()).getBytes(StandardCharsets.UTF_8);
        long h1 = firstLong(hmac(key1, message));
        long h2 = firstLong(hmac(key2, message)) | 1L; // odd, so the k positions differ
        int[] result = new int[token.k()];
        for (int i = 0; i < token.k(); i++) {
            result[i] = (int) Math.floorMod(h1 + i * h2, (long) BUILD_BITS);
        }
        if (positions.size() < CACHE_LIMIT) {
            positions.put(key, result);
        }
        return result;
    }

    private static long firstLong(byte[] bytes) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "BloomEncoder[key redacted]";
    }
}
