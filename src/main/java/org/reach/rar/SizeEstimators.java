package org.reach.rar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reach.platform.Problems;

/**
 * The population size estimators of a rapid assessment, as pure functions without storage or access
 * rules. Each returns the estimate with its range, its inputs and its formula, and refuses impossible
 * input with a field problem rather than returning a number that means nothing. See docs/rar.md.
 */
public final class SizeEstimators {

    /**
     * The most people one count may hold: no hotspot, service or informant's guess reaches a million people,
     * so a larger number is a typing error, and every count stays far from int overflow when combined.
     */
    public static final int MAX_PEOPLE = 1_000_000;

    /** Two-sided 95 % normal quantile. */
    public static final double Z95 = 1.96;

    private SizeEstimators() {
    }

    /**
     * Key informants: the median of their minima and the median of their maxima give the range; the point
     * is the midpoint. The spread (highest maximum minus lowest minimum) shows how far informants disagree.
     */
    public static Estimate keyInformants(List<Integer> minima, List<Integer> maxima) {
        Problems problems = new Problems();
        problems.check(!minima.isEmpty() && minima.size() == maxima.size(), "minimum", "rar.estimate.error.informants");
        for (int i = 0; i < Math.min(minima.size(), maxima.size()); i++) {
            Integer min = minima.get(i);
            Integer max = maxima.get(i);
            if (min == null || max == null || min < 0 || max < 0) {
                problems.add("minimum", "rar.estimate.error.negative");
            } else if (min > MAX_PEOPLE || max > MAX_PEOPLE) {
                problems.add(min > MAX_PEOPLE ? "minimum" : "maximum", "rar.estimate.error.tooMany", MAX_PEOPLE);
            } else if (max < min) {
                problems.add("maximum", "rar.estimate.error.maxBelowMin");
            }
        }
        problems.throwIfAny();
        double medianMin = median(minima);
        double medianMax = median(maxima);
        int lowest = minima.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int highest = maxima.stream().mapToInt(Integer::intValue).max().orElseThrow(); // both at most MAX_PEOPLE
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("informants", minima.size());
        inputs.put("minima", List.copyOf(minima));
        inputs.put("maxima", List.copyOf(maxima));
        inputs.put("medianMinimum", medianMin);
        inputs.put("medianMaximum", medianMax);
        inputs.put("spread", highest - lowest);
        return new Estimate(Estimate.Method.KEY_INFORMANTS, (medianMin + medianMax) / 2, medianMin, medianMax, inputs,
                "N = (median(min) + median(max)) / 2; range median(min) .. median(max); spread = max(max) - min(min)");
    }

    /** Direct counts: the largest count on any visit is the point, the mean of the visits the low end. */
    public static Estimate directCounts(List<Integer> counts) {
        Problems problems = new Problems();
        problems.check(!counts.isEmpty(), "total", "rar.estimate.error.noVisits");
        problems.check(counts.stream().allMatch(c -> c != null && c >= 0), "total", "rar.estimate.error.negative");
        problems.check(counts.stream().allMatch(c -> c == null || c <= MAX_PEOPLE), "total", "rar.estimate.error.tooMany",
                MAX_PEOPLE);
        problems.throwIfAny();
        int max = counts.stream().mapToInt(Integer::intValue).max().orElseThrow();
        double mean = counts.stream().mapToInt(Integer::intValue).average().orElseThrow();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("visits", counts.size());
        inputs.put("counts", List.copyOf(counts));
        inputs.put("max", max);
        inputs.put("mean", mean);
        return new Estimate(Estimate.Method.DIRECT_COUNT, max, mean, max, inputs,
                "N = max(counts); range mean(counts) .. max(counts)");
    }

    /**
     * Two-sample capture-recapture with Chapman's estimator: N = (n1+1)(n2+1)/(m+1) - 1 and
     * var = (n1+1)(n2+1)(n1-m)(n2-m) / ((m+1)^2 (m+2)); 95 % interval N +/- 1.96 sqrt(var), never below
     * the n1 + n2 - m different people actually met.
     */
    public static Estimate chapman(int n1, int n2, int m) {
        Problems problems = new Problems();
        problems.check(n1 >= 0, "marked", "rar.estimate.error.negative");
        problems.check(n2 >= 0, "secondSample", "rar.estimate.error.negative");
        problems.check(m >= 0, "recaptured", "rar.estimate.error.negative");
        problems.check(n1 <= MAX_PEOPLE, "marked", "rar.estimate.error.tooMany", MAX_PEOPLE);
        problems.check(n2 <= MAX_PEOPLE, "secondSample", "rar.estimate.error.tooMany", MAX_PEOPLE);
        problems.check(n1 != 0, "marked", "rar.estimate.error.emptySample");
        problems.check(n2 != 0, "secondSample", "rar.estimate.error.emptySample");
        problems.check(m <= n1 && m <= n2, "recaptured", "rar.estimate.error.recaptures");
        problems.throwIfAny();
        double a = n1 + 1.0;
        double b = n2 + 1.0;
        double n = a * b / (m + 1.0) - 1.0;
        double variance = a * b * (n1 - m) * (n2 - m) / ((m + 1.0) * (m + 1.0) * (m + 2.0));
        double half = Z95 * Math.sqrt(variance);
        int seen = n1 + n2 - m; // at most 2 * MAX_PEOPLE
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("n1", n1);
        inputs.put("n2", n2);
        inputs.put("m", m);
        inputs.put("variance", variance);
        inputs.put("distinctSeen", seen);
        return new Estimate(Estimate.Method.CAPTURE_RECAPTURE, n, Math.max(seen, n - half), n + half, inputs,
                "N = (n1+1)(n2+1)/(m+1) - 1; var = (n1+1)(n2+1)(n1-m)(n2-m)/((m+1)^2 (m+2)); "
                        + "95% CI N +/- 1.96 sqrt(var), not below n1+n2-m");
    }

    /**
     * Multiplier (benchmark) method from counts: the proportion is users / respondents, with the Wilson
     * interval from the number of respondents.
     */
    public static Estimate multiplier(int serviceCount, int users, int respondents) {
        Problems problems = new Problems();
        problems.check(serviceCount >= 0, "serviceCount", "rar.estimate.error.negative");
        problems.check(serviceCount <= MAX_PEOPLE, "serviceCount", "rar.estimate.error.tooMany", MAX_PEOPLE);
        problems.check(respondents <= MAX_PEOPLE, "respondents", "rar.estimate.error.tooMany", MAX_PEOPLE);
        problems.check(respondents > 0, "respondents", "rar.estimate.error.emptySample");
        problems.check(users > 0 && users <= Math.max(respondents, 0), "users", "rar.estimate.error.proportion");
        problems.throwIfAny();
        return multiplier(serviceCount, (double) users / respondents, respondents);
    }

    /**
     * Multiplier (benchmark) method: N = service count / proportion, with the interval
     * service count / upper .. service count / lower of the proportion's 95 % Wilson interval.
     */
    public static Estimate multiplier(int serviceCount, double proportion, int sampleSize) {
        Problems problems = new Problems();
        problems.check(serviceCount >= 0, "serviceCount", "rar.estimate.error.negative");
        problems.check(serviceCount <= MAX_PEOPLE, "serviceCount", "rar.estimate.error.tooMany", MAX_PEOPLE);
        problems.check(proportion > 0 && proportion <= 1, "users", "rar.estimate.error.proportion");
        problems.check(sampleSize > 0, "respondents", "rar.estimate.error.emptySample");
        problems.throwIfAny();
        double[] wilson = wilson(proportion, sampleSize);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("serviceCount", serviceCount);
        inputs.put("proportion", proportion);
        inputs.put("respondents", sampleSize);
        inputs.put("proportionLow", wilson[0]);
        inputs.put("proportionHigh", wilson[1]);
        return new Estimate(Estimate.Method.MULTIPLIER, serviceCount / proportion, serviceCount / wilson[1],
                serviceCount / wilson[0], inputs,
                "N = S / p; p 95% Wilson interval (p + z^2/2n +/- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n); "
                        + "range S / p_high .. S / p_low");
    }

    /** The 95 % Wilson score interval of a proportion p observed in n. */
    public static double[] wilson(double p, int n) {
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    public static double median(List<Integer> values) {
        List<Integer> sorted = new ArrayList<>(values);
        sorted.sort(Integer::compare);
        int size = sorted.size();
        return size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2.0;
    }

    /** Great-circle distance in kilometres (haversine, Earth radius 6371 km). */
    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
