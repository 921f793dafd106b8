package org.reach.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.accounts.AccountForm;
import org.reach.accounts.Accounts;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.uic.UicComponents;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.indicators.IndicatorScope;
import org.reach.indicators.IndicatorTable;
import org.reach.indicators.Indicators;
import org.reach.indicators.Period;
import org.reach.organisations.OpeningStatus;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.organisations.Programme;
import org.reach.organisations.ProgrammeForm;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.organisations.SiteType;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.ServiceLine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A programme where the same people are served by two organisations: the built-in "women reached" counts every
 * organisation's records, the counted-once indicator counts each linked person once, both through the engine, and the
 * dashboard says which counting it used.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CountingLinkedPeopleOnceTest {

    /** Six people, each registered by both organisations. */
    private static final List<List<String>> PEOPLE = List.of(
            List.of("Fatima", "Ahmed", "Sana", "Khan"), List.of("Amina", "Juma", "Neema", "Otieno"),
            List.of("Zainab", "Bilal", "Hira", "Qureshi"), List.of("Wanjiru", "Kamau", "Achieng", "Omondi"),
            List.of("Rukhsana", "Tariq", "Saima", "Butt"), List.of("Halima", "Mwangi", "Zawadi", "Njoroge"));

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ClientRegistry registry;
    @Autowired Encounters encounters;
    @Autowired Indicators indicators;
    @Autowired LinkageFacts facts;
    @Autowired Clock clock;

    private Programme programme;
    private Organisation karachi;
    private Organisation mombasa;
    private Site karachiSite;
    private Site mombasaSite;
    private ReachUser karachiManager;
    private ReachUser mombasaManager;
    private ReachUser coordinator;
    private LocalDate today;
    /** Last month: a closed period, which a coordinator may see suppressed. */
    private Period month;

    @BeforeEach
    void programme() {
        ReachUser system = ReachUser.system();
        today = LocalDate.now(clock);
        LocalDate last = today.minusMonths(1);
        month = Period.month(last.getYear(), last.getMonthValue());
        String id = UUID.randomUUID().toString().substring(0, 8);
        programme = directory.createProgramme(system, new ProgrammeForm("Once " + id, "counted once"));
        karachi = directory.createOrganisation(system, new OrganisationForm("Karachi once " + id, "PK", List.of("ur"),
                programme.id()));
        mombasa = directory.createOrganisation(system, new OrganisationForm("Mombasa once " + id, "KE", List.of("sw"),
                programme.id()));
        karachiSite = site(karachi, "Karachi");
        mombasaSite = site(mombasa, "Mombasa");
        karachiManager = account("konce" + id, karachi.id(), null, Role.ORG_MANAGER);
        mombasaManager = account("monce" + id, mombasa.id(), null, Role.ORG_MANAGER);
        coordinator = account("conce" + id, null, programme.id(), Role.COORDINATOR);
    }

    @Test
    void theSamePersonAtTwoOrganisationsCountsTwiceBuiltInAndOnceLinked() throws Exception {
        Client inKarachi = serve(karachiManager, karachiSite, PEOPLE.get(0), 1989);
        Client inMombasa = serve(mombasaManager, mombasaSite, PEOPLE.get(0), 1989);

        List<FactRow> rows = facts.load(FactQuery.everything(List.of(karachi.id(), mombasa.id()), null,
                month.start(), month.end()));
        assertThat(rows.stream().mapToLong(r -> r.values()[2]).sum()).as("counted once").isEqualTo(1);
        assertThat(rows).filteredOn(r -> r.values()[2] == 1).singleElement()
                .satisfies(r -> assertThat(r.clientId()).as("the earlier registration").isEqualTo(inKarachi.id()));
        assertThat(reached(karachiManager, karachi) + reached(mombasaManager, mombasa)).as("built in").isEqualTo(2);
        assertThat(facts.load(FactQuery.everything(List.of(mombasa.id()), null, month.start(), month.end())))
                .as("one organisation alone counts its own client").filteredOn(r -> r.values()[2] == 1)
                .singleElement().satisfies(r -> assertThat(r.clientId()).isEqualTo(inMombasa.id()));
    }

    @Test
    void theProgrammeDashboardCountsPeopleOnceAndSaysHow() throws Exception {
        for (int i = 0; i < PEOPLE.size(); i++) {
            serve(karachiManager, karachiSite, PEOPLE.get(i), 1980 + 3 * i);
            serve(mombasaManager, mombasaSite, PEOPLE.get(i), 1980 + 3 * i);
        }
        IndicatorScope scope = indicators.scope(coordinator, null, programme.id(), null);
        List<IndicatorTable> tables = indicators.tables(coordinator, scope, month, Disaggregation.NONE, false);
        assertThat(total(tables, "WOMEN_REACHED")).as("built in: each organisation's records").isEqualTo("12");
        assertThat(total(tables, "REACHED_ONCE")).as("each person once").isEqualTo("6");

        String page = mvc.perform(get("/indicators").param("programmeId", String.valueOf(programme.id()))
                        .param("period", month.code())
                        .with(user(signIn.reload(coordinator.id()).orElseThrow())))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("counting-note").contains("counted once across organisations")
                .contains("no linkage run yet");
    }

    // ---- helpers

    private long reached(ReachUser manager, Organisation organisation) {
        IndicatorScope scope = indicators.scope(manager, organisation.id(), null, null);
        List<IndicatorTable> tables = indicators.tables(manager, scope, month, Disaggregation.NONE, true);
        return Long.parseLong(total(tables, "WOMEN_REACHED"));
    }

    private static String total(List<IndicatorTable> tables, String code) {
        return tables.stream().filter(t -> t.definition().code().equals(code)).findFirst().orElseThrow()
                .total().numerator();
    }

    private Client serve(ReachUser manager, Site site, List<String> names, int year) {
        ClientRegistration registration = new ClientRegistration(new UicComponents(names.get(0), names.get(1),
                names.get(2), names.get(3), Gender.FEMALE, year, 3, 14, 1), null, Gender.FEMALE, year,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), null, null, null, site.id(), null, null,
                month.start(), null, DuplicateDecision.REJECTED_DIFFERENT, null);
        Client client = registry.register(manager, registration).client();
        encounters.record(manager, new EncounterForm(UUID.randomUUID().toString(), month.start().plusDays(9), site.id(),
                null, client.id(),
                null, false, List.of(ServiceLine.of("CONDOMS", 2)), null, null, null));
        return client;
    }

    private Site site(Organisation organisation, String city) {
        return directory.createSite(ReachUser.system(), new SiteForm(organisation.id(), city + " once " + organisation.id(),
                SiteType.DROP_IN_CENTRE, "Centre", city, null, null, OpeningStatus.OPEN));
    }

    private ReachUser account(String username, Long organisationId, Long programmeId, Role role) {
        var account = accounts.create(ReachUser.system(), new AccountForm(username, role.name() + " person",
                organisationId, programmeId, EnumSet.of(role), Set.of(), "en")).account();
        accounts.setPasswordBySystem(ReachUser.system(), account.id(), "linkage-password-1");
        return signIn.loadUserByUsername(username);
    }
}
