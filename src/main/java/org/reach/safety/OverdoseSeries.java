package org.reach.safety;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.reach.earlywarning.WeeklyCounts;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.safety.store.DeathStore;
import org.reach.safety.store.OverdoseStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Safety's weekly series for the early warning: overdoses reported, and deaths coded as overdose, per organisation
 * and city (the city of the report's site; a report placed only at a hotspot or a GPS point counts for the
 * organisation, not for a city). Weeks before the organisation's first overdose report are unknown to the detectors.
 */
@Configuration(proxyBeanMethods = false)
class OverdoseSeries {

    static final String OVERDOSES = "safety.overdoses";
    static final String OVERDOSE_DEATHS = "safety.overdose-deaths";

    @Bean
    WeeklyCounts overdoseCounts(OverdoseStore overdoses, OrganisationDirectory directory) {
        return new Counted(OVERDOSES, "safety.series.overdoses", overdoses, directory) {
            @Override
            Map<LocalDate, Integer> perDay(long organisationId, Set<Long> sites, LocalDate from, LocalDate to) {
                return overdoses.perDay(organisationId, sites, from, to);
            }
        };
    }

    @Bean
    WeeklyCounts overdoseDeathCounts(OverdoseStore overdoses, DeathStore deaths, OrganisationDirectory directory) {
        return new Counted(OVERDOSE_DEATHS, "safety.series.overdoseDeaths", overdoses, directory) {
            @Override
            Map<LocalDate, Integer> perDay(long organisationId, Set<Long> sites, LocalDate from, LocalDate to) {
                return deaths.between(List.of(organisationId), from, to).stream()
                        .filter(d -> d.cause() == CauseOfDeath.OVERDOSE)
                        .filter(d -> sites == null || (d.siteId() != null && sites.contains(d.siteId())))
                        .collect(Collectors.toMap(Death::diedOn, d -> 1, Integer::sum));
            }
        };
    }

    /** Day counts of safety's records folded into weeks that start on Monday. */
    abstract static class Counted implements WeeklyCounts {

        private final String name;
        private final String messageKey;
        private final OverdoseStore overdoses;
        private final OrganisationDirectory directory;

        Counted(String name, String messageKey, OverdoseStore overdoses, OrganisationDirectory directory) {
            this.name = name;
            this.messageKey = messageKey;
            this.overdoses = overdoses;
            this.directory = directory;
        }

        abstract Map<LocalDate, Integer> perDay(long organisationId, Set<Long> sites, LocalDate from, LocalDate to);

        @Override
        public String name() {
            return name;
        }

        @Override
        public String messageKey() {
            return messageKey;
        }

        @Override
        public int[] counts(long organisationId, String city, LocalDate firstWeek, int weeks) {
            int[] counts = new int[weeks];
            Set<Long> sites = city == null ? null : sitesOf(organisationId).stream()
                    .filter(s -> city.equalsIgnoreCase(s.city() == null ? "" : s.city().strip()))
                    .map(Site::id).collect(Collectors.toSet());
            LocalDate last = firstWeek.plusWeeks(weeks).minusDays(1);
            perDay(organisationId, sites, firstWeek, last).forEach((day, n) -> {
                if (!day.isBefore(firstWeek) && !day.isAfter(last)) {
                    counts[(int) (ChronoUnit.DAYS.between(firstWeek, day) / 7)] += n;
                }
            });
            return counts;
        }

        @Override
        public Optional<LocalDate> firstDay(long organisationId) {
            return overdoses.firstDay(organisationId);
        }

        @Override
        public Set<String> cities(long organisationId) {
            return sitesOf(organisationId).stream().map(Site::city).filter(c -> c != null && !c.isBlank())
                    .map(String::strip).collect(Collectors.toCollection(TreeSet::new));
        }

        private List<Site> sitesOf(long organisationId) {
            return directory.sitesOf(List.of(organisationId));
        }
    }
}
