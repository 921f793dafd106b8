package org.reach.linkage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.reach.linkage.FieldDuplicates.Corruption;
import org.reach.linkage.FieldDuplicates.Person;

/**
 * The linkage benchmark, run by {@code bench/linkage.sh} (a measurement, not a test; see docs/benchmarks.md).
 * <ul>
 * <li>{@code kernel <rows A> <rows B> <repeats>}: every pair of two sets of random 1,024-bit filters through
 * {@link DiceKernel#countAtLeast}, with the same generator, seed and work as bench/linkage_kernel.c; prints the best
 * rate of the repeats.</li>
 * <li>{@code end-to-end <rows> <threads> <planted>}: two registries of {@code rows} people each, encoded with the real
 * encoder; the second holds {@code planted} corrupted second registrations of people of the first (every kind of
 * field error of {@link FieldDuplicates}) and otherwise other people. Times LSH blocking, Dice on the candidates and
 * the one-to-one assignment (encoding excluded, reported apart) and reports the recall of the planted pairs.</li>
 * </ul>
 */
public final class LinkageBenchmark {

    private LinkageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("end-to-end")) {
            endToEnd(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            kernel(args.length > 1 ? Integer.parseInt(args[1]) : 1000, args.length > 2 ? Integer.parseInt(args[2]) : 100_000,
                    args.length > 3 ? Integer.parseInt(args[3]) : 5);
        }
    }

    // ---- kernel: the same data as the C program

    private static long state = 0x9E3779B97F4A7C15L;

    private static long next() {
        state ^= state >>> 12;
        state ^= state << 25;
        state ^= state >>> 27;
        return state * 0x2545F4914F6CDD1DL;
    }

    private static long[] fill(int rows) {
        long[] filters = new long[rows * 16];
        for (int i = 0; i < filters.length; i++) {
            filters[i] = next() & (next() | next());
        }
        return filters;
    }

    static void kernel(int rowsA, int rowsB, int repeats) {
        long[] a = fill(rowsA);
        long[] b = fill(rowsB);
        int[] countsA = DiceKernel.popcounts(a, rowsA);
        int[] countsB = DiceKernel.popcounts(b, rowsB);
        double best = 0;
        long found = 0;
        for (int warm = 0; warm < 2; warm++) {
            found = DiceKernel.countAtLeast(a, countsA, rowsA / 10, b, countsB, rowsB, 400);
        }
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            found = DiceKernel.countAtLeast(a, countsA, rowsA, b, countsB, rowsB, 400);
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, (double) rowsA * rowsB / seconds);
        }
        System.out.printf(Locale.ROOT, "java comparisons_per_second %.0f found %d%n", best, found);
    }

    // ---- end to end

    static void endToEnd(int rows, int threads, int planted) throws Exception {
        BloomEncoder encoder = new BloomEncoder("benchmark-secret".getBytes(StandardCharsets.UTF_8));
        FieldDuplicates field = new FieldDuplicates(2026);
        Corruption[] kinds = Corruption.values();
        long encodeStart = System.nanoTime();
        long[] a = new long[rows * 16];
        long[] b = new long[rows * 16];
        int[] plantedIn = new int[rows]; // row of B holding a second registration of row i of A, or -1
        Arrays.fill(plantedIn, -1);
        int[] bRows = new int[rows];
        for (int i = 0; i < rows; i++) {
            bRows[i] = i;
        }
        shuffle(bRows, 7);
        for (int i = 0; i < rows; i++) {
            Person person = field.diversePerson();
            if (i < planted) {
                Corruption kind = kinds[i % kinds.length];
                if (kind == Corruption.DAY_MONTH_SWAPPED) {
                    person = field.swappable(person);
                }
                if (kind == Corruption.TRANSLITERATION) {
                    Person[] pair = field.transliterationPair(person);
                    person = pair[0];
                    put(b, bRows[i], encoder.encode(pair[1].input()));
                } else {
                    put(b, bRows[i], encoder.encode(field.corrupt(person, kind).input()));
                }
                plantedIn[i] = bRows[i];
            } else {
                put(b, bRows[i], encoder.encode(field.diversePerson().input()));
            }
            put(a, i, encoder.encode(person.input()));
        }
        double encodeSeconds = (System.nanoTime() - encodeStart) / 1e9;
        System.gc();

        long start = System.nanoTime();
        int[] countsA = DiceKernel.popcounts(a, rows);
        int[] countsB = DiceKernel.popcounts(b, rows);
        LshBlocking lsh = new LshBlocking(LinkageParameters.LSH_BANDS, LinkageParameters.LSH_BITS, 20261205L);
        int threshold = LinkageParameters.FULL_THRESHOLD;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts.add(pool.submit(() -> {
                LongList found = new LongList();
                long[] compared = new long[1];
                for (int band = first; band < lsh.bandCount(); band += threads) {
                    LshBlocking.join(lsh.keys(band, a, rows), lsh.keys(band, b, rows), (i, j) -> {
                        compared[0]++;
                        int common = DiceKernel.common(a, i * 16, b, j * 16);
                        int dice = DiceKernel.dicePermille(common, countsA[i], countsB[j]);
                        if (dice >= threshold) {
                            found.add(((long) dice << 48) | ((long) i << 24) | j);
                        }
                    });
                }
                found.add(-compared[0] - 1); // the count rides along as a negative number
                return found.toArray();
            }));
        }
        LongList all = new LongList();
        long comparisons = 0;
        for (Future<long[]> part : parts) {
            for (long value : part.get()) {
                if (value < 0) {
                    comparisons += -value - 1;
                } else {
                    all.add(value);
                }
            }
        }
        pool.shutdown();
        long[] pairs = all.toArray();
        Arrays.parallelSort(pairs); // by score, then rows
        boolean[] usedA = new boolean[rows];
        boolean[] usedB = new boolean[rows];
        int[] linkOfA = new int[rows];
        Arrays.fill(linkOfA, -1);
        int links = 0;
        for (int k = pairs.length - 1; k >= 0; k--) {
            int i = (int) ((pairs[k] >>> 24) & 0xFFFFFF);
            int j = (int) (pairs[k] & 0xFFFFFF);
            if (!usedA[i] && !usedB[j]) {
                usedA[i] = true;
                usedB[j] = true;
                linkOfA[i] = j;
                links++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int recovered = 0;
        for (int i = 0; i < planted; i++) {
            if (linkOfA[i] == plantedIn[i]) {
                recovered++;
            }
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "end-to-end rows %d x %d, threads %d, planted %d%n", rows, rows, threads, planted);
        System.out.printf(Locale.ROOT, "  encoding (not timed below): %.1f s%n", encodeSeconds);
        System.out.printf(Locale.ROOT, "  blocking + comparison + one-to-one: %.1f s%n", seconds);
        System.out.printf(Locale.ROOT, "  candidate comparisons: %d (%.5f %% of all pairs), pairs >= threshold: %d, links: %d%n",
                comparisons, 100.0 * comparisons / ((double) rows * rows), pairs.length, links);
        System.out.printf(Locale.ROOT, "  planted recall: %.4f (%d of %d)%n", (double) recovered / planted, recovered, planted);
        System.out.printf(Locale.ROOT, "  heap in use at the end: %d MiB (max %d MiB)%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    private static void put(long[] into, int row, long[] filter) {
        System.arraycopy(filter, 0, into, row * 16, 16);
    }

    private static void shuffle(int[] values, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** A growable long array, so millions of pairs need no boxing. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
