package org.reach.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.reach.accounts.SignIn;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.PeerEducator;
import org.reach.clients.RegistrationOutcome;
import org.reach.clients.Route;
import org.reach.organisations.Site;
import org.reach.platform.ReachUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * About 300 clients for Karachi and 150 for Mombasa, registered through the registry with a fixed seed:
 * people who inject or smoke heroin, methamphetamine smokers, about 15 % women, some transgender people,
 * registered with the codes from their code cards, first met at some point in the last two and a half years.
 * Their year of contacts, their stages and the occasional recorded status (detained, transferred, deceased)
 * follow from the encounters and referrals {@link DemoEncounters} records for them, so statuses derived from
 * the last contact stay coherent. Nothing is added when the clients already exist.
 */
@Component
@Order(6)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoClients implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoClients.class);

    private static final List<String> KARACHI_MOTHERS = List.of("Fatima", "Ayesha", "Zainab", "Rukhsana", "Shabana",
            "Nasreen", "Parveen", "Kulsoom", "Bushra", "Samina", "Razia", "Nargis", "Yasmeen", "Hajra", "Saira", "Gulnaz");
    private static final List<String> KARACHI_FATHERS = List.of("Muhammad", "Abdul", "Ghulam", "Rasheed", "Bashir",
            "Iqbal", "Saleem", "Aslam", "Karim", "Nawaz", "Yousuf", "Hanif", "Tariq", "Jameel", "Qadir", "Sultan");
    private static final List<String> MOMBASA_MOTHERS = List.of("Mwanaisha", "Fatuma", "Zawadi", "Halima", "Rehema",
            "Amina", "Mwajuma", "Saida", "Khadija", "Neema", "Tatu", "Asha", "Wanjiru", "Achieng", "Mariamu", "Salma");
    private static final List<String> MOMBASA_FATHERS = List.of("Juma", "Omari", "Bakari", "Hamisi", "Rashidi",
            "Swaleh", "Mohamed", "Kazungu", "Baraka", "Ochieng", "Kahindi", "Said", "Athumani", "Mwinyi", "Otieno", "Charo");
    /** Four of these are places of the demo rapid assessment, so its coverage gaps show registry counts. */
    private static final List<String> KARACHI_HOTSPOTS = List.of("Nullah bank", "Sher Shah bridge",
            "Empress Market back lane", "Crossing under the bridge", "Cantt station", "Gizri graveyard",
            "Old Sabzi Mandi", "Machar Colony", "Lea Market", "Harbour wall");
    private static final List<String> MOMBASA_HOTSPOTS = List.of("Old Town alleys", "Mwembe Tayari", "Majengo",
            "Likoni ferry", "Kisauni base", "Bombolulu", "Mtopanga", "Kongowea market", "Makupa");

    private final ClientRegistry registry;
    private final SignIn signIn;
    private final Clock clock;

    DemoClients(ClientRegistry registry, SignIn signIn, Clock clock) {
        this.registry = registry;
        this.signIn = signIn;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<DemoManagers> managers = DemoManagers.signIn(signIn);
        if (managers.isEmpty()) {
            log.info("No demo accounts, so no demo clients.");
            return;
        }
        ReachUser karachi = managers.get().karachi();
        ReachUser mombasa = managers.get().mombasa();
        if (registry.clientCount(karachi) > 0 || registry.clientCount(mombasa) > 0) {
            log.info("Demo clients already present.");
            return;
        }
        Random random = new Random(20260401L);
        int karachiCount = create(karachi, 300, random, KARACHI_MOTHERS, KARACHI_FATHERS, KARACHI_HOTSPOTS, false);
        int mombasaCount = create(mombasa, 150, random, MOMBASA_MOTHERS, MOMBASA_FATHERS, MOMBASA_HOTSPOTS, true);
        log.info("Demo clients created: {} in Karachi, {} in Mombasa.", karachiCount, mombasaCount);
    }

    private int create(ReachUser manager, int count, Random random, List<String> mothers, List<String> fathers,
                       List<String> hotspots, boolean mombasa) {
        List<Site> sites = registry.enrolmentSites(manager);
        List<PeerEducator> peers = registry.peerEducators(manager);
        LocalDate today = LocalDate.now(clock);
        int created = 0;
        for (int i = 0; i < count; i++) {
            Profile drawn = profile(random, mombasa);
            int birthYear = today.getYear() - 19 - random.nextInt(32);
            LocalDate firstContact = today.minusDays(random.nextInt(900));
            Profile profile = mombasa ? drawn : withTheMarketShift(drawn, firstContact, today, i);
            Site site = sites.get(random.nextInt(sites.size()));
            Long peer = peers.isEmpty() ? null : peers.get(random.nextInt(peers.size())).id();
            String code = code(mothers.get(random.nextInt(mothers.size())), fathers.get(random.nextInt(fathers.size())),
                    profile.gender(), birthYear);
            ClientRegistration registration = new ClientRegistration(null, code, profile.gender(), birthYear,
                    profile.populations(), profile.primary(), profile.secondary(), profile.route(), site.id(),
                    hotspots.get(random.nextInt(hotspots.size())), peer, firstContact, null, null, null);
            RegistrationOutcome outcome = registry.register(manager, registration);
            if (outcome.kind() == RegistrationOutcome.Kind.NEEDS_DECISION) {
                outcome = registry.register(manager, new ClientRegistration(null, outcome.code(), profile.gender(),
                        birthYear, profile.populations(), profile.primary(), profile.secondary(), profile.route(),
                        site.id(), registration.enrolmentHotspot(), peer, firstContact, null,
                        DuplicateDecision.REJECTED_DIFFERENT, null));
            }
            if (outcome.kind() != RegistrationOutcome.Kind.CREATED) {
                continue;
            }
            created++;
        }
        return created;
    }

    /** The code as a code card written by an outreach worker would show it: mother 2, father 2, sex, year 2. */
    private static String code(String mother, String father, Gender gender, int birthYear) {
        char sex = switch (gender) {
            case FEMALE -> 'F';
            case MALE -> 'M';
            case TRANSGENDER_WOMAN -> 'T';
            case TRANSGENDER_MAN -> 'R';
            case OTHER -> 'X';
        };
        return (mother.substring(0, 2) + father.substring(0, 2)).toUpperCase(Locale.ROOT) + sex
                + String.format(Locale.ROOT, "%02d", birthYear % 100);
    }

    private record Profile(Gender gender, Set<KeyPopulation> populations, Drug primary, Drug secondary, Route route) {
    }

    /**
     * Karachi's drug market of the demo year: heroin gives way to methamphetamine smoked from glass pipes, so a
     * growing part of the heroin users who first came during the last year (none a year ago, about six in ten of
     * them lately) use methamphetamine instead. Decided by the client's place in the sequence, not by a further random
     * draw, so every other demo record stays as it was.
     */
    private static Profile withTheMarketShift(Profile drawn, LocalDate firstContact, LocalDate today, int i) {
        long daysAgo = java.time.temporal.ChronoUnit.DAYS.between(firstContact, today);
        if (drawn.primary() != Drug.HEROIN || daysAgo >= 365) {
            return drawn;
        }
        double progress = (365 - daysAgo) / 365.0;
        if ((i * 37 + 11) % 100 >= 65 * progress) {
            return drawn;
        }
        Set<KeyPopulation> populations = EnumSet.copyOf(drawn.populations());
        populations.remove(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS);
        populations.add(KeyPopulation.PEOPLE_WHO_USE_DRUGS_NOT_INJECTING);
        return new Profile(drawn.gender(), populations, Drug.METHAMPHETAMINE, drawn.secondary() == Drug.CANNABIS
                ? Drug.CANNABIS : Drug.HEROIN, Route.SMOKING);
    }

    private static Profile profile(Random random, boolean mombasa) {
        int g = random.nextInt(100);
        Gender gender = g < 15 ? Gender.FEMALE : g < 20 ? Gender.TRANSGENDER_WOMAN : g < 21 ? Gender.TRANSGENDER_MAN : Gender.MALE;
        Set<KeyPopulation> populations = EnumSet.noneOf(KeyPopulation.class);
        int use = random.nextInt(100);
        Drug primary;
        Drug secondary = null;
        Route route;
        if (use < (mombasa ? 45 : 55)) {
            populations.add(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS);
            primary = Drug.HEROIN;
            route = Route.INJECTING;
            int s = random.nextInt(10);
            secondary = s < 3 ? Drug.BENZODIAZEPINES : s < 5 ? Drug.PHARMACEUTICAL_OPIOIDS : null;
        } else if (use < 82) {
            populations.add(KeyPopulation.PEOPLE_WHO_USE_DRUGS_NOT_INJECTING);
            primary = Drug.HEROIN;
            route = random.nextInt(5) == 0 ? Route.INHALING : Route.SMOKING;
            secondary = random.nextInt(4) == 0 ? Drug.CANNABIS : null;
        } else if (use < 95) {
            populations.add(KeyPopulation.PEOPLE_WHO_USE_DRUGS_NOT_INJECTING);
            primary = Drug.METHAMPHETAMINE;
            route = Route.SMOKING;
            secondary = random.nextInt(3) == 0 ? Drug.HEROIN : null;
        } else {
            populations.add(KeyPopulation.PEOPLE_WHO_USE_DRUGS_NOT_INJECTING);
            primary = mombasa ? Drug.CANNABIS : Drug.SOLVENTS;
            route = mombasa ? Route.SMOKING : Route.INHALING;
        }
        if (gender == Gender.TRANSGENDER_WOMAN || gender == Gender.TRANSGENDER_MAN) {
            populations.add(KeyPopulation.TRANSGENDER_PERSON);
        }
        if ((gender != Gender.MALE && random.nextInt(100) < 40) || random.nextInt(100) < 3) {
            populations.add(KeyPopulation.SEX_WORKER);
        }
        if (random.nextInt(100) < 6) {
            populations.add(KeyPopulation.PEOPLE_IN_PRISON);
        }
        return new Profile(gender, populations, primary, secondary, route);
    }
}
