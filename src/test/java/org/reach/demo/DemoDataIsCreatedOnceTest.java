package org.reach.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.reach.accounts.Accounts;
import org.reach.accounts.SignIn;
import org.reach.accounts.UserAccount;
import org.reach.clients.CareStage;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientSearch;
import org.reach.clients.ClientStatus;
import org.reach.clients.Gender;
import org.reach.clients.Route;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.partners.ActionPlans;
import org.reach.partners.Assessment;
import org.reach.partners.AssessmentStatus;
import org.reach.partners.CapacityBuilding;
import org.reach.partners.PartnerAssessments;
import org.reach.partners.Twinnings;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.Encounter;
import org.reach.services.Encounters;
import org.reach.services.Referral;
import org.reach.services.Referrals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reach.demo.enabled=true")
class DemoDataIsCreatedOnceTest {

    @Autowired Clock clock;
    @Autowired DemoData demo;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired DemoPartners demoPartners;
    @Autowired PartnerAssessments assessments;
    @Autowired Twinnings twinnings;
    @Autowired ActionPlans actions;
    @Autowired CapacityBuilding capacity;
    @Autowired DemoClients demoClients;
    @Autowired ClientRegistry clients;
    @Autowired DemoEncounters demoEncounters;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired DemoRar demoRar;
    @Autowired org.reach.rar.RapidAssessments rar;
    @Autowired org.reach.rar.PopulationSizes populationSizes;
    @Autowired org.reach.rar.AssessmentFindings assessmentFindings;
    @Autowired Encounters encounters;
    @Autowired Referrals referralService;
    @Autowired DemoOutreach demoOutreach;
    @Autowired org.reach.outreach.Stock stock;

    @Test
    void aSecondStartAddsNothing() {
        int organisations = directory.organisations(ReachUser.system()).size();
        int sites = directory.sites(ReachUser.system(), null).size();
        int people = accounts.list(ReachUser.system()).size();
        long encounters = encounters();
        int assessments = rar.assessments(ReachUser.system()).size();
        long referrals = referrals();
        long clientCount = jdbc.sql("SELECT COUNT(*) FROM clients").query(Long.class).single();
        long outreachSessions = count("outreach_sessions");
        long stockMovements = count("stock_movements");

        demo.run(new DefaultApplicationArguments());
        demoClients.run(new DefaultApplicationArguments());
        demoEncounters.run(new DefaultApplicationArguments());
        demoRar.run(new DefaultApplicationArguments());
        demoOutreach.run(new DefaultApplicationArguments());

        assertThat(rar.assessments(ReachUser.system())).hasSize(assessments);

        assertThat(directory.organisations(ReachUser.system())).hasSize(organisations);
        assertThat(directory.sites(ReachUser.system(), null)).hasSize(sites);
        assertThat(accounts.list(ReachUser.system())).hasSize(people);
        assertThat(encounters()).isGreaterThanOrEqualTo(2000).isEqualTo(encounters);
        assertThat(referrals()).isPositive().isEqualTo(referrals);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM clients").query(Long.class).single()).isEqualTo(clientCount);
        assertThat(count("outreach_sessions")).isGreaterThanOrEqualTo(48).isEqualTo(outreachSessions);
        assertThat(count("stock_movements")).isPositive().isEqualTo(stockMovements);
        // Karachi's drop-in openings (weekly) and prison visits (fortnightly), so the attendance figures show
        assertThat(demoSessions("DROP_IN")).isGreaterThanOrEqualTo(12);
        assertThat(demoSessions("PRISON_OUTREACH")).isEqualTo(6);
    }

    private long demoSessions(String setting) {
        return jdbc.sql("SELECT COUNT(*) FROM outreach_sessions WHERE form_version = 'demo' AND setting = ?")
                .param(setting).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void karachisStockNeverGoesBelowZeroAndANaloxoneDeliveryCameLate() {
        ReachUser manager = signIn.loadUserByUsername("karachi.manager");
        assertThat(stock.levels(manager)).isNotEmpty().allSatisfy(level -> assertThat(level.onHand()).isNotNegative());
        long lateDeliveries = jdbc.sql("""
                SELECT COUNT(*) FROM stock_movements WHERE item = 'NALOXONE' AND kind = 'RECEIPT'
                AND organisation_id = (SELECT organisation_id FROM user_accounts WHERE username = 'karachi.manager')
                AND EXTRACT(DAY FROM moved_on) = 15""").query(Long.class).single();
        assertThat(lateDeliveries).as("the late deliveries, one per outreach site").isPositive();
    }

    private long encounters() {
        return jdbc.sql("SELECT COUNT(*) FROM encounters").query(Long.class).single();
    }

    private long referrals() {
        return jdbc.sql("SELECT COUNT(*) FROM referrals").query(Long.class).single();
    }

    @Test
    void registeredClientsHaveAYearOfEncountersWithTheServicesTheyNeedAndReferralsToFollowUp() {
        for (String username : List.of("karachi.manager", "mombasa.manager")) {
            ReachUser manager = signIn.loadUserByUsername(username);
            List<Client> registered = allClients(manager);
            Set<YearMonth> months = new HashSet<>();
            int withEncounters = 0;
            for (Client client : registered) {
                List<Encounter> own = encounters.ofClient(manager, client);
                if (own.isEmpty()) {
                    continue;
                }
                withEncounters++;
                own.forEach(e -> months.add(YearMonth.from(e.date())));
                LocalDate last = own.stream().map(Encounter::date).max(LocalDate::compareTo).orElseThrow();
                LocalDate today = LocalDate.now(clock);
                assertThat(client.lastContact()).as("last contact of %s", client.uic()).isEqualTo(last);
                switch (client.status()) {
                    case ACTIVE -> assertThat(last).as("active").isAfterOrEqualTo(today.minusMonths(3));
                    case DEFAULTER -> assertThat(last).as("defaulter").isBefore(today.minusMonths(3))
                            .isAfterOrEqualTo(today.minusMonths(9));
                    case LOST_TO_FOLLOW_UP -> assertThat(last).as("lost to follow-up").isBefore(today.minusMonths(9));
                    case DETAINED, TRANSFERRED, DECEASED, EXITED ->
                            assertThat(last).as("contacts stop before the status date")
                                    .isBefore(clients.statusHistory(manager, client.id()).get(0).date());
                    default -> { }
                }
            }
            // clients other tests register on the demo organisations may have none yet
            assertThat(withEncounters).as("%s clients with encounters", username).isGreaterThan(registered.size() * 95 / 100);
            assertThat(months).as("%s months with client encounters", username).hasSizeGreaterThanOrEqualTo(10);

            List<Client> injecting = registered.stream().filter(c -> c.route() == Route.INJECTING).toList();
            assertThat(injecting).isNotEmpty();
            long gotNeedles = injecting.stream().filter(c -> encounters.ofClient(manager, c).stream()
                    .flatMap(e -> e.services().stream()).anyMatch(s -> s.code().equals("NEEDLES_SYRINGES")
                            && s.quantity() >= 10 && s.quantity() <= 40)).count();
            assertThat(gotNeedles).as("%s injecting clients given needles", username).isGreaterThan(injecting.size() * 95 / 100);

            List<Client> inTreatment = registered.stream().filter(c -> c.stage() == CareStage.TREATMENT).toList();
            assertThat(inTreatment).isNotEmpty().allSatisfy(c -> assertThat(encounters.ofClient(manager, c).stream()
                    .flatMap(e -> e.services().stream())).anyMatch(s -> s.code().startsWith("OAT_")));

            assertThat(referralService.list(manager, null, 14)).as("%s referrals open longer than 14 days", username)
                    .isNotEmpty().allSatisfy(r -> assertThat(r.status().open()).isTrue());
            long referred = referralService.list(manager, null, null).stream().map(Referral::clientId).distinct().count();
            assertThat(referred).as("%s clients with referrals", username)
                    .isBetween(registered.size() * 10L / 100, registered.size() * 20L / 100);
        }
    }

    private List<Client> allClients(ReachUser manager) {
        List<Client> all = new java.util.ArrayList<>();
        for (int page = 0; all.size() < clients.clientCount(manager); page++) {
            all.addAll(clients.search(manager, ClientSearch.everything(), page, 100).clients());
        }
        return all;
    }

    @Test
    void karachiAndMombasaHaveSitesWhereTheCitiesAre() {
        Organisation karachi = organisation("PK");
        Organisation mombasa = organisation("KE");
        List<Site> karachiSites = directory.sites(ReachUser.system(), karachi.id());
        List<Site> mombasaSites = directory.sites(ReachUser.system(), mombasa.id());
        assertThat(karachiSites).isNotEmpty().allSatisfy(site -> {
            assertThat(site.latitude()).isBetween(24.7, 25.1);
            assertThat(site.longitude()).isBetween(66.9, 67.3);
        });
        assertThat(mombasaSites).isNotEmpty().allSatisfy(site -> {
            assertThat(site.latitude()).isBetween(-4.15, -3.95);
            assertThat(site.longitude()).isBetween(39.55, 39.75);
        });
        assertThat(karachiSites).extracting(Site::city).containsOnly("Karachi");
        assertThat(mombasaSites).extracting(Site::city).containsOnly("Mombasa");
    }

    @Test
    void aDemoDatabaseFromBeforeSitesHadACityGetsTheCitiesOnTheNextStart() {
        Organisation mombasa = directory.organisations(ReachUser.system()).stream()
                .filter(o -> o.name().equals(DemoData.MOMBASA)).findFirst().orElseThrow();
        int sites = directory.sites(ReachUser.system(), null).size();
        jdbc.sql("UPDATE sites SET city = NULL WHERE organisation_id = ?").param(mombasa.id()).update();

        demo.run(new DefaultApplicationArguments());

        assertThat(directory.sites(ReachUser.system(), mombasa.id())).hasSize(4).extracting(Site::city)
                .containsOnly("Mombasa");
        assertThat(directory.sites(ReachUser.system(), null)).hasSize(sites);
    }

    @Test
    void karachiHasARapidAssessmentWithHotspotsAcrossTheCityEstimatesAndRecommendations() {
        Organisation karachi = organisation("PK");
        org.reach.rar.Assessment assessment = rar.assessments(ReachUser.system()).stream()
                .filter(a -> a.organisationId() == karachi.id() && a.title().equals(DemoRar.TITLE)).findFirst().orElseThrow();
        var hotspots = rar.hotspots(ReachUser.system(), assessment.id());
        assertThat(hotspots).hasSizeBetween(35, 45).allSatisfy(h -> {
            assertThat(h.latitude()).isBetween(24.7, 25.1);
            assertThat(h.longitude()).isBetween(66.9, 67.3);
        });
        assertThat(hotspots.stream().map(org.reach.rar.Hotspot::district).distinct().count()).isGreaterThanOrEqualTo(8);
        var estimates = populationSizes.estimates(ReachUser.system(), assessment.id());
        // other tests may add a hotspot of their own to the demo assessment: the demo's own all have an estimate
        assertThat(estimates.hotspots().stream().filter(e -> e.best() != null).count()).isGreaterThanOrEqualTo(35);
        assertThat(estimates.hotspots().stream().flatMap(e -> e.estimates().stream()).map(org.reach.rar.Estimate::method))
                .contains(org.reach.rar.Estimate.Method.values());
        assertThat(assessmentFindings.recommendations(ReachUser.system(), assessment.id())).hasSize(9);
        assertThat(assessmentFindings.codeCounts(ReachUser.system(), assessment.id())).allSatisfy(c -> assertThat(c.total()).isPositive());
        // demo clients enrolled at four of its places give those hotspots registry counts
        var gaps = populationSizes.gaps(signIn.loadUserByUsername("karachi.manager"), assessment.id());
        assertThat(gaps.stream().filter(g -> g.source() == org.reach.rar.ReachSource.REGISTRY
                        && g.subgroup() == org.reach.rar.Subgroup.ALL && g.reached() != null && g.reached() > 0)
                .map(org.reach.rar.CoverageGap::hotspotId).distinct().count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyRoleHasADemoAccountThatCanSignIn() {
        Set<String> demoNames = Set.of("admin", "coordinator", "karachi.manager", "karachi.site", "karachi.me",
                "karachi.peer", "mombasa.manager", "mombasa.peer", "karachi.protection");
        List<UserAccount> demoAccounts = accounts.list(ReachUser.system()).stream()
                .filter(a -> demoNames.contains(a.username())).toList();
        assertThat(demoAccounts).hasSize(demoNames.size());
        assertThat(demoAccounts.stream().flatMap(a -> a.roles().stream()).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(Role.class));
        assertThat(demoAccounts).allSatisfy(a -> {
            assertThat(a.passwordChangeRequired()).isFalse();
            assertThat(signIn.loadUserByUsername(a.username()).isEnabled()).isTrue();
        });
    }

    @Test
    void theKenyaMissionIsThereOnceWithBaselinesTwinningActionsTrainingAndVisit() {
        ReachUser system = ReachUser.system();
        Organisation mainline = directory.organisations(system).stream()
                .filter(o -> o.name().equals(DemoPartners.MAINLINE)).findFirst().orElseThrow();
        assertThat(mainline.countryCode()).isEqualTo("NL");
        List<Organisation> partners = directory.organisations(system).stream()
                .filter(o -> java.util.Objects.equals(o.programmeId(), mainline.programmeId())).toList();
        assertThat(partners).extracting(Organisation::countryCode).contains("NL", "PK", "KE", "KE");
        List<Assessment> baselines = assessments.assessments(system).stream()
                .filter(a -> java.util.Objects.equals(a.programmeId(), mainline.programmeId()))
                .filter(a -> a.status() == AssessmentStatus.FINALISED).toList();
        assertThat(baselines).extracting(Assessment::organisationId).containsAll(partners.stream().map(Organisation::id).toList());
        int assessmentCount = assessments.assessments(system).size();
        int twinningCount = twinnings.twinnings(system).size();
        int actionCount = actions.actions(system, null).size();
        assertThat(twinningCount).isPositive();
        assertThat(actionCount).isPositive();
        assertThat(capacity.trainings(system)).isNotEmpty();
        assertThat(capacity.exchangeVisits(system)).isNotEmpty();

        demoPartners.run(new DefaultApplicationArguments());

        assertThat(assessments.assessments(system)).hasSize(assessmentCount);
        assertThat(twinnings.twinnings(system)).hasSize(twinningCount);
        assertThat(actions.actions(system, null)).hasSize(actionCount);
    }

    @Test
    void karachiAndMombasaHaveRealisticClientsCreatedOnce() {
        ReachUser karachi = signIn.loadUserByUsername("karachi.manager");
        ReachUser mombasa = signIn.loadUserByUsername("mombasa.manager");
        long karachiClients = clients.clientCount(karachi);
        long mombasaClients = clients.clientCount(mombasa);
        // the demo registers about 300 and 150; browser tests may register a few more in the same database
        assertThat(karachiClients).isBetween(270L, 330L);
        assertThat(mombasaClients).isBetween(135L, 180L);

        demoClients.run(new DefaultApplicationArguments());
        assertThat(clients.clientCount(karachi)).isEqualTo(karachiClients);
        assertThat(clients.clientCount(mombasa)).isEqualTo(mombasaClients);

        List<Client> all = clients.search(karachi, ClientSearch.everything(), 0, 100).clients();
        assertThat(all.stream().filter(c -> c.gender() == Gender.FEMALE).count()).isBetween(5L, 30L);
        for (ClientStatus status : List.of(ClientStatus.ACTIVE, ClientStatus.DEFAULTER, ClientStatus.LOST_TO_FOLLOW_UP,
                ClientStatus.DETAINED, ClientStatus.TRANSFERRED, ClientStatus.DECEASED)) {
            assertThat(clients.search(karachi, new ClientSearch(null, status, null, null), 0, 1).total())
                    .as("Karachi clients %s", status).isPositive();
        }
    }

    private Organisation organisation(String country) {
        return directory.organisations(ReachUser.system()).stream()
                .filter(o -> o.countryCode().equals(country) && o.programmeId() != null)
                .filter(o -> directory.programme(ReachUser.system(), o.programmeId()).name().equals(DemoData.PROGRAMME))
                .findFirst().orElseThrow();
    }
}
