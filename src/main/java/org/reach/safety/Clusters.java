package org.reach.safety;

import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simple rule so that a cluster is never missed: three or more overdoses at one hotspot (or at one site when the
 * report names no hotspot) within 72 hours. Reports with a GPS point only belong to no place and are not grouped.
 * Windows that share reports are one cluster: a fourth overdose the next day extends the cluster rather than
 * raising a second alert.
 */
final class Clusters {

    static final Duration WINDOW = Duration.ofHours(72);
    static final int SIZE = 3;

    private Clusters() {
    }

    static List<OverdoseCluster> find(List<OverdoseReport> reports) {
        Map<String, List<OverdoseReport>> byPlace = new LinkedHashMap<>();
        for (OverdoseReport report : reports) {
            String key = placeKey(report);
            if (key != null) {
                byPlace.computeIfAbsent(key, k -> new ArrayList<>()).add(report);
            }
        }
        List<OverdoseCluster> clusters = new ArrayList<>();
        for (List<OverdoseReport> place : byPlace.values()) {
            place.sort(Comparator.comparing(OverdoseReport::occurredAt).thenComparing(OverdoseReport::id));
            int i = 0;
            while (i + SIZE - 1 < place.size()) {
                if (within(place.get(i), place.get(i + SIZE - 1))) {
                    int end = i + SIZE - 1;
                    // extend while the next report makes three within the window with the two before it
                    while (end + 1 < place.size() && within(place.get(end - SIZE + 2), place.get(end + 1))) {
                        end++;
                    }
                    clusters.add(cluster(place.subList(i, end + 1)));
                    i = end + 1;
                } else {
                    i++;
                }
            }
        }
        clusters.sort(Comparator.comparing(OverdoseCluster::last).reversed());
        return clusters;
    }

    private static boolean within(OverdoseReport first, OverdoseReport last) {
        return Duration.between(first.occurredAt(), last.occurredAt()).compareTo(WINDOW) <= 0;
    }

    private static OverdoseCluster cluster(List<OverdoseReport> reports) {
        OverdoseReport first = reports.get(0);
        LocalDateTime last = reports.get(reports.size() - 1).occurredAt();
        Set<Long> sites = new LinkedHashSet<>();
        reports.stream().filter(r -> r.siteId() != null).forEach(r -> sites.add(r.siteId()));
        String hotspot = first.hotspot() == null || first.hotspot().isBlank() ? null : first.hotspot().strip();
        return new OverdoseCluster(hotspot, hotspot == null ? first.siteId() : null, first.occurredAt(), last,
                reports.stream().map(OverdoseReport::id).toList(), sites);
    }

    /** A hotspot by its name with case, accents and spacing ignored; else the site; else no place. */
    static String placeKey(OverdoseReport report) {
        if (report.hotspot() != null && !report.hotspot().isBlank()) {
            return "hotspot:" + normalise(report.hotspot());
        }
        return report.siteId() == null ? null : "site:" + report.siteId();
    }

    static String normalise(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
