package org.reach.services;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.reach.ProgrammeFixture;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;

/**
 * Services records for both organisations of a {@link ProgrammeFixture}: an own service, a client, an
 * encounter and a referral each. Foreign records carry the fixture's marker where text allows.
 */
public final class ServicesFixture {

    public final Client homeClient;
    public final Client foreignClient;
    public final ServiceDefinition homeService;
    public final ServiceDefinition foreignService;
    public final Encounter homeEncounter;
    public final Encounter foreignEncounter;
    public final Referral foreignReferral;
    private final ProgrammeFixture world;
    private final ServiceCatalogue catalogue;
    private final Referrals referrals;
    private final LocalDate today;

    public ServicesFixture(ProgrammeFixture world, SignIn signIn, ClientRegistry clients, ServiceCatalogue catalogue,
                           Encounters encounters, Referrals referrals, Clock clock) {
        this.world = world;
        this.today = LocalDate.now(clock);
        this.catalogue = catalogue;
        this.referrals = referrals;
        String id = world.marker.substring(7).toUpperCase(java.util.Locale.ROOT);
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        ReachUser foreignPeer = signIn.reload(world.foreignPeer.id()).orElseThrow();
        homeClient = register(clients, clock, world.user(Role.ORG_MANAGER), "SVSVM85", world.homeSite.id());
        foreignClient = register(clients, clock, foreignManager, "SVSVM85", world.foreignSite.id());
        homeService = catalogue.create(world.user(Role.ORG_MANAGER),
                new ServiceForm("FXOWN_" + id, "Home kit", ServiceCategory.BASIC_NEEDS, ServiceUnit.COUNT));
        foreignService = catalogue.create(foreignManager,
                new ServiceForm("FXOWN_" + id, "Kit " + world.marker, ServiceCategory.BASIC_NEEDS, ServiceUnit.COUNT));
        homeEncounter = encounters.record(world.user(Role.ORG_MANAGER), new EncounterForm(UUID.randomUUID().toString(), today,
                world.homeSite.id(), null, homeClient.id(), null, false, List.of(ServiceLine.of("CONDOMS", 3)), null, null,
                null)).encounter();
        foreignEncounter = encounters.record(foreignPeer, new EncounterForm(UUID.randomUUID().toString(), today, null,
                "Hotspot " + world.marker, foreignClient.id(), null, false, List.of(ServiceLine.of("CONDOMS", 3)), null, null,
                "Notes " + world.marker)).encounter();
        foreignReferral = referrals.refer(foreignPeer, new ReferralForm(foreignClient.id(), null, ProviderType.SHELTER,
                "Shelter " + world.marker, null, today.minusDays(30)));
    }

    /** A client registered with a typed code, first seen two months ago (by the system's clock, as the application's). */
    public static Client register(ClientRegistry clients, ReachUser actor, String code, long siteId) {
        return register(clients, Clock.systemUTC(), actor, code, siteId);
    }

    /** A client registered with a typed code, first seen two months before the clock's today. */
    public static Client register(ClientRegistry clients, Clock clock, ReachUser actor, String code, long siteId) {
        return clients.register(actor, new ClientRegistration(null, code, Gender.MALE, 1985,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING, siteId, null, null,
                LocalDate.now(clock).minusMonths(2), null, null, null)).client();
    }

    /** A new referral of the home organisation, made 20 days ago and accepted 10 days ago if asked. */
    public long freshReferral(boolean accepted) {
        ReachUser manager = world.user(Role.ORG_MANAGER);
        Referral referral = referrals.refer(manager, new ReferralForm(homeClient.id(), null, ProviderType.ART_CLINIC,
                "Civil Hospital", null, today.minusDays(20)));
        if (accepted) {
            referrals.accept(manager, referral.id(), new ReferralStep(today.minusDays(10), null));
        }
        return referral.id();
    }

    /** A new, unused own service of the home organisation. */
    public long freshService(int n) {
        return catalogue.create(world.user(Role.ORG_MANAGER), new ServiceForm("FXDEL_" + n + "_" + world.marker.substring(7)
                .toUpperCase(java.util.Locale.ROOT), "Spare", ServiceCategory.BASIC_NEEDS, ServiceUnit.COUNT)).id();
    }

    public String encounterJson(long siteId, Long clientId) {
        return "{\"uuid\":\"" + UUID.randomUUID() + "\",\"date\":\"" + today + "\",\"siteId\":" + siteId + ",\"clientId\":"
                + clientId + ",\"anonymous\":" + (clientId == null) + ",\"services\":[{\"code\":\"CONDOMS\",\"quantity\":2}]}";
    }

    public String csv(String siteName) {
        return "date,site,client_uic,service_code,quantity\n" + today + "," + siteName + ",,CONDOMS,2\n";
    }

    public LocalDate today() {
        return today;
    }
}
