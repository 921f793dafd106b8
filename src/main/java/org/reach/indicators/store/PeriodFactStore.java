package org.reach.indicators.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reach.clients.ClientSettings;
import org.reach.clients.RegistryFacts;
import org.reach.indicators.store.PeriodFacts.Client;
import org.reach.indicators.store.PeriodFacts.Dispensation;
import org.reach.indicators.store.PeriodFacts.PlaceAmounts;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.services.ServiceFacts;
import org.springframework.stereotype.Component;

/**
 * Summarises a period per client from what the registry and the services capability report, each reading its own
 * tables; this class runs no SQL. The database still does the grouping: a million clients come back as a million
 * summary rows, however many encounters they had. The same summaries, narrowed to a few clients or to anonymous
 * encounters, refresh a cached summary after new records.
 */
@Component
public class PeriodFactStore {

    public static final Set<String> OAT = ServiceFacts.OAT;
    public static final Set<String> BASIC_NEEDS = Set.of("SHOWER", "LAUNDRY", "FOOD");
    /** The longest an OAT dispensation is taken to cover; longer entries are capped (see docs/indicators.md). */
    public static final int MAX_DOSE_DAYS = 120;

    private final RegistryFacts registry;
    private final ServiceFacts services;
    private final OrganisationDirectory directory;

    PeriodFactStore(RegistryFacts registry, ServiceFacts services, OrganisationDirectory directory) {
        this.registry = registry;
        this.services = services;
        this.directory = directory;
    }

    /** Which rows to read: everything, some clients only, or the anonymous encounters only. */
    public record Only(Collection<Long> clientIds, boolean anonymous) {
        public static final Only EVERYTHING = new Only(null, false);

        public static Only clients(Collection<Long> ids) {
            return new Only(List.copyOf(ids), false);
        }

        public static final Only ANONYMOUS = new Only(List.of(), true);
    }

    /** The first day the look-back window must cover: the period and every organisation's active and LTFU cut-off. */
    public static LocalDate windowStart(LocalDate start, LocalDate end, Collection<ClientSettings> statusRules) {
        LocalDate from = start;
        for (ClientSettings rule : statusRules) {
            for (LocalDate cutoff : List.of(rule.activeSince(end), rule.lostBefore(end))) {
                if (cutoff.isBefore(from)) {
                    from = cutoff;
                }
            }
        }
        return from;
    }

    public PeriodFacts load(List<Long> organisationIds, Long siteId, LocalDate start, LocalDate end,
                            Set<String> receivedCodes, Only only, Map<Long, ClientSettings> statusRules) {
        return load(organisationIds, siteId, start, end, receivedCodes, Set.of(), only, statusRules);
    }

    /** @param quantityCodes services whose quantity per place is kept as well (those own indicators count) */
    public PeriodFacts load(List<Long> organisationIds, Long siteId, LocalDate start, LocalDate end,
                            Set<String> receivedCodes, Set<String> quantityCodes, Only only,
                            Map<Long, ClientSettings> statusRules) {
        if (organisationIds.isEmpty() || (only.clientIds() != null && only.clientIds().isEmpty() && !only.anonymous())) {
            return new PeriodFacts(Map.of(), List.of(), Map.of());
        }
        RegistryFacts.Scope clientScope = new RegistryFacts.Scope(organisationIds, siteId, only.clientIds());
        ServiceFacts.Scope serviceScope = new ServiceFacts.Scope(organisationIds, siteId,
                only.anonymous() ? null : only.clientIds(), only.anonymous());

        Map<Long, String> cities = new HashMap<>();
        for (Site site : directory.sitesOf(organisationIds)) {
            if (site.city() != null) {
                cities.put(site.id(), site.city());
            }
        }

        Map<Long, Row> rows = new HashMap<>();
        if (!only.anonymous()) {
            registry.enrolledBy(clientScope, end, c -> rows.put(c.id(), new Row(c)));
        }

        // Contacts: the latest in the look-back window, and the distinct months of the period.
        services.contacts(serviceScope, windowStart(start, end, statusRules.values()), start, end, c -> {
            Row r = rows.get(c.clientId());
            if (r != null) {
                r.lastContactInWindow = c.latest();
                r.monthsReached = c.monthsInPeriod();
            }
        });

        // Services of the period per client and place, one count and quantity per service code asked about.
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(receivedCodes));
        quantityCodes.stream().filter(code -> !codes.contains(code)).forEach(codes::add);
        for (String code : List.of("NEEDLES_SYRINGES", "NALOXONE_KIT", "WOUND_CARE", "DENTAL_CARE",
                "MENTAL_HEALTH_SUPPORT", "SHOWER", "LAUNDRY", "FOOD", "HIV_TEST")) {
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        // positions, looked up once rather than for each of up to a million rows
        int needles = codes.indexOf("NEEDLES_SYRINGES");
        int naloxone = codes.indexOf("NALOXONE_KIT");
        int woundCare = codes.indexOf("WOUND_CARE");
        int dentalCare = codes.indexOf("DENTAL_CARE");
        int mentalHealth = codes.indexOf("MENTAL_HEALTH_SUPPORT");
        int shower = codes.indexOf("SHOWER");
        int laundry = codes.indexOf("LAUNDRY");
        int food = codes.indexOf("FOOD");
        int hivTest = codes.indexOf("HIV_TEST");
        List<PlaceAmounts> anonymous = new ArrayList<>();
        services.givenAtPlaces(serviceScope, start, end, codes, given -> {
            Row r = given.clientId() == null ? null : rows.get(given.clientId());
            long[] count = given.times();
            long[] quantity = given.quantities();
            Map<String, Long> own = Map.of();
            if (!quantityCodes.isEmpty()) {
                own = new HashMap<>();
                for (int i = 0; i < codes.size(); i++) {
                    if (quantity[i] > 0 && quantityCodes.contains(codes.get(i))) {
                        own.put(codes.get(i), quantity[i]);
                    }
                }
            }
            PlaceAmounts amounts = new PlaceAmounts(given.clientId(), given.organisationId(), given.siteId(),
                    given.hotspot(), quantity[needles], quantity[naloxone], count[woundCare], count[dentalCare],
                    count[mentalHealth], count[shower] + count[laundry] + count[food], own);
            boolean anything = amounts.needles() + amounts.naloxone() + amounts.woundCare() + amounts.dentalCare()
                    + amounts.mentalHealth() + amounts.basicNeeds() > 0 || !own.isEmpty();
            if (r == null) {
                if (anything) {
                    anonymous.add(amounts);
                }
                return;
            }
            if (anything) {
                r.amounts.add(amounts);
            }
            for (int i = 0; i < codes.size(); i++) {
                if (count[i] > 0 && receivedCodes.contains(codes.get(i))) {
                    r.received.add(codes.get(i));
                }
            }
            if (count[hivTest] > 0) {
                r.testedForHiv = true;
            }
            if (given.hivResultsGiven() > 0) {
                r.knowsHivResult = true;
            }
        });

        if (!only.anonymous()) {
            // Firsts over the whole history up to the end of the period.
            services.firsts(serviceScope, end, f -> {
                Row r = rows.get(f.clientId());
                if (r != null) {
                    r.firstOat = f.oat();
                    r.firstPrep = f.prep();
                    r.firstPositiveTest = f.positiveHivTest();
                    r.firstArt = f.artInitiation();
                }
            });

            services.dispensations(serviceScope, OAT, start.minusMonths(1).minusDays(MAX_DOSE_DAYS), end, d -> {
                Row r = rows.get(d.clientId());
                if (r != null) {
                    r.oat.add(new Dispensation(d.date(), d.quantity()));
                }
            });

            // Referrals carry no site: only those of the clients read above count.
            services.referralCounts(serviceScope, start, end, c -> {
                Row r = rows.get(c.clientId());
                if (r != null) {
                    r.referralsMade = c.made();
                    r.referralsCompleted = c.completed();
                }
            });

            // ART started elsewhere: a completed referral to an ART clinic counts as the start.
            services.firstCompletedReferrals(serviceScope, "ART_CLINIC", end, c -> {
                Row r = rows.get(c.clientId());
                if (r != null && (r.firstArt == null || c.closedOn().isBefore(r.firstArt))) {
                    r.firstArt = c.closedOn();
                }
            });

            registry.progressed(clientScope, start, end, id -> {
                Row r = rows.get(id);
                if (r != null) {
                    r.progressed = true;
                }
            });
        }

        Map<Long, Client> clients = new HashMap<>(rows.size() * 4 / 3 + 1);
        Map<Set<String>, Set<String>> shared = new HashMap<>();
        for (Row r : rows.values()) {
            clients.put(r.id, r.toClient(shared));
        }
        return new PeriodFacts(clients, anonymous, cities);
    }

    public Map<Long, String> siteNames(List<Long> organisationIds) {
        Map<Long, String> names = new HashMap<>();
        for (Site site : directory.sitesOf(organisationIds)) {
            names.put(site.id(), site.name());
        }
        return names;
    }

    public Map<Long, String> organisationNames(List<Long> organisationIds) {
        return new HashMap<>(directory.organisationNames(organisationIds));
    }

    /** The clients of some encounters, or null in the set for an anonymous one. */
    public Set<Long> clientsOfEncounters(Collection<Long> encounterIds) {
        return services.clientsOfEncounters(encounterIds);
    }

    public Set<Long> clientsOfReferrals(Collection<Long> referralIds) {
        return services.clientsOfReferrals(referralIds);
    }

    /** A client while its summary is assembled from several queries. */
    private static final class Row {
        final long id;
        long organisationId;
        String gender;
        Integer birthYear;
        String drug;
        String route;
        long siteId;
        String hotspot;
        LocalDate firstContact;
        String explicitStatus;
        LocalDate explicitStatusDate;
        Set<String> keyPopulations;
        LocalDate lastContactInWindow;
        int monthsReached;
        final Set<String> received = new java.util.TreeSet<>();
        boolean testedForHiv;
        boolean knowsHivResult;
        LocalDate firstOat;
        LocalDate firstPrep;
        LocalDate firstPositiveTest;
        LocalDate firstArt;
        final List<Dispensation> oat = new ArrayList<>(0);
        int referralsMade;
        int referralsCompleted;
        boolean progressed;
        final List<PlaceAmounts> amounts = new ArrayList<>(1);

        Row(RegistryFacts.Enrolled client) {
            id = client.id();
            organisationId = client.organisationId();
            gender = client.gender();
            birthYear = client.birthYear();
            drug = client.primaryDrug();
            route = client.route();
            siteId = client.enrolmentSiteId();
            hotspot = client.enrolmentHotspot();
            firstContact = client.firstContact();
            explicitStatus = client.explicitStatus();
            explicitStatusDate = client.explicitStatusDate();
            keyPopulations = client.keyPopulations();
        }

        /** Identical sets of received codes share one instance: a million clients use a few dozen. */
        Client toClient(Map<Set<String>, Set<String>> shared) {
            Set<String> codes = shared.computeIfAbsent(Set.copyOf(received), s -> s);
            return new Client(id, organisationId, gender, birthYear, drug, route, siteId, hotspot, firstContact,
                    explicitStatus, explicitStatusDate, keyPopulations, lastContactInWindow, monthsReached, codes,
                    testedForHiv, knowsHivResult, firstOat, firstPrep, firstPositiveTest, firstArt,
                    oat.isEmpty() ? List.of() : List.copyOf(oat), referralsMade, referralsCompleted, progressed,
                    amounts.isEmpty() ? List.of() : List.copyOf(amounts));
        }
    }
}
