package org.reach.partners;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The twinning rule, free of storage so it can be tested on a constructed case. For a learning partner P:
 * its weak domains are those with a domain score of 2 or less, or, when none is that low, its two lowest
 * domains below 4. A candidate Q (never P) matches a weak domain when Q scores at least 3 there and more than
 * P. Candidates are ranked by the sum of (Q − P) over the matched domains, then by mutual benefit: the sum of
 * (P − Q) over domains where P scores at least 3 and Q at most 2, so one partner's weakness is the other's
 * strength both ways. Remaining ties keep the order the candidates were given in.
 */
public final class TwinningMatcher {

    static final double WEAK = 2.0;
    static final double STRONG = 3.0;

    private TwinningMatcher() {
    }

    /** One domain compared: the learner's and the candidate's score. */
    public record DomainPair(String domain, double learner, double candidate) {
    }

    public record Match(long candidateId, List<String> domains, double benefit, double mutualBenefit,
                        List<DomainPair> forward, List<DomainPair> backward) {
    }

    public static List<String> weakDomains(Map<String, Double> learner) {
        List<Map.Entry<String, Double>> scored = learner.entrySet().stream().filter(e -> e.getValue() != null)
                .sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<String> weak = scored.stream().filter(e -> e.getValue() <= WEAK).map(Map.Entry::getKey).toList();
        if (!weak.isEmpty()) {
            return weak;
        }
        return scored.stream().filter(e -> e.getValue() < 4.0).limit(2).map(Map.Entry::getKey).toList();
    }

    public static List<Match> match(long learnerId, Map<String, Double> learner, Map<Long, Map<String, Double>> candidates) {
        List<String> weak = weakDomains(learner);
        List<Match> matches = new ArrayList<>();
        for (Map.Entry<Long, Map<String, Double>> candidate : candidates.entrySet()) {
            if (candidate.getKey() == learnerId) {
                continue;
            }
            Map<String, Double> other = candidate.getValue();
            List<DomainPair> forward = new ArrayList<>();
            for (String domain : weak) {
                Double theirs = other.get(domain);
                double mine = learner.get(domain);
                if (theirs != null && theirs >= STRONG && theirs > mine) {
                    forward.add(new DomainPair(domain, mine, theirs));
                }
            }
            if (forward.isEmpty()) {
                continue;
            }
            List<DomainPair> backward = new ArrayList<>();
            for (Map.Entry<String, Double> mine : learner.entrySet()) {
                Double theirs = other.get(mine.getKey());
                if (mine.getValue() != null && theirs != null && mine.getValue() >= STRONG && theirs <= WEAK) {
                    backward.add(new DomainPair(mine.getKey(), mine.getValue(), theirs));
                }
            }
            backward.sort(Comparator.comparing(DomainPair::domain));
            double benefit = forward.stream().mapToDouble(p -> p.candidate() - p.learner()).sum();
            double mutual = backward.stream().mapToDouble(p -> p.learner() - p.candidate()).sum();
            matches.add(new Match(candidate.getKey(), forward.stream().map(DomainPair::domain).toList(), benefit, mutual,
                    forward, backward));
        }
        matches.sort(Comparator.comparingDouble(Match::benefit).reversed()
                .thenComparing(Comparator.comparingDouble(Match::mutualBenefit).reversed()));
        return matches;
    }
}
