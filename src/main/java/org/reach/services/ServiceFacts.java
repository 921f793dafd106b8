package org.reach.services;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.reach.services.store.ServiceFactStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Encounters, services given and referrals summarised for those who keep figures (indicators and data-quality
 * checks), read-only. The database does the grouping, so a million clients come back as a million summary rows
 * however many encounters they had; rows are handed to the caller one by one rather than collected. These rows
 * are client-level: the caller decides which organisations' figures it computes and lets only counts leave.
 */
@Service
@Transactional(readOnly = true)
public class ServiceFacts {

    /** Service codes whose dispensations count as opioid agonist therapy. */
    public static final Set<String> OAT = Set.of("OAT_METHADONE", "OAT_BUPRENORPHINE");

    /**
     * Which records: those of these organisations, optionally at one site only, and optionally of some clients
     * only ({@code clientIds}, null for all) or the anonymous encounters only.
     */
    public record Scope(List<Long> organisationIds, Long siteId, Collection<Long> clientIds, boolean anonymousOnly) {

        public static Scope of(List<Long> organisationIds, Long siteId) {
            return new Scope(organisationIds, siteId, null, false);
        }
    }

    /** A client's latest encounter in a window and the distinct calendar months with one in the period. */
    public record Contacts(long clientId, LocalDate latest, int monthsInPeriod) {
    }

    /**
     * What was given at one place (site and hotspot) to one client, or anonymously when the client is null, in a
     * period: per service code asked about, how many times and what quantity, in the order of the codes asked.
     */
    public record GivenAtPlace(Long clientId, long organisationId, Long siteId, String hotspot, long hivResultsGiven,
                               long[] times, long[] quantities) {
    }

    /** The first date of each milestone service up to a day (null when none). */
    public record Firsts(long clientId, LocalDate oat, LocalDate prep, LocalDate positiveHivTest, LocalDate artInitiation) {
    }

    /** One dispensation of a service to a client: the date and the quantity (for OAT, dose days). */
    public record Dispensed(long clientId, LocalDate date, int quantity) {
    }

    /** Referrals of a client made in a period and how many of them were completed. */
    public record ReferralCounts(long clientId, int made, int completed) {
    }

    /** The day a client's first completed referral to a kind of provider was closed. */
    public record FirstCompletion(long clientId, LocalDate closedOn) {
    }

    /** An encounter for the data-quality checks. */
    public record EncounterFact(long id, Long clientId, long organisationId, Long siteId, LocalDate date) {
    }

    /** One service given in an encounter, for the data-quality checks. */
    public record ServiceFact(long encounterId, Long clientId, long organisationId, Long siteId, LocalDate date,
                              String code, int quantity, String result) {
    }

    private final ServiceFactStore store;

    ServiceFacts(ServiceFactStore store) {
        this.store = store;
    }

    /** Per client with an encounter from {@code windowStart} to {@code end}: the latest, and months from {@code start}. */
    public void contacts(Scope scope, LocalDate windowStart, LocalDate start, LocalDate end, Consumer<Contacts> each) {
        store.contacts(scope, windowStart, start, end, each);
    }

    /** Per client (or anonymous) and place, the services among {@code codes} given from {@code start} to {@code end}. */
    public void givenAtPlaces(Scope scope, LocalDate start, LocalDate end, List<String> codes, Consumer<GivenAtPlace> each) {
        store.givenAtPlaces(scope, start, end, codes, each);
    }

    /** Per client, the first OAT, PrEP, positive HIV test and ART initiation up to {@code end}, over the whole history. */
    public void firsts(Scope scope, LocalDate end, Consumer<Firsts> each) {
        store.firsts(scope, end, OAT, each);
    }

    /** Every dispensation to a client of a service among {@code codes} from {@code from} to {@code end}. */
    public void dispensations(Scope scope, Set<String> codes, LocalDate from, LocalDate end, Consumer<Dispensed> each) {
        store.dispensations(scope, codes, from, end, each);
    }

    /**
     * Per client, referrals made from {@code start} to {@code end}. Referrals carry no site: the scope's site does not
     * narrow them, the caller keeps the clients it knows.
     */
    public void referralCounts(Scope scope, LocalDate start, LocalDate end, Consumer<ReferralCounts> each) {
        store.referralCounts(scope, start, end, each);
    }

    /** Per client, the first completed referral to a provider of this type closed by {@code end} (site as above). */
    public void firstCompletedReferrals(Scope scope, String providerType, LocalDate end, Consumer<FirstCompletion> each) {
        store.firstCompletedReferrals(scope, providerType, end, each);
    }

    /** The clients of some encounters, with null in the set for an anonymous one. */
    public Set<Long> clientsOfEncounters(Collection<Long> encounterIds) {
        return store.clientsOfEncounters(encounterIds);
    }

    public Set<Long> clientsOfReferrals(Collection<Long> referralIds) {
        return store.clientsOfReferrals(referralIds);
    }

    /** Encounters from {@code from} to {@code end}, for the data-quality checks. */
    public List<EncounterFact> encounters(Scope scope, LocalDate from, LocalDate end) {
        return store.encounters(scope, from, end);
    }

    /** Services given from {@code from} to {@code end}, for the data-quality checks. */
    public List<ServiceFact> servicesGiven(Scope scope, LocalDate from, LocalDate end) {
        return store.servicesGiven(scope, from, end);
    }

    /** Clients with any encounter up to {@code end}. */
    public Set<Long> clientsSeen(Scope scope, LocalDate end) {
        return store.clientsSeen(scope, end);
    }
}
