package org.reach.indicators.store;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reach.clients.RegistryFacts;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.services.ServiceFacts;
import org.springframework.stereotype.Component;

/**
 * Gathers what the data-quality checks look at from the registry and the services capability, each reading its own
 * tables. Encounters and services only from the month before the period: the checks look no further back, and a
 * programme's whole history does not fit in memory.
 */
@Component
public class FactStore {

    private final RegistryFacts registry;
    private final ServiceFacts services;
    private final OrganisationDirectory directory;

    FactStore(RegistryFacts registry, ServiceFacts services, OrganisationDirectory directory) {
        this.registry = registry;
        this.services = services;
        this.directory = directory;
    }

    /** What the checks need for a period for these organisations, optionally one site only. */
    public Facts load(List<Long> organisationIds, Long siteId, LocalDate start, LocalDate end) {
        if (organisationIds.isEmpty()) {
            return new Facts(Map.of(), List.of(), List.of(), Set.of(), Map.of());
        }
        LocalDate from = start.minusMonths(1).withDayOfMonth(1);
        Map<Long, Facts.ClientFact> clients = new HashMap<>();
        registry.enrolledBy(RegistryFacts.Scope.of(organisationIds, siteId), end, c -> clients.put(c.id(),
                new Facts.ClientFact(c.id(), c.organisationId(), c.gender(), c.birthYear(), c.primaryDrug(), c.route(),
                        c.enrolmentSiteId(), c.firstContact(), c.explicitStatus(), c.explicitStatusDate(),
                        c.keyPopulations())));

        ServiceFacts.Scope scope = ServiceFacts.Scope.of(organisationIds, siteId);
        List<Facts.EncounterFact> encounters = services.encounters(scope, from, end).stream()
                .map(e -> new Facts.EncounterFact(e.id(), e.clientId(), e.organisationId(), e.siteId(), e.date()))
                .toList();
        List<Facts.ServiceFact> given = services.servicesGiven(scope, from, end).stream()
                .map(s -> new Facts.ServiceFact(s.encounterId(), s.clientId(), s.organisationId(), s.siteId(), s.date(),
                        s.code(), s.quantity(), s.result()))
                .toList();
        Set<Long> seen = services.clientsSeen(scope, end);

        Map<Long, String> siteNames = new HashMap<>();
        for (Site site : directory.sitesOf(organisationIds)) {
            siteNames.put(site.id(), site.name());
        }
        return new Facts(clients, given, encounters, seen, siteNames);
    }
}
