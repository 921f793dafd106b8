/*
 * The comparison kernel of record linkage in plain C, as the yardstick for the Java kernel
 * (org.reach.linkage.DiceKernel): 1,024-bit encodings as 16 unsigned 64-bit words, Dice coefficient
 * 2|a AND b| / (|a| + |b|) with precomputed popcounts, every pair of two sets compared and the pairs at or
 * above the threshold counted. The same data generator (xorshift64*, same seed) and the same work as the
 * Java side, so the two rates are comparable. Compiled at run time by bench/linkage.sh with
 * gcc -O3 -march=native.
 *
 * usage: linkage_kernel <rows of A> <rows of B> <repeats>
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define WORDS 16

static uint64_t state = 0x9E3779B97F4A7C15ULL;

static uint64_t next(void) {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1DULL;
}

/* Roughly 40 % of the bits set, as in the real encodings. */
static void fill(uint64_t *filters, int *counts, int n) {
    for (int i = 0; i < n; i++) {
        int c = 0;
        for (int w = 0; w < WORDS; w++) {
            uint64_t v = next() & (next() | next());
            filters[i * WORDS + w] = v;
            c += __builtin_popcountll(v);
        }
        counts[i] = c;
    }
}

static long compare(const uint64_t *a, const int *ca, int na, const uint64_t *b, const int *cb, int nb,
                    int threshold_permille) {
    long found = 0;
    for (int i = 0; i < na; i++) {
        const uint64_t *x = a + (long) i * WORDS;
        for (int j = 0; j < nb; j++) {
            const uint64_t *y = b + (long) j * WORDS;
            int common = 0;
            for (int w = 0; w < WORDS; w++) {
                common += __builtin_popcountll(x[w] & y[w]);
            }
            /* dice >= t  <=>  2000 * common >= t_permille * (|a| + |b|), without a division */
            found += 2000 * common >= threshold_permille * (ca[i] + cb[j]);
        }
    }
    return found;
}

int main(int argc, char **argv) {
    int na = argc > 1 ? atoi(argv[1]) : 1000;
    int nb = argc > 2 ? atoi(argv[2]) : 100000;
    int repeats = argc > 3 ? atoi(argv[3]) : 5;
    uint64_t *a = malloc(sizeof(uint64_t) * WORDS * (size_t) na);
    uint64_t *b = malloc(sizeof(uint64_t) * WORDS * (size_t) nb);
    int *ca = malloc(sizeof(int) * na);
    int *cb = malloc(sizeof(int) * nb);
    fill(a, ca, na);
    fill(b, cb, nb);
    double best = 0;
    long found = 0;
    for (int r = 0; r < repeats; r++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        found = compare(a, ca, na, b, cb, nb, 400);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
        double rate = (double) na * nb / seconds;
        if (rate > best) {
            best = rate;
        }
    }
    printf("c comparisons_per_second %.0f found %ld\n", best, found);
    return 0;
}
