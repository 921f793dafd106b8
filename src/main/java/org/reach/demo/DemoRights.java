package org.reach.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.reach.accounts.AccountForm;
import org.reach.accounts.Accounts;
import org.reach.accounts.CreatedAccount;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientSearch;
import org.reach.clients.Gender;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.rights.AgeBand;
import org.reach.rights.CaseClosing;
import org.reach.rights.CaseOutcome;
import org.reach.rights.HelpKind;
import org.reach.rights.Perpetrator;
import org.reach.rights.ResponseKind;
import org.reach.rights.ViolenceReceipt;
import org.reach.rights.ViolenceReportForm;
import org.reach.rights.ViolenceReports;
import org.reach.rights.ViolenceResponseForm;
import org.reach.rights.ViolenceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * A year of violence and rights-violation reports in Karachi, as the assessment found them: most by police
 * (arbitrary arrests, extortion, syringes confiscated, beatings), some by the community, dealers and partners. The
 * Karachi protection focal person (karachi.protection) answered most within 24 hours and a few late; the last days'
 * reports still wait, so the start page shows the crisis clock. A few Mombasa reports, where no protection focal
 * person has been named yet. Recorded through the facade by the staff who would hear of them, with a fixed seed,
 * and never twice.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoRights implements ApplicationRunner {

    static final String PROTECTION_OFFICER = "karachi.protection";
    private static final Logger log = LoggerFactory.getLogger(DemoRights.class);
    private static final long SEED = 1022L;
    private static final List<String> KARACHI_HOTSPOTS = List.of("Lyari nullah", "Empress Market underpass",
            "Cantt station", "Korangi crossing", "Sohrab Goth bridge", "Lea Market");

    private final SignIn signIn;
    private final Accounts accounts;
    private final OrganisationDirectory directory;
    private final ClientRegistry registry;
    private final ViolenceReports reports;
    private final Clock clock;
    /** Reports made in this run, for their uuids. */
    private long serial;
    private final String password;

    DemoRights(SignIn signIn, Accounts accounts, OrganisationDirectory directory, ClientRegistry registry,
               ViolenceReports reports, Clock clock, @Value("${reach.demo.password}") String password) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.directory = directory;
        this.registry = registry;
        this.reports = reports;
        this.clock = clock;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        ReachUser manager = user("karachi.manager");
        if (manager == null) {
            return;
        }
        ReachUser officer = protectionOfficer(manager);
        if (reports.count(officer) > 0) {
            log.info("Demo violence reports already present.");
            return;
        }
        Random random = new Random(SEED);
        List<Client> clients = registry.search(manager, ClientSearch.everything(), 0, 100).clients();
        ReachUser peer = user("karachi.peer");
        ReachUser siteManager = user("karachi.site");
        List<Site> sites = reports.sites(manager);
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int recorded = 0;
        int answered = 0;
        for (LocalDate day = today.minusDays(365); !day.isAfter(today); day = day.plusDays(1)) {
            // About ten a month, more in the winter crackdown months.
            double rate = day.getMonthValue() == 1 || day.getMonthValue() == 2 ? 0.5 : 0.3;
            if (random.nextDouble() > rate) {
                continue;
            }
            Site site = sites.get(random.nextInt(sites.size()));
            ReachUser recorder = recorder(site, peer, siteManager, manager);
            Instant reportedAt = day.atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plus(Duration.ofHours(6 + random.nextInt(14))).plus(Duration.ofDays(random.nextInt(2)));
            if (reportedAt.isAfter(now)) {
                reportedAt = now.minus(Duration.ofHours(1 + random.nextInt(3)));
            }
            ViolenceReportForm form = form(random, day, site, recorder == manager ? clients : List.of(), reportedAt);
            ViolenceReceipt receipt = reports.record(recorder, form);
            recorded++;
            long hoursAgo = Duration.between(reportedAt, now).toHours();
            if (hoursAgo < 48 && random.nextInt(3) > 0) {
                continue; // the last days: waiting, some past the clock
            }
            boolean late = random.nextInt(10) == 0;
            Instant givenAt = reportedAt.plus(Duration.ofHours(late ? 26 + random.nextInt(40) : 1 + random.nextInt(20)));
            if (givenAt.isAfter(now)) {
                continue;
            }
            ResponseKind kind = form.wantsHelp()
                    ? switch (form.help().iterator().next()) {
                        case MEDICAL -> ResponseKind.MEDICAL_CARE;
                        case LEGAL_AID -> ResponseKind.LEGAL_AID;
                        case SAFE_SHELTER -> ResponseKind.SAFE_SHELTER;
                        case COUNSELLING -> ResponseKind.COUNSELLING;
                    }
                    : ResponseKind.CRISIS_VISIT;
            reports.respond(officer, receipt.number(), new ViolenceResponseForm(kind, null, null, givenAt));
            answered++;
            if (hoursAgo > 24 * 30) {
                CaseOutcome outcome = !form.wantsHelp() ? CaseOutcome.NO_HELP_WANTED
                        : random.nextInt(5) == 0 ? CaseOutcome.REFERRED : CaseOutcome.SUPPORTED;
                reports.close(officer, receipt.number(), new CaseClosing(outcome));
            }
        }
        // Two heard lately and not answered yet: one past its 24 hours, one still within them.
        for (Duration ago : List.of(Duration.ofHours(30), Duration.ofHours(3))) {
            Instant heard = now.minus(ago);
            reports.record(peer != null ? peer : manager, form(random, LocalDate.ofInstant(heard, ZoneOffset.UTC),
                    peer != null ? sites.stream().filter(s -> peer.isAssignedTo(s.id())).findFirst().orElse(sites.get(0))
                            : sites.get(0), List.of(), heard));
            recorded++;
        }
        recorded += mombasa(random, today, now);
        log.info("Demo violence reports: {} recorded, {} answered by {}.", recorded, answered, PROTECTION_OFFICER);
    }

    private ViolenceReportForm form(Random random, LocalDate day, Site site, List<Client> clients, Instant reportedAt) {
        int pick = random.nextInt(100);
        Set<ViolenceType> types;
        Set<Perpetrator> perpetrators;
        if (pick < 65) {
            perpetrators = random.nextInt(8) == 0 ? EnumSet.of(Perpetrator.POLICE, Perpetrator.OTHER_AUTHORITIES)
                    : EnumSet.of(Perpetrator.POLICE);
            types = EnumSet.of(List.of(ViolenceType.ARBITRARY_ARREST, ViolenceType.EXTORTION, ViolenceType.CONFISCATION,
                    ViolenceType.PHYSICAL, ViolenceType.RAID).get(random.nextInt(5)));
            if (random.nextInt(3) == 0) {
                types.add(random.nextBoolean() ? ViolenceType.EXTORTION : ViolenceType.PHYSICAL);
            }
            if (random.nextInt(4) == 0) {
                types.add(ViolenceType.CONFISCATION);
            }
        } else if (pick < 77) {
            perpetrators = EnumSet.of(Perpetrator.COMMUNITY);
            types = EnumSet.of(List.of(ViolenceType.VERBAL, ViolenceType.PHYSICAL, ViolenceType.EVICTION).get(random.nextInt(3)));
        } else if (pick < 87) {
            perpetrators = EnumSet.of(Perpetrator.DEALERS);
            types = EnumSet.of(random.nextBoolean() ? ViolenceType.PHYSICAL : ViolenceType.EXTORTION);
        } else if (pick < 95) {
            perpetrators = EnumSet.of(Perpetrator.INTIMATE_PARTNER);
            types = EnumSet.of(ViolenceType.PHYSICAL);
            if (random.nextInt(3) == 0) {
                types.add(ViolenceType.SEXUAL);
            }
        } else {
            perpetrators = EnumSet.of(random.nextBoolean() ? Perpetrator.FAMILY : Perpetrator.OTHER_CLIENTS);
            types = EnumSet.of(random.nextBoolean() ? ViolenceType.EVICTION : ViolenceType.VERBAL);
        }
        if (random.nextInt(20) == 0) {
            types.add(ViolenceType.DENIAL_OF_HEALTH_CARE);
        }
        boolean wantsHelp = random.nextInt(4) > 0;
        Set<HelpKind> help = EnumSet.noneOf(HelpKind.class);
        if (wantsHelp) {
            help.add(types.contains(ViolenceType.ARBITRARY_ARREST) || types.contains(ViolenceType.EXTORTION)
                    ? HelpKind.LEGAL_AID : types.contains(ViolenceType.EVICTION) || types.contains(ViolenceType.SEXUAL)
                    ? HelpKind.SAFE_SHELTER : types.contains(ViolenceType.PHYSICAL) ? HelpKind.MEDICAL : HelpKind.COUNSELLING);
        }
        String code = null;
        Gender gender = null;
        AgeBand age = null;
        if (!clients.isEmpty() && random.nextInt(3) > 0) {
            code = clients.get(random.nextInt(clients.size())).uic();
        } else {
            gender = random.nextInt(6) == 0 ? Gender.FEMALE : random.nextInt(15) == 0 ? Gender.TRANSGENDER_WOMAN : Gender.MALE;
            age = List.of(AgeBand.FROM_18_TO_24, AgeBand.FROM_25_TO_34, AgeBand.FROM_25_TO_34, AgeBand.FROM_35_TO_49,
                    AgeBand.FROM_50).get(random.nextInt(5));
        }
        String hotspot = random.nextInt(3) == 0 ? null : KARACHI_HOTSPOTS.get(random.nextInt(KARACHI_HOTSPOTS.size()));
        // the serial keeps two reports of one day apart; the random digit is still drawn so the rest stays as it was
        long uuidBits = (day.toEpochDay() * 10 + random.nextInt(10)) * 10_000 + serial++;
        return new ViolenceReportForm(new UUID(SEED, uuidBits).toString(), day,
                site.id(), hotspot, code, gender, age, types, perpetrators, wantsHelp, help, null, reportedAt);
    }

    private int mombasa(Random random, LocalDate today, Instant now) {
        ReachUser peer = user("mombasa.peer");
        if (peer == null) {
            return 0;
        }
        List<Site> sites = reports.sites(peer);
        int recorded = 0;
        for (int i = 0; i < 8; i++) {
            LocalDate day = today.minusDays(30 + random.nextInt(300));
            Instant reportedAt = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(10));
            reports.record(peer, new ViolenceReportForm(new UUID(SEED + 1, i).toString(), day, sites.get(0).id(), null,
                    null, Gender.MALE, AgeBand.FROM_25_TO_34, EnumSet.of(i % 3 == 0 ? ViolenceType.EXTORTION
                    : ViolenceType.ARBITRARY_ARREST), EnumSet.of(Perpetrator.POLICE), false, Set.of(), null, reportedAt));
            recorded++;
        }
        return recorded;
    }

    private static ReachUser recorder(Site site, ReachUser peer, ReachUser siteManager, ReachUser manager) {
        if (peer != null && peer.isAssignedTo(site.id())) {
            return peer;
        }
        if (siteManager != null && siteManager.isAssignedTo(site.id())) {
            return siteManager;
        }
        return manager;
    }

    /** The Karachi protection focal person, named for every Karachi site; created once, like the other demo accounts. */
    private ReachUser protectionOfficer(ReachUser manager) {
        ReachUser existing = user(PROTECTION_OFFICER);
        if (existing != null) {
            return existing;
        }
        Organisation karachi = directory.organisation(manager, manager.organisationId());
        Set<Long> siteIds = new java.util.HashSet<>();
        directory.sites(manager, karachi.id()).forEach(s -> siteIds.add(s.id()));
        ReachUser system = ReachUser.system();
        CreatedAccount created = accounts.create(system, new AccountForm(PROTECTION_OFFICER, "Farah Protection",
                karachi.id(), null, EnumSet.of(Role.PROTECTION_OFFICER), siteIds, "ur"));
        accounts.setPasswordBySystem(system, created.account().id(), password);
        return signIn.loadUserByUsername(PROTECTION_OFFICER);
    }

    private ReachUser user(String username) {
        try {
            return signIn.loadUserByUsername(username);
        } catch (UsernameNotFoundException missing) {
            return null;
        }
    }
}
