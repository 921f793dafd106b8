package org.reach.linkage;

/**
 * The comparison kernel: Dice coefficient {@code 2|a∧b| / (|a| + |b|)} of 1,024-bit encodings stored back to back in
 * one {@code long[]} (16 words each), with each encoding's popcount computed once. The threshold test is done in whole
 * numbers ({@code 2000·common ≥ t‰·(|a|+|b|)}), so the inner loop is 16 ANDs, 16 popcounts and no division. The loop
 * is unrolled by hand: C2 turns {@link Long#bitCount} into one POPCNT instruction each.
 */
final class DiceKernel {

    static final int WORDS = BloomEncoder.WORDS;

    private DiceKernel() {
    }

    /** Bits set in each encoding. */
    static int[] popcounts(long[] filters, int count) {
        int[] counts = new int[count];
        for (int i = 0; i < count; i++) {
            int c = 0;
            int base = i * WORDS;
            for (int w = 0; w < WORDS; w++) {
                c += Long.bitCount(filters[base + w]);
            }
            counts[i] = c;
        }
        return counts;
    }

    /** Bits set in both encodings, given their offsets (index × 16). */
    static int common(long[] a, int offsetA, long[] b, int offsetB) {
        return Long.bitCount(a[offsetA] & b[offsetB])
                + Long.bitCount(a[offsetA + 1] & b[offsetB + 1])
                + Long.bitCount(a[offsetA + 2] & b[offsetB + 2])
                + Long.bitCount(a[offsetA + 3] & b[offsetB + 3])
                + Long.bitCount(a[offsetA + 4] & b[offsetB + 4])
                + Long.bitCount(a[offsetA + 5] & b[offsetB + 5])
                + Long.bitCount(a[offsetA + 6] & b[offsetB + 6])
                + Long.bitCount(a[offsetA + 7] & b[offsetB + 7])
                + Long.bitCount(a[offsetA + 8] & b[offsetB + 8])
                + Long.bitCount(a[offsetA + 9] & b[offsetB + 9])
                + Long.bitCount(a[offsetA + 10] & b[offsetB + 10])
                + Long.bitCount(a[offsetA + 11] & b[offsetB + 11])
                + Long.bitCount(a[offsetA + 12] & b[offsetB + 12])
                + Long.bitCount(a[offsetA + 13] & b[offsetB + 13])
                + Long.bitCount(a[offsetA + 14] & b[offsetB + 14])
                + Long.bitCount(a[offsetA + 15] & b[offsetB + 15]);
    }

    /** Dice in thousandths (0–1000), rounded down. */
    static int dicePermille(int common, int countA, int countB) {
        int total = countA + countB;
        return total == 0 ? 0 : (int) (2000L * common / total);
    }

    static double dice(long[] a, long[] b) {
        int common = common(a, 0, b, 0);
        int total = popcounts(a, 1)[0] + popcounts(b, 1)[0];
        return total == 0 ? 0 : 2.0 * common / total;
    }

    /**
     * Every pair of rows of A and B compared; how many reach the threshold. The whole-matrix loop the benchmark times
     * against the same loop in C.
     */
    static long countAtLeast(long[] a, int[] countsA, int rowsA, long[] b, int[] countsB, int rowsB, int permille) {
        long found = 0;
        for (int i = 0; i < rowsA; i++) {
            int offsetA = i * WORDS;
            int countA = countsA[i];
            for (int j = 0; j < rowsB; j++) {
                int common = common(a, offsetA, b, j * WORDS);
                if (2000 * common >= permille * (countA + countsB[j])) {
                    found++;
                }
            }
        }
        return found;
    }
}
