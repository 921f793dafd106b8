package org.reach.indicators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reach.audit.AuditAction;
import org.reach.audit.RecordWritten;
import org.reach.clients.ClientSettings;
import org.reach.clients.Clients;
import org.reach.clients.ClientsContacted;
import org.reach.indicators.store.IndicatorStore;
import org.reach.indicators.store.PeriodFactStore;
import org.reach.indicators.store.PeriodFacts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the engines of recently asked periods and brings them up to date incrementally. Every audited write
 * arrives here after its commit: a written client, encounter or referral marks that one client (or the
 * anonymous encounters) for a re-read of its summary, which the next request applies as a difference (a batch of
 * encounters names its clients in {@link ClientsContacted}); any
 * other write to an organisation's records drops that organisation's engines. Entries also expire after a
 * while, which bounds how stale they can be when the database is written to by something else.
 */
@Component
class IndicatorCache {

    /** Audited writes that cannot change a client's summary. */
    private static final List<String> IRRELEVANT = List.of("rar_", "partner_", "indicator_", "dhis2", "programme");

    private record Key(List<Long> organisationIds, Long siteId, Period period) {
    }

    /** One engine and the changes waiting to be applied to it. */
    private static final class Entry {
        IndicatorEngine engine;
        Instant built;
        final Set<Long> clients = new HashSet<>();
        final Set<Long> encounters = new HashSet<>();
        final Set<Long> referrals = new HashSet<>();
        boolean anonymous;

        boolean pending() {
            return anonymous || !clients.isEmpty() || !encounters.isEmpty() || !referrals.isEmpty();
        }
    }

    private final PeriodFactStore facts;
    private final IndicatorProviders providers;
    private final Clients registry;
    private final IndicatorStore store;
    private final Clock clock;
    private final int maxEntries;
    private final Duration maxAge;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    IndicatorCache(PeriodFactStore facts, IndicatorProviders providers, IndicatorStore store, Clients registry, Clock clock,
                   @Value("${reach.indicators.cache.entries:6}") int maxEntries,
                   @Value("${reach.indicators.cache.minutes:15}") int maxMinutes) {
        this.facts = facts;
        this.providers = providers;
        this.registry = registry;
        this.store = store;
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.maxAge = Duration.ofMinutes(maxMinutes);
    }

    /** The engine of a period for these organisations (and optionally one site), up to date. */
    IndicatorEngine engine(List<Long> organisationIds, Long siteId, Period period) {
        List<Long> orgs = organisationIds.stream().sorted().toList();
        Key key = new Key(orgs, siteId, new Period(Period.Type.CUSTOM, period.start(), period.end()));
        Entry entry;
        synchronized (entries) {
            entry = entries.computeIfAbsent(key, k -> new Entry());
            while (entries.size() > Math.max(maxEntries, 1)) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
        synchronized (entry) {
            Instant now = Instant.now(clock);
            if (entry.engine == null || maxEntries <= 0 || entry.built.plus(maxAge).isBefore(now)) {
                entry.clients.clear();
                entry.encounters.clear();
                entry.referrals.clear();
                entry.anonymous = false;
                entry.engine = build(orgs, siteId, period);
                entry.built = now;
            } else if (entry.pending()) {
                Set<Long> clients;
                boolean anonymous;
                synchronized (entries) {
                    clients = new HashSet<>(entry.clients);
                    clients.addAll(facts.clientsOfReferrals(entry.referrals));
                    Set<Long> ofEncounters = facts.clientsOfEncounters(entry.encounters);
                    anonymous = entry.anonymous || ofEncounters.contains(null);
                    ofEncounters.remove(null);
                    clients.addAll(ofEncounters);
                    entry.clients.clear();
                    entry.encounters.clear();
                    entry.referrals.clear();
                    entry.anonymous = false;
                }
                Set<String> codes = receivedCodes(orgs);
                if (!clients.isEmpty()) {
                    PeriodFacts fresh = facts.load(orgs, siteId, period.start(), period.end(), codes,
                            quantityCodes(orgs), PeriodFactStore.Only.clients(clients), registry.statusRules(orgs));
                    entry.engine.refresh(clients, false, fresh, providers.load(new FactQuery(orgs, siteId,
                            period.start(), period.end(), clients, false)));
                }
                if (anonymous) {
                    PeriodFacts fresh = facts.load(orgs, siteId, period.start(), period.end(), codes,
                            quantityCodes(orgs), PeriodFactStore.Only.ANONYMOUS, registry.statusRules(orgs));
                    entry.engine.refresh(List.of(), true, fresh, providers.load(new FactQuery(orgs, siteId,
                            period.start(), period.end(), null, true)));
                }
            }
            return entry.engine;
        }
    }

    private IndicatorEngine build(List<Long> orgs, Long siteId, Period period) {
        Map<String, Set<String>> packages = store.packages();
        Map<Long, ClientSettings> statusRules = registry.statusRules(orgs);
        PeriodFacts loaded = facts.load(orgs, siteId, period.start(), period.end(), receivedCodes(orgs),
                quantityCodes(orgs), PeriodFactStore.Only.EVERYTHING, statusRules);
        List<FactRow> rows = providers.load(FactQuery.everything(orgs, siteId, period.start(), period.end()));
        return new IndicatorEngine(period, loaded, rows, providers.specs(), providers.width(), packages,
                (population, year) -> store.estimate(orgs, population, year), statusRules);
    }

    /** The services whose receipt is read per client: the packages' and those the organisations' own indicators count. */
    private Set<String> receivedCodes(List<Long> orgs) {
        Set<String> codes = IndicatorEngine.receivedCodes(store.packages());
        store.ownIndicators(orgs).forEach(own -> codes.add(own.serviceCode()));
        return codes;
    }

    /** The services whose quantity per place own indicators count. */
    private Set<String> quantityCodes(List<Long> orgs) {
        Set<String> codes = new HashSet<>();
        store.ownIndicators(orgs).stream().filter(own -> own.counts() == OwnIndicator.Counts.QUANTITY)
                .forEach(own -> codes.add(own.serviceCode()));
        return codes;
    }

    /** Forgets everything, for writes made behind the application's back (bulk loads), or a new own indicator. */
    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RecordWritten written) {
        if (written.organisationId() == null || written.action() == AuditAction.EXPORT
                || written.action() == AuditAction.READ
                || IRRELEVANT.stream().anyMatch(prefix -> written.entityType().startsWith(prefix))) {
            return;
        }
        Long id = parse(written.entityId());
        synchronized (entries) {
            List<Key> dropped = new ArrayList<>();
            entries.forEach((key, entry) -> {
                if (!key.organisationIds().contains(written.organisationId())) {
                    return;
                }
                if (id == null) {
                    // A batch of encounters: its clients arrive as ClientsContacted; anonymous ones are re-read.
                    // An entry about several clients (an import, moved contact dates) names them all.
                    switch (written.entityType()) {
                        case "encounter" -> entry.anonymous = true;
                        case "client" -> entry.clients.addAll(written.clientIds());
                        default -> dropped.add(key);
                    }
                    return;
                }
                switch (written.entityType()) {
                    case "client" -> entry.clients.add(id);
                    case "encounter" -> entry.encounters.add(id);
                    case "referral" -> entry.referrals.add(id);
                    default -> dropped.add(key);
                }
            });
            dropped.forEach(entries::remove);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ClientsContacted contacted) {
        synchronized (entries) {
            entries.forEach((key, entry) -> {
                if (key.organisationIds().contains(contacted.organisationId())) {
                    contacted.contacts().forEach(contact -> entry.clients.add(contact.clientId()));
                }
            });
        }
    }

    private static Long parse(String id) {
        if (id == null) {
            return null;
        }
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
