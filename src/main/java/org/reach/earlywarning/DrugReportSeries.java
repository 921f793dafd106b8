package org.reach.earlywarning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reach.earlywarning.store.EarlyWarningStore;

/** The early warning's own weekly series, offered through {@link WeeklyCounts} like anyone else's. */
final class DrugReportSeries {

    static final String NEW_SUBSTANCES = "new-substances";

    private DrugReportSeries() {
    }

    static List<WeeklyCounts> all(EarlyWarningStore store) {
        List<WeeklyCounts> series = new java.util.ArrayList<>();
        for (Adulterant a : Adulterant.values()) {
            series.add(new WithAdulterant(store, a));
        }
        series.add(new NewSubstances(store));
        return series;
    }

    static Adulterant adulterantOf(String series) {
        for (Adulterant a : Adulterant.values()) {
            if (series.equals("adulterant." + a.name())) {
                return a;
            }
        }
        return null;
    }

    /** Reports in which an adulterant was found. */
    record WithAdulterant(EarlyWarningStore store, Adulterant adulterant) implements WeeklyCounts {

        @Override
        public String name() {
            return "adulterant." + adulterant.name();
        }

        @Override
        public String messageKey() {
            return "earlywarning.series.adulterant." + adulterant.name();
        }

        @Override
        public int[] counts(long organisationId, String city, LocalDate firstWeek, int weeks) {
            int[] counts = new int[weeks];
            Map<LocalDate, Integer> days = store.dailyWithAdulterant(organisationId, city, adulterant, firstWeek,
                    firstWeek.plusWeeks(weeks).minusDays(1));
            days.forEach((day, n) -> counts[(int) (ChronoUnit.DAYS.between(firstWeek, day) / 7)] += n);
            return counts;
        }
    }

    /** Substances (as found where checked, else as sold) reported for the first time in the organisation or city. */
    record NewSubstances(EarlyWarningStore store) implements WeeklyCounts {

        @Override
        public String name() {
            return NEW_SUBSTANCES;
        }

        @Override
        public String messageKey() {
            return "earlywarning.series.newSubstances";
        }

        @Override
        public int[] counts(long organisationId, String city, LocalDate firstWeek, int weeks) {
            int[] counts = new int[weeks];
            Map<Long, LocalDate> firstSeen = new HashMap<>();
            for (EarlyWarningStore.SubstanceDay d : store.substanceDays(organisationId, city,
                    firstWeek.plusWeeks(weeks).minusDays(1))) {
                firstSeen.putIfAbsent(d.substanceId(), d.day());
            }
            for (LocalDate day : firstSeen.values()) {
                if (!day.isBefore(firstWeek)) {
                    counts[(int) (ChronoUnit.DAYS.between(firstWeek, day) / 7)]++;
                }
            }
            return counts;
        }
    }
}
