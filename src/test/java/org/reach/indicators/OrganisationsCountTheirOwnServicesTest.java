package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatusChanges;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.Referrals;
import org.reach.services.ServiceCatalogue;
import org.reach.services.ServiceCategory;
import org.reach.services.ServiceDefinition;
import org.reach.services.ServiceForm;
import org.reach.services.ServiceLine;
import org.reach.services.ServiceUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A service an organisation adds is not left outside reporting: it defines an indicator over it, which the same
 * engine counts and the same suppression hides, for its own organisation only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationsCountTheirOwnServicesTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired ClientStatusChanges statusChanges;
    @Autowired Encounters encounters;
    @Autowired Referrals referrals;
    @Autowired Indicators indicators;
    @Autowired ServiceCatalogue catalogue;

    private ProgrammeFixture world;
    private IndicatorDataset dataset;
    private ReachUser manager;
    private ReachUser foreignManager;
    private ServiceDefinition hcvTest;
    private final Period q1 = Period.quarter(2026, 1);

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        dataset = new IndicatorDataset(world, clients, statusChanges, encounters, referrals, indicators, foreignManager,
                signIn.reload(world.foreignPeer.id()).orElseThrow());
        manager = world.user(Role.ORG_MANAGER);
        hcvTest = catalogue.create(manager, new ServiceForm("HCV_RAPID", "HCV rapid test", ServiceCategory.HEPATITIS,
                ServiceUnit.COUNT));
        long site = world.homeSite.id();
        give(site, dataset.a.id(), "2026-03-20", 1);
        give(world.homeOtherSite.id(), dataset.c.id(), "2026-02-20", 2);
        give(site, null, "2026-02-21", 3);
        give(site, dataset.a.id(), "2025-12-20", 7); // before the quarter
    }

    private void give(long site, Long client, String date, int quantity) {
        encounters.record(manager, new EncounterForm(UUID.randomUUID().toString(), LocalDate.parse(date), site, null,
                client, null, client == null, List.of(ServiceLine.of(hcvTest.code(), quantity)), null, null, null));
    }

    @Test
    void peopleWhoReceivedAnOwnServiceCountPerPeopleReached() {
        OwnIndicator share = indicators.defineOwnIndicator(manager, new OwnIndicatorForm(null, "Tested for HCV",
                hcvTest.code(), OwnIndicator.Counts.PEOPLE, OwnIndicator.Per.REACHED));
        IndicatorScope home = indicators.scope(manager, null, null, null);
        // Reached in Q1: A, B, C, E; A and C received the rapid test (the anonymous encounter is no person).
        IndicatorTable table = indicators.table(manager, home, share.code(), q1, Disaggregation.NONE, true);
        assertThat(table.total().numerator()).isEqualTo("2");
        assertThat(table.total().denominator()).isEqualTo("4");
        assertThat(table.total().value()).isEqualTo(50.0);
        assertThat(table.definition().numerator()).isEqualTo("Tested for HCV");
        // In the organisation's list of tables, suppressed for anyone who is not shown exact counts.
        IndicatorTable suppressed = indicators.tables(manager, home, q1, Disaggregation.SITE, false).stream()
                .filter(t -> t.definition().code().equals(share.code())).findFirst().orElseThrow();
        assertThat(suppressed.total().numerator()).isEqualTo("<5");
    }

    @Test
    void theQuantityGivenCountsAtItsPlaceAnonymousEncountersIncluded() {
        OwnIndicator given = indicators.defineOwnIndicator(manager, new OwnIndicatorForm(null, "HCV tests given",
                hcvTest.code(), OwnIndicator.Counts.QUANTITY, OwnIndicator.Per.NONE));
        IndicatorScope home = indicators.scope(manager, null, null, null);
        // Q1: 1 to A at the home site, 2 to C at the other site, 3 anonymously at the home site; December's 7 not.
        IndicatorTable bySite = indicators.table(manager, home, given.code(), q1, Disaggregation.SITE, true);
        assertThat(bySite.total().numerator()).isEqualTo("6");
        assertThat(bySite.rows()).anySatisfy(r -> {
            assertThat(r.category()).isEqualTo(String.valueOf(world.homeSite.id()));
            assertThat(r.numerator()).isEqualTo("4");
        });
        assertThat(bySite.rows()).anySatisfy(r -> {
            assertThat(r.category()).isEqualTo(String.valueOf(world.homeOtherSite.id()));
            assertThat(r.numerator()).isEqualTo("2");
        });
    }

    @Test
    void anotherOrganisationNeitherSeesNorCountsIt() {
        OwnIndicator share = indicators.defineOwnIndicator(manager, new OwnIndicatorForm(null, "Tested for HCV",
                hcvTest.code(), OwnIndicator.Counts.PEOPLE, OwnIndicator.Per.NONE));
        IndicatorScope theirs = indicators.scope(foreignManager, null, null, null);
        assertThat(indicators.ownIndicators(foreignManager, theirs)).isEmpty();
        assertThat(indicators.tables(foreignManager, theirs, q1, Disaggregation.NONE, false))
                .noneMatch(t -> t.definition().code().equals(share.code()));
        assertThatThrownBy(() -> indicators.table(foreignManager, theirs, share.code(), q1, Disaggregation.NONE, false))
                .isInstanceOf(org.reach.platform.NotFound.class);
        // Nor can it define one over a service only this organisation offers, nor retire this one.
        assertThatThrownBy(() -> indicators.defineOwnIndicator(foreignManager, new OwnIndicatorForm(null, "Theirs",
                hcvTest.code(), OwnIndicator.Counts.PEOPLE, OwnIndicator.Per.NONE)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.field().equals("serviceCode")));
        assertThatThrownBy(() -> indicators.retireOwnIndicator(foreignManager, share.id()))
                .isInstanceOf(org.reach.platform.NotFound.class);
        assertThat(indicators.ownIndicators(manager, indicators.scope(manager, null, null, null))).hasSize(1);
    }

    @Test
    void badDefinitionsAreRefusedWithEveryProblemAndNothingSaved() {
        assertThatThrownBy(() -> indicators.defineOwnIndicator(manager, new OwnIndicatorForm(null, " ", "NO_SUCH",
                null, null))).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                .extracting(p -> p.field()).contains("name", "serviceCode", "counts", "per"));
        assertThatThrownBy(() -> indicators.defineOwnIndicator(world.user(Role.OUTREACH_WORKER),
                new OwnIndicatorForm(null, "Peer's", hcvTest.code(), OwnIndicator.Counts.PEOPLE, OwnIndicator.Per.NONE)))
                .isInstanceOf(Forbidden.class);
        assertThat(indicators.ownIndicators(manager, indicators.scope(manager, null, null, null))).isEmpty();
    }

    @Test
    void thePageDefinesRetiresAndShowsTheNameAsText() throws Exception {
        String planted = "<script>alert(1)</script>";
        mvc.perform(post("/indicators/own").with(user(manager)).with(csrf()).param("name", planted)
                        .param("serviceCode", hcvTest.code()).param("counts", "PEOPLE").param("per", "NONE"))
                .andExpect(status().is3xxRedirection());
        OwnIndicator own = indicators.ownIndicators(manager, indicators.scope(manager, null, null, null)).get(0);
        mvc.perform(get("/indicators").with(user(manager)).param("indicator", own.code()).param("period", "2026Q1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(planted))))
                .andExpect(content().string(Matchers.containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
        mvc.perform(post("/indicators/own").with(user(manager)).with(csrf()).param("name", "")
                        .param("serviceCode", "").param("counts", "PEOPLE").param("per", "NONE"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("serviceCode-error")));
        mvc.perform(post("/indicators/own/" + own.id() + "/retire").with(user(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(indicators.ownIndicators(manager, indicators.scope(manager, null, null, null))).isEmpty();
    }
}
