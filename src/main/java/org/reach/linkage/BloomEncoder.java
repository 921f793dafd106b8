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

    private final ThreadLocal<Mac> mac1;
    private final ThreadLocal<Mac> mac2;
    private final boolean fold;
    private final Map<String, int[]> positions = new ConcurrentHashMap<>();

    BloomEncoder(byte[] secret) {
        this(secret, true);
    }

    BloomEncoder(byte[] secret, boolean fold) {
        byte[] key1 = hmac(secret, "reach-linkage-h1".getBytes(StandardCharsets.UTF_8));
        byte[] key2 = hmac(secret, "reach-linkage-h2".getBytes(StandardCharsets.UTF_8));
        this.mac1 = ThreadLocal.withInitial(() -> mac(key1));
        this.mac2 = ThreadLocal.withInitial(() -> mac(key2));
        this.fold = fold;
    }

    long[] encode(EncodingInput input) {
        long[] built = new long[BUILD_BITS / 64];
        for (Part part : parts(input)) {
            for (int position : positions(part)) {
                built[position >>> 6] |= 1L << position;
            }
        }
        return folded(built);
    }

    private long[] folded(long[] built) {
        long[] filter = new long[WORDS];
        for (int w = 0; w < WORDS; w++) {
            filter[w] = fold ? built[w] ^ built[w + WORDS] : built[w] | built[w + WORDS];
        }
        return filter;
    }

    record Token(String field, String value, int k) {
    }

    /** One field's value; its tokens and their bit positions are computed once per value and kept. */
    private record Part(String field, String value) {
    }

    private static List<Part> parts(EncodingInput input) {
        List<Part> parts = new ArrayList<>(8);
        boolean basic = input.kind() == EncodingInput.Kind.BASIC;
        add(parts, basic ? "bm" : "m", input.mother());
        add(parts, basic ? "bf" : "f", input.father());
        add(parts, "o", input.ownFirst());
        add(parts, "l", input.ownLast());
        add(parts, basic ? "bs" : "s", input.sex());
        add(parts, basic ? "by" : "y", input.birthYear() == null ? null
                : basic ? String.format("%02d", input.birthYear() % 100) : input.birthYear().toString());
        if (!basic && input.birthMonth() != null && input.birthDay() != null) {
            add(parts, "dm", Math.min(input.birthMonth(), input.birthDay()) + "/"
                    + Math.max(input.birthMonth(), input.birthDay()));
        }
        if (!basic) {
            add(parts, "mo", input.birthMonth() == null ? null : input.birthMonth().toString());
            add(parts, "da", input.birthDay() == null ? null : input.birthDay().toString());
        }
        return parts;
    }

    private static void add(List<Part> parts, String field, String value) {
        if (value != null && !value.isEmpty()) {
            parts.add(new Part(field, value));
        }
    }

    /** The tokens of one part, as {@link #tokens(EncodingInput)} lists them. */
    private static List<Token> tokens(Part part) {
        List<Token> tokens = new ArrayList<>();
        String value = part.value();
        switch (part.field()) {
            case "bm", "bf" -> bigrams(tokens, part.field(), value, K_BASIC_LETTERS);
            case "bs" -> tokens.add(new Token("bs", value, K_BASIC_SEX));
            case "by" -> bigrams(tokens, "by", value, K_BASIC_YEAR);
            case "m", "f" -> name(tokens, part.field(), value, K_PARENT);
            case "o", "l" -> name(tokens, part.field(), value, K_OWN);
            case "s" -> tokens.add(new Token("s", value, K_SEX));
            case "y" -> bigrams(tokens, "y", value, K_YEAR);
            case "dm" -> tokens.add(new Token("dm", value, K_DAY_MONTH));
            case "mo" -> tokens.add(new Token("mo", value, K_DAY_OR_MONTH));
            case "da" -> tokens.add(new Token("da", value, K_DAY_OR_MONTH));
            default -> throw new IllegalArgumentException("unknown field " + part.field());
        }
        return tokens;
    }

    /** Every token of an input with its field and k (for the documentation and tests). */
    static List<Token> tokens(EncodingInput input) {
        List<Token> tokens = new ArrayList<>();
        parts(input).forEach(part -> tokens.addAll(tokens(part)));
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

    private int[] positions(Part part) {
        String key = part.field() + ':' + part.value();
        int[] known = positions.get(key);
        if (known != null) {
            return known;
        }
        List<int[]> each = new ArrayList<>();
        int total = 0;
        for (Token token : tokens(part)) {
            int[] one = positions(token);
            each.add(one);
            total += one.length;
        }
        int[] all = new int[total];
        int at = 0;
        for (int[] one : each) {
            System.arraycopy(one, 0, all, at, one.length);
            at += one.length;
        }
        if (positions.size() < CACHE_LIMIT) {
            positions.put(key, all);
        }
        return all;
    }

    private int[] positions(Token token) {
        byte[] message = (token.field() + ':' + token.value()).getBytes(StandardCharsets.UTF_8);
        long h1 = firstLong(mac1.get().doFinal(message));
        long h2 = firstLong(mac2.get().doFinal(message)) | 1L; // odd, so the k positions differ
        int[] result = new int[token.k()];
        for (int i = 0; i < token.k(); i++) {
            result[i] = (int) Math.floorMod(h1 + i * h2, (long) BUILD_BITS);
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
        return mac(key).doFinal(message);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "BloomEncoder[key redacted]";
    }
}
