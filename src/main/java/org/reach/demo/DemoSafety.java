package org.reach.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatus;
import org.reach.organisations.Site;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.safety.DeathForm;
import org.reach.safety.Deaths;
import org.reach.safety.FollowUpForm;
import org.reach.safety.OverdoseForm;
import org.reach.safety.OverdoseReport;
import org.reach.safety.Overdoses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * A year of overdoses at the Karachi hotspots of the rapid assessment, reported by the peer (Lyari), the site manager
 * (Saddar) and the manager (Korangi and Landhi, from the OAT centre): most reversed with naloxone by peers from their
 * kits, most followed up within three days, a few people taken to hospital and a few deaths, the registered ones
 * recorded with their cause (their clients become deceased). A handful of other deaths with coded causes (HIV, TB,
 * hepatitis, violence, unknown) and one cluster in the last three days at a Lyari graveyard, so the manager's start
 * page shows the alert. Recorded through the safety facade, once: nothing is added when reports exist.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoSafety implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSafety.class);
    private static final String CLUSTER_HOTSPOT = "Lyari: Graveyard behind the football ground";

    private final SignIn signIn;
    private final Overdoses overdoses;
    private final Deaths deaths;
    private final ClientRegistry registry;
    private final Clock clock;

    DemoSafety(SignIn signIn, Overdoses overdoses, Deaths deaths, ClientRegistry registry, Clock clock) {
        this.signIn = signIn;
        this.overdoses = overdoses;
        this.deaths = deaths;
        this.registry = registry;
        this.clock = clock;
    }

    /** Who reports where: the hotspots of a district, at the site they work from. */
    private record Team(ReachUser reporter, Site site, List<String> hotspots) {
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<ReachUser> manager = user("karachi.manager");
        Optional<ReachUser> peer = user("karachi.peer");
        Optional<ReachUser> siteManager = user("karachi.site");
        if (manager.isEmpty() || peer.isEmpty() || siteManager.isEmpty()) {
            return;
        }
        if (overdoses.list(manager.get(), 0, 1).total() > 0) {
            log.info("Demo overdose reports already present.");
            return;
        }
        List<String> hotspots = overdoses.hotspotNames(manager.get());
        List<Site> sites = overdoses.recordingSites(manager.get());
        List<Team> teams = new ArrayList<>();
        team(teams, peer.get(), sites, "Lyari drop-in centre", hotspots, "Lyari:");
        team(teams, siteManager.get(), sites, "Saddar outreach base", hotspots, "Saddar:");
        team(teams, manager.get(), sites, "Korangi OAT centre", hotspots, "Korangi:", "Landhi:");
        if (teams.isEmpty() || !hotspots.contains(CLUSTER_HOTSPOT)) {
            log.info("Demo overdose reports skipped: the Karachi rapid assessment is missing.");
            return;
        }
        try {
            create(manager.get(), peer.get(), teams);
        } catch (InvalidInput refused) {
            log.warn("Demo overdose reports not recorded: {}", refused.getMessage());
        }
    }

    private void create(ReachUser manager, ReachUser peer, List<Team> teams) {
        Random random = new Random(2026);
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = now.toLocalDate();
        List<Client> living = clients(manager).stream().filter(c -> c.status() != ClientStatus.DECEASED
                && c.status() != ClientStatus.EXITED && c.status() != ClientStatus.TRANSFERRED).toList();
        Set<Long> dead = new HashSet<>();
        int reports = 0;
        int died = 0;
        for (int daysAgo = 364; daysAgo >= 4; daysAgo--) {
            if (random.nextInt(100) >= 30) {
                continue;
            }
            Team team = teams.get(random.nextInt(teams.size()));
            LocalDateTime at = today.minusDays(daysAgo).atTime((18 + random.nextInt(10)) % 24, random.nextInt(60));
            boolean naloxone = random.nextInt(100) < 85;
            String outcome = outcome(random, naloxone);
            Client client = null;
            if (random.nextInt(100) < 40 && !living.isEmpty()) {
                Client candidate = living.get(random.nextInt(living.size()));
                // someone who died was not seen again afterwards
                if (!dead.contains(candidate.id()) && candidate.firstContact().isBefore(at.toLocalDate())
                        && (!"DIED".equals(outcome) || !candidate.lastContact().isAfter(at.toLocalDate()))) {
                    client = candidate;
                }
            }
            OverdoseReport report = report(team, random, at, client, naloxone, outcome, living, dead);
            reports++;
            if ("DIED".equals(outcome) && client != null) {
                deaths.record(team.reporter(), new DeathForm(client.id(), null, at.toLocalDate(), report.hotspot(),
                        "OVERDOSE", "PEER", report.id(), random.nextBoolean() ? "YES" : "NO", "NO", "NO",
                        random.nextInt(3) == 0 ? "YES" : "UNKNOWN", "Found at the hotspot in the morning."));
                dead.add(client.id());
                died++;
            } else if (!"DIED".equals(outcome) && random.nextInt(100) < 75) {
                overdoses.recordFollowUp(team.reporter(), report.id(), new FollowUpForm(at.toLocalDate().plusDays(
                        1 + random.nextInt(3)), random.nextInt(10) < 8 ? "SEEN_WELL" : random.nextBoolean()
                        ? "SEEN_NEEDS_CARE" : "REFERRED"));
            }
        }
        // the cluster of the last three days, which the manager's start page shows
        Team lyari = teams.get(0);
        for (int hours : new int[] {52, 27, 3}) {
            report(new Team(lyari.reporter(), lyari.site(), List.of(CLUSTER_HOTSPOT)), random, now.minusHours(hours), null,
                    true, "SURVIVED", living, dead);
            reports++;
        }
        // deaths of other causes, told by families, hospitals and the police
        String[][] causes = {{"HIV", "HOSPITAL"}, {"TB", "HOSPITAL"}, {"HEPATITIS_LIVER", "FAMILY"},
                {"VIOLENCE", "POLICE"}, {"UNKNOWN", "PEER"}, {"INFECTION_SEPSIS", "FAMILY"}};
        int other = 0;
        for (Client client : living) {
            if (other == causes.length) {
                break;
            }
            if (dead.contains(client.id()) || client.lastContact().isAfter(today.minusDays(45))
                    || client.lastContact().isBefore(today.minusDays(300))) {
                continue;
            }
            LocalDate diedOn = client.lastContact().plusDays(5 + random.nextInt(30));
            deaths.record(manager, new DeathForm(client.id(), null, diedOn.isAfter(today) ? today : diedOn, null,
                    causes[other][0], causes[other][1], null, other % 2 == 0 ? "NO" : null, other % 2 == 0 ? "YES" : null,
                    other % 2 == 0 ? "NO" : null, null, null));
            dead.add(client.id());
            other++;
        }
        log.info("Demo safety data created: {} overdose reports, {} overdose deaths, {} deaths of other causes.", reports,
                died, other);
    }

    private OverdoseReport report(Team team, Random random, LocalDateTime at, Client client, boolean naloxone,
                                  String outcome, List<Client> living, Set<Long> dead) {
        List<String> substances = new ArrayList<>(List.of("HEROIN"));
        if (random.nextInt(100) < 20) {
            substances.add("BENZODIAZEPINES");
        }
        if (random.nextInt(100) < 15) {
            substances.add("METHAMPHETAMINE");
        }
        if (random.nextInt(100) < 10) {
            substances.add("ALCOHOL");
        }
        List<String> signs = new ArrayList<>(List.of("UNRESPONSIVE", "SLOW_OR_NO_BREATHING"));
        if (random.nextBoolean()) {
            signs.add("PINPOINT_PUPILS");
        }
        if (random.nextInt(100) < 30) {
            signs.add("BLUE_LIPS");
        }
        int doses = naloxone ? (random.nextInt(10) < 6 ? 1 : random.nextInt(10) < 7 ? 2 : 3) : 0;
        List<String> givers = new ArrayList<>();
        String holder = null;
        if (naloxone) {
            int who = random.nextInt(100);
            givers.add(who < 80 ? "PEER" : who < 90 ? "BYSTANDER" : "STAFF");
            if (who >= 80 && who < 90 && !living.isEmpty()) {
                Client owner = living.get(random.nextInt(living.size())); // a friend's own kit
                holder = dead.contains(owner.id()) ? null : owner.uic();
            }
            if ("HOSPITALISED".equals(outcome) && random.nextBoolean()) {
                givers.add("AMBULANCE");
            }
        }
        List<String> responses = new ArrayList<>();
        if (random.nextInt(100) < 70) {
            responses.add("RECOVERY_POSITION");
        }
        if (random.nextInt(100) < 40) {
            responses.add("RESCUE_BREATHING");
        }
        if ("HOSPITALISED".equals(outcome) || random.nextInt(100) < 5) {
            responses.add("AMBULANCE_CALLED");
            responses.add("TAKEN_TO_HOSPITAL");
        }
        String hotspot = team.hotspots().get(random.nextInt(team.hotspots().size()));
        boolean anonymous = client == null;
        String[] bands = {"FROM_18_TO_24", "FROM_25_TO_34", "FROM_25_TO_34", "FROM_35_TO_44", "FROM_45", "UNKNOWN"};
        return overdoses.record(team.reporter(), new OverdoseForm(UUID.nameUUIDFromBytes(("demo-overdose-" + at + hotspot)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), at, team.site().id(), hotspot, null, null,
                null, anonymous ? null : client.id(), null, anonymous ? (random.nextInt(10) == 0 ? "FEMALE" : "MALE") : null,
                anonymous ? bands[random.nextInt(bands.length)] : null, substances, signs, doses, givers, true, holder,
                responses, outcome, null)).report();
    }

    private static String outcome(Random random, boolean naloxone) {
        int r = random.nextInt(100);
        if (naloxone) {
            return r < 87 ? "SURVIVED" : r < 96 ? "HOSPITALISED" : r < 98 ? "UNKNOWN" : "DIED";
        }
        return r < 50 ? "SURVIVED" : r < 70 ? "HOSPITALISED" : r < 85 ? "UNKNOWN" : "DIED";
    }

    private static void team(List<Team> teams, ReachUser reporter, List<Site> sites, String siteName,
                             List<String> hotspots, String... districts) {
        Optional<Site> site = sites.stream().filter(s -> s.name().equals(siteName)).findFirst();
        List<String> theirs = hotspots.stream()
                .filter(h -> java.util.Arrays.stream(districts).anyMatch(h::startsWith)).toList();
        if (site.isPresent() && !theirs.isEmpty()) {
            teams.add(new Team(reporter, site.get(), theirs));
        }
    }

    private List<Client> clients(ReachUser manager) {
        return DemoClientList.of(registry, manager);
    }

    private Optional<ReachUser> user(String username) {
        try {
            return Optional.of(signIn.loadUserByUsername(username));
        } catch (UsernameNotFoundException missing) {
            return Optional.empty();
        }
    }
}
