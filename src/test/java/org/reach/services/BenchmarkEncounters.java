package org.reach.services;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.platform.ReachUser;

/**
 * What the encounter benchmarks send: clients who inject, registered once, and encounters with three services for a
 * random one of them on a random day of the last 300, as JSON the encounter API takes. One seeded generator per
 * benchmark, so runs send the same sequence; {@link #encounter} is synchronised for benchmarks that build bodies on
 * several threads.
 */
final class BenchmarkEncounters {

    private static final List<String> SERVICES = List.of("NEEDLES_SYRINGES", "CONDOMS", "INFORMATION_MATERIAL");

    private final Random random;
    private final long siteId;
    private final List<Long> clients;

    private BenchmarkEncounters(Random random, long siteId, List<Long> clients) {
        this.random = random;
        this.siteId = siteId;
        this.clients = List.copyOf(clients);
    }

    /**
     * Registers {@code count} clients at the site (codes that differ in two places from each other, so no near match
     * stops one; {@code sex} 'M' or 'F' and {@code firstYear} keep the benchmarks' codes apart when they share a
     * database) and returns the generator of their encounters.
     */
    static BenchmarkEncounters registerClients(ClientRegistry registry, ReachUser manager, long siteId, int count,
                                               Gender gender, int firstYear, long seed) {
        char sex = gender == Gender.FEMALE ? 'F' : 'M';
        List<Long> ids = new ArrayList<>();
        LocalDate firstContact = LocalDate.now(ZoneOffset.UTC).minusYears(1);
        for (int i = 0; i < count; i++) {
            String code = "" + (char) ('A' + i % 26) + (char) ('A' + i / 26) + (char) ('A' + i % 26) + (char) ('A' + i / 26)
                    + sex + String.format(Locale.ROOT, "%02d", firstYear + i % 30);
            ids.add(registry.register(manager, new ClientRegistration(null, code, gender, 1970 + i % 30,
                    Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING, siteId, null, null,
                    firstContact, null, DuplicateDecision.REJECTED_DIFFERENT, null)).client().id());
        }
        return new BenchmarkEncounters(new Random(seed), siteId, ids);
    }

    List<Long> clients() {
        return clients;
    }

    /** One encounter as JSON, under a new uuid. */
    synchronized String encounter() {
        LocalDate date = LocalDate.now(ZoneOffset.UTC).minusDays(random.nextInt(300));
        StringBuilder services = new StringBuilder();
        for (String code : SERVICES) {
            services.append(services.isEmpty() ? "" : ",").append("{\"code\":\"").append(code).append("\",\"quantity\":")
                    .append(1 + random.nextInt(20)).append('}');
        }
        return "{\"uuid\":\"" + UUID.randomUUID() + "\",\"date\":\"" + date + "\",\"siteId\":" + siteId + ",\"clientId\":"
                + clients.get(random.nextInt(clients.size())) + ",\"anonymous\":false,\"services\":[" + services + "]}";
    }
}
