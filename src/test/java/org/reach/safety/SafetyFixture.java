package org.reach.safety;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.reach.ProgrammeFixture;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.rar.Assessment;
import org.reach.rar.AssessmentForm;
import org.reach.rar.AssessmentStatus;
import org.reach.rar.GatheringReason;
import org.reach.rar.HotspotForm;
import org.reach.rar.RapidAssessments;
import org.reach.rar.TimeOfDay;
import org.reach.rar.Typology;
import org.reach.rar.UseType;
import org.reach.services.ServicesFixture;

/**
 * Safety records for both organisations of a {@link ProgrammeFixture}: a rapid assessment with hotspots, a client, an
 * overdose report and a death each. Foreign records carry the fixture's marker where text allows.
 */
public final class SafetyFixture {

    public static final String HOTSPOT = "Mewa Shah graveyard";
    public static final String OTHER_HOTSPOT = "Lyari river bed";

    public final Client homeClient;
    public final Client homeDeceased;
    public final Client foreignClient;
    public final Client foreignDeceased;
    public final OverdoseReport homeReport;
    public final OverdoseReport foreignReport;
    public final Death homeDeath;
    public final Death foreignDeath;
    public final String foreignHotspot;
    private final ProgrammeFixture world;
    private final Overdoses overdoses;
    private final ClientRegistry clients;

    public SafetyFixture(ProgrammeFixture world, SignIn signIn, ClientRegistry clients, RapidAssessments rar,
                         Overdoses overdoses, Deaths deaths) {
        this.world = world;
        this.overdoses = overdoses;
        this.clients = clients;
        ReachUser system = ReachUser.system();
        Assessment home = rar.createAssessment(system, new AssessmentForm(world.home.id(), "Safety assessment", "Karachi",
                null, null, "team", null, AssessmentStatus.FIELDWORK));
        rar.createHotspot(system, home.id(), hotspot(HOTSPOT));
        rar.createHotspot(system, home.id(), hotspot(OTHER_HOTSPOT));
        Assessment foreign = rar.createAssessment(system, new AssessmentForm(world.foreign.id(),
                "Safety assessment " + world.marker, "Area " + world.marker, null, null, "team", null, AssessmentStatus.FIELDWORK));
        foreignHotspot = "Hotspot " + world.marker;
        rar.createHotspot(system, foreign.id(), hotspot(foreignHotspot));

        ReachUser manager = world.user(Role.ORG_MANAGER);
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        ReachUser foreignPeer = signIn.reload(world.foreignPeer.id()).orElseThrow();
        homeClient = ServicesFixture.register(clients, java.time.Clock.systemUTC(), manager, "KTKTM90", world.homeSite.id());
        homeDeceased = ServicesFixture.register(clients, java.time.Clock.systemUTC(), manager, "DDDDM80", world.homeSite.id());
        foreignClient = ServicesFixture.register(clients, java.time.Clock.systemUTC(), foreignManager, "FRFRM90", world.foreignSite.id());
        foreignDeceased = ServicesFixture.register(clients, java.time.Clock.systemUTC(), foreignManager, "FDFDM80", world.foreignSite.id());
        homeReport = overdoses.record(world.user(Role.OUTREACH_WORKER), form(world.homeSite.id(), HOTSPOT,
                homeClient.id(), hoursAgo(30))).report();
        foreignReport = overdoses.record(foreignPeer, new OverdoseForm(UUID.randomUUID().toString(), hoursAgo(30),
                world.foreignSite.id(), foreignHotspot, null, null, null, foreignClient.id(), null, null, null,
                List.of("HEROIN"), List.of(), 2, List.of("PEER"), true, null, List.of(), "SURVIVED",
                "Notes " + world.marker)).report();
        homeDeath = deaths.record(manager, new DeathForm(homeDeceased.id(), null, today().minusDays(3), "Home place",
                "TB", "FAMILY", null, null, null, null, null, null));
        foreignDeath = deaths.record(foreignManager, new DeathForm(foreignDeceased.id(), null, today().minusDays(3),
                "Place " + world.marker, "HIV", "HOSPITAL", null, "NO", "YES", "YES", "NO", "Notes " + world.marker));
    }

    static HotspotForm hotspot(String name) {
        return new HotspotForm(name, "Lyari", 24.87, 66.99, 10.0, null, Typology.GRAVEYARD, UseType.MIXED,
                List.of("HEROIN"), List.of(GatheringReason.PRIVACY), List.of(TimeOfDay.EVENING), List.of(), true, false,
                false);
    }

    /** A reversal by a peer with one dose from a kit, at a site and hotspot, for a client or an anonymous man. */
    public static OverdoseForm form(Long siteId, String hotspot, Long clientId, LocalDateTime at) {
        return new OverdoseForm(UUID.randomUUID().toString(), at, siteId, hotspot, null, null, null, clientId, null,
                clientId == null ? "MALE" : null, clientId == null ? "FROM_25_TO_34" : null, List.of("HEROIN"),
                List.of("UNRESPONSIVE"), 1, List.of("PEER"), true, null, List.of("RECOVERY_POSITION"), "SURVIVED", null);
    }

    public static LocalDateTime hoursAgo(long hours) {
        return LocalDateTime.now(ZoneOffset.UTC).minusHours(hours).truncatedTo(ChronoUnit.MINUTES);
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** JSON of a report at the home (or any) site, for the API. */
    public static String json(String uuid, long siteId, String hotspot, Long clientId, int doses) {
        return "{\"uuid\":\"" + uuid + "\",\"occurredAt\":\"" + hoursAgo(2) + "\",\"siteId\":" + siteId
                + (hotspot == null ? "" : ",\"hotspot\":\"" + hotspot + "\"") + ",\"clientId\":" + clientId
                + ",\"substances\":[\"HEROIN\"],\"naloxoneDoses\":" + doses + ",\"naloxoneGivers\":"
                + (doses > 0 ? "[\"PEER\"]" : "[]") + ",\"outcome\":\"SURVIVED\"}";
    }

    public String homeJson() {
        return json(UUID.randomUUID().toString(), world.homeSite.id(), HOTSPOT, homeClient.id(), 1);
    }

    public String foreignJson() {
        return json(UUID.randomUUID().toString(), world.foreignSite.id(), null, foreignClient.id(), 1);
    }

    /** A fresh report of the home organisation by its peer, for endpoints that change one. */
    public long freshHomeReport() {
        return overdoses.record(world.user(Role.OUTREACH_WORKER), form(world.homeSite.id(), null, null, hoursAgo(5)))
                .report().id();
    }

    /** A new client of the home organisation with a code made from n, for endpoints that record a death. */
    public Client freshClient(int n) {
        String code = "Q" + (char) ('A' + n % 26) + (char) ('A' + (n / 26) % 26) + "ZM" + (10 + n % 90);
        return clients.register(world.user(Role.ORG_MANAGER), new ClientRegistration(null, code, Gender.MALE, 1985,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING, world.homeSite.id(),
                null, null, today().minusMonths(2), null, DuplicateDecision.REJECTED_DIFFERENT, null)).client();
    }

    public static String deathJson(Long clientId, String cause) {
        return "{\"clientId\":" + clientId + ",\"diedOn\":\"" + today().minusDays(1) + "\",\"cause\":\"" + cause
                + "\",\"source\":\"PEER\"}";
    }
}
