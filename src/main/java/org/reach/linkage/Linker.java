package org.reach.linkage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One linkage of a set of encodings: every pair scored by Dice (exhaustively for a programme-sized set, through
 * {@link LshBlocking} above {@link #EXHAUSTIVE_LIMIT} rows), pairs at or above the threshold kept, then groups formed
 * greedily from the best score down: a pair joins two groups only when no organisation would then appear twice in the
 * group, which makes the links one-to-one between any two organisations and lets one person span three or more. Pairs
 * inside one organisation are possible duplicates and are reported apart. Two records are compared on their full
 * encodings when both have one, otherwise on their basic ones (each with its own threshold).
 */
final class Linker {

    static final int EXHAUSTIVE_LIMIT = 40_000;

    /** The rows to link: basic encodings for all, full ones where known (all-zero otherwise). */
    record Rows(long[] basic, long[] full, boolean[] hasFull, int[] organisation) {
        int size() {
            return organisation.length;
        }
    }

    record ScoredPair(int i, int j, int permille) {
    }

    /** Groups as row lists (two or more organisations each), and the score each row joined its group with. */
    record Result(List<int[]> groups, Map<Integer, Integer> joinScores, List<ScoredPair> duplicates, long comparisons,
                  int cutBuckets) {
    }

    private Linker() {
    }

    static Result link(Rows rows, int basicPermille, int fullPermille) {
        List<ScoredPair> pairs = new ArrayList<>();
        long[] comparisons = new long[1];
        int cut = 0;
        cut += scoreAll(rows.basic(), rows, false, basicPermille, pairs, comparisons);
        cut += scoreAll(rows.full(), rows, true, fullPermille, pairs, comparisons);
        pairs.sort(Comparator.comparingInt(ScoredPair::permille).reversed()
                .thenComparingInt(ScoredPair::i).thenComparingInt(ScoredPair::j));

        int n = rows.size();
        int[] parent = new int[n];
        Map<Integer, BitSet> organisations = new HashMap<>();
        Map<Integer, Integer> joinScores = new HashMap<>();
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        List<ScoredPair> duplicates = new ArrayList<>();
        for (ScoredPair pair : pairs) {
            if (rows.organisation()[pair.i()] == rows.organisation()[pair.j()]) {
                duplicates.add(pair);
                continue;
            }
            int a = find(parent, pair.i());
            int b = find(parent, pair.j());
            if (a == b) {
                continue;
            }
            BitSet orgsA = organisations.computeIfAbsent(a, root -> single(rows.organisation()[root]));
            BitSet orgsB = organisations.computeIfAbsent(b, root -> single(rows.organisation()[root]));
            if (orgsA.intersects(orgsB)) {
                continue; // one organisation twice in a group: a better link already took this place
            }
            parent[b] = a;
            orgsA.or(orgsB);
            organisations.remove(b);
            joinScores.merge(pair.i(), pair.permille(), Math::max);
            joinScores.merge(pair.j(), pair.permille(), Math::max);
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (root != i || organisations.containsKey(root)) {
                members.computeIfAbsent(root, r -> new ArrayList<>()).add(i);
            }
        }
        List<int[]> groups = new ArrayList<>();
        members.values().stream()
                .filter(list -> list.size() > 1)
                .sorted(Comparator.comparingInt(list -> list.get(0)))
                .forEach(list -> groups.add(list.stream().mapToInt(Integer::intValue).sorted().toArray()));
        return new Result(groups, joinScores, duplicates, comparisons[0], cut);
    }

    private static BitSet single(int organisation) {
        BitSet set = new BitSet();
        set.set(organisation);
        return set;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Scores the pairs that compare on this kind of encoding; returns the buckets LSH had to cut. */
    private static int scoreAll(long[] filters, Rows rows, boolean full, int permille, List<ScoredPair> out,
                                long[] comparisons) {
        int n = rows.size();
        int[] counts = DiceKernel.popcounts(filters, n);
        if (n <= EXHAUSTIVE_LIMIT) {
            for (int i = 0; i < n; i++) {
                if (counts[i] == 0) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    if (counts[j] == 0 || comparesOnFull(rows, i, j) != full) {
                        continue;
                    }
                    comparisons[0]++;
                    score(filters, counts, i, j, permille, out);
                }
            }
            return 0;
        }
        LshBlocking lsh = new LshBlocking(LinkageParameters.LSH_BANDS, LinkageParameters.LSH_BITS, 20261205L);
        Set<Long> seen = new HashSet<>();
        int cut = 0;
        for (int band = 0; band < lsh.bandCount(); band++) {
            cut += LshBlocking.self(lsh.keys(band, filters, n), (i, j) -> {
                if (counts[i] == 0 || counts[j] == 0 || comparesOnFull(rows, i, j) != full) {
                    return;
                }
                comparisons[0]++;
                if (seen.contains(((long) i << 32) | j)) {
                    return;
                }
                if (score(filters, counts, i, j, permille, out)) {
                    seen.add(((long) i << 32) | j);
                }
            });
        }
        return cut;
    }

    private static boolean comparesOnFull(Rows rows, int i, int j) {
        return rows.hasFull()[i] && rows.hasFull()[j];
    }

    private static boolean score(long[] filters, int[] counts, int i, int j, int permille, List<ScoredPair> out) {
        int common = DiceKernel.common(filters, i * DiceKernel.WORDS, filters, j * DiceKernel.WORDS);
        int dice = DiceKernel.dicePermille(common, counts[i], counts[j]);
        if (dice >= permille) {
            out.add(new ScoredPair(i, j, dice));
            return true;
        }
        return false;
    }
}
