package org.reach.linkage;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Blocking on the encodings themselves, never on clear text: locality-sensitive hashing by bit sampling (Hamming
 * LSH). Each of {@code bands} bands samples {@code bitsPerBand} fixed bit positions; two encodings that agree on all
 * of them in some band become a candidate pair. Encodings of one person agree on most bits, encodings of two people on
 * about half, so with 20 bits per band a non-match collides in a band about once in a million while a match (Dice
 * ≥ 0.8) does in one band out of a few; twenty-odd bands find nearly every match. Pairs are found per band by sorting
 * (key, row) as one {@code long} and walking equal keys, which needs no hash map and little memory.
 */
final class LshBlocking {

    /** A bucket this large on one side is common-looking data; it is compared only up to this size (counted). */
    static final int MAX_BUCKET = 4_000;

    private final int[][] bands;

    LshBlocking(int bandCount, int bitsPerBand, long seed) {
        if (bitsPerBand < 1 || bitsPerBand > 31) {
            throw new IllegalArgumentException("bits per band must be 1 to 31");
        }
        SplittableRandom random = new SplittableRandom(seed);
        bands = new int[bandCount][bitsPerBand];
        for (int[] band : bands) {
            for (int i = 0; i < bitsPerBand; i++) {
                band[i] = random.nextInt(BloomEncoder.BITS);
            }
        }
    }

    int bandCount() {
        return bands.length;
    }

    /** Receives candidate pairs as row numbers (of A and B, or of the one set with {@code i < j}). */
    interface Pairs {
        void candidate(int i, int j);
    }

    /** Sorted (key << 32 | row) of every row for one band. */
    long[] keys(int band, long[] filters, int rows) {
        int[] positions = bands[band];
        long[] keyed = new long[rows];
        for (int row = 0; row < rows; row++) {
            int base = row * BloomEncoder.WORDS;
            int key = 0;
            for (int position : positions) {
                key = (key << 1) | (int) ((filters[base + (position >>> 6)] >>> position) & 1L);
            }
            keyed[row] = ((long) key << 32) | row;
        }
        Arrays.parallelSort(keyed);
        return keyed;
    }

    /** Candidates between two sets in one band; returns how many buckets were cut at {@link #MAX_BUCKET}. */
    static int join(long[] keysA, long[] keysB, Pairs pairs) {
        int cut = 0;
        int i = 0;
        int j = 0;
        while (i < keysA.length && j < keysB.length) {
            long ka = keysA[i] >>> 32;
            long kb = keysB[j] >>> 32;
            if (ka < kb) {
                i++;
            } else if (ka > kb) {
                j++;
            } else {
                int endA = i;
                while (endA < keysA.length && (keysA[endA] >>> 32) == ka) {
                    endA++;
                }
                int endB = j;
                while (endB < keysB.length && (keysB[endB] >>> 32) == kb) {
                    endB++;
                }
                if (endA - i > MAX_BUCKET || endB - j > MAX_BUCKET) {
                    cut++;
                }
                for (int x = i; x < Math.min(endA, i + MAX_BUCKET); x++) {
                    for (int y = j; y < Math.min(endB, j + MAX_BUCKET); y++) {
                        pairs.candidate((int) keysA[x], (int) keysB[y]);
                    }
                }
                i = endA;
                j = endB;
            }
        }
        return cut;
    }

    /** Candidates within one set in one band, each pair once with the smaller row first. */
    static int self(long[] keys, Pairs pairs) {
        int cut = 0;
        int i = 0;
        while (i < keys.length) {
            long key = keys[i] >>> 32;
            int end = i;
            while (end < keys.length && (keys[end] >>> 32) == key) {
                end++;
            }
            if (end - i > MAX_BUCKET) {
                cut++;
            }
            int last = Math.min(end, i + MAX_BUCKET);
            for (int x = i; x < last; x++) {
                for (int y = x + 1; y < last; y++) {
                    int a = (int) keys[x];
                    int b = (int) keys[y];
                    pairs.candidate(Math.min(a, b), Math.max(a, b));
                }
            }
            i = end;
        }
        return cut;
    }
}
