package org.reach.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several people of one organisation read and write one client through every path there is (its page, list
 * pages and APIs, searches, encounter lists, a batch, a referral and the follow-up list); the manager's
 * access history of that client names each of them with the page or API they used. Lists, batches and imports
 * are one entry each naming all their clients. Nobody else reads the history.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WhoLookedAtAClientTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;

    private ProgrammeFixture world;
    private LocalDate today;

    @BeforeEach
    void buildWorld() {
        today = LocalDate.now(clock);
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
    }

    @Test
    void theHistoryNamesEveryoneWhoReadOrWroteTheClientAndFromWhere() throws Exception {
        long x = register(Role.OUTREACH_WORKER, "ABCDM85", "MALE", 1985);
        long y = register(Role.OUTREACH_WORKER, "QRSTF90", "FEMALE", 1990);

        // a batch of encounters with X and Y, a referral of X
        ok(api(post("/api/encounters/batch"), Role.OUTREACH_WORKER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"encounters\":[" + encounter(x) + "," + encounter(y) + "]}"));
        ok(api(post("/api/referrals"), Role.OUTREACH_WORKER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"clientId\":" + x + ",\"providerType\":\"ART_CLINIC\",\"providerName\":\"Civil Hospital\","
                        + "\"madeOn\":\"" + today.minusDays(20) + "\"}"));
        // reads: list pages and APIs, a search, the client's page, encounter lists, the follow-up list
        ok(get("/clients").param("code", "ABCD").with(user(world.user(Role.OUTREACH_WORKER))));
        ok(api(get("/api/clients").param("code", "ABC"), Role.ME_OFFICER));
        ok(get("/clients/{id}", x).with(user(world.user(Role.ORG_MANAGER))));
        ok(api(get("/api/encounters").param("client", String.valueOf(x)), Role.SITE_MANAGER));
        ok(get("/encounters").with(user(world.user(Role.SITE_MANAGER))));
        ok(get("/referrals").param("days", "0").with(user(world.user(Role.ME_OFFICER))));

        List<JsonNode> history = history(x);
        Set<String> seen = new HashSet<>();
        history.forEach(e -> seen.add(e.get("actorUsername").asString() + " " + e.path("origin").asString("")));
        String peer = world.user(Role.OUTREACH_WORKER).getUsername();
        String siteManager = world.user(Role.SITE_MANAGER).getUsername();
        String officer = world.user(Role.ME_OFFICER).getUsername();
        String manager = world.user(Role.ORG_MANAGER).getUsername();
        assertThat(seen).contains(
                peer + " POST /api/clients",
                peer + " POST /api/encounters/batch",
                peer + " POST /api/referrals",
                peer + " GET /clients",
                officer + " GET /api/clients",
                manager + " GET /clients/{id}",
                siteManager + " GET /api/encounters",
                siteManager + " GET /encounters",
                officer + " GET /referrals");

        // the batch is one entry naming both clients, so it is in Y's history under the same id
        long batchEntry = history.stream().filter(e -> "CREATE".equals(e.get("action").asString())
                && "encounter".equals(e.get("entityType").asString())).findFirst().orElseThrow().get("id").asLong();
        assertThat(history(y).stream().map(e -> e.get("id").asLong())).contains(batchEntry);

        // looking at the history is itself in the history
        assertThat(history(x)).anySatisfy(e -> {
            assertThat(e.get("actorUsername").asString()).isEqualTo(manager);
            assertThat(e.get("entityType").asString()).isEqualTo("client_access");
            assertThat(e.get("origin").asString()).isEqualTo("GET /api/audit/clients/{id}");
        });

        // the page shows the same, and the client's page links to it for the manager only
        String page = mvc.perform(get("/audit/clients/{id}", x).with(user(world.user(Role.ORG_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(peer, siteManager, officer, "GET /api/encounters");
        assertThat(content(get("/clients/{id}", x).with(user(world.user(Role.ORG_MANAGER))))).contains("id=\"access-history\"");
        assertThat(content(get("/clients/{id}", x).with(user(world.user(Role.OUTREACH_WORKER))))).doesNotContain("access-history");
    }

    @Test
    void anImportIsOneEntryNamingEveryClientItCreated() throws Exception {
        String file = "uic,gender,birth_year,key_populations,primary_drug,secondary_drug,route,enrolment_site,first_contact,status\n"
                + "KLMNM88,MALE,1988,PEOPLE_WHO_INJECT_DRUGS,HEROIN,,INJECTING," + world.homeSite.name() + "," + today + ",\n"
                + "WXYZF92,FEMALE,1992,SEX_WORKER,,,," + world.homeSite.name() + "," + today + ",\n";
        String job = JSON.readTree(content(multipart("/api/clients/import")
                        .file(new MockMultipartFile("file", "clients.csv", "text/csv", file.getBytes()))
                        .header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))))
                .get("jobId").asString();
        for (int i = 0; i < 100; i++) {
            String state = JSON.readTree(content(api(get("/api/jobs/{id}", job), Role.ORG_MANAGER))).get("state").asString();
            if (!"RUNNING".equals(state)) {
                assertThat(state).isEqualTo("SUCCEEDED");
                break;
            }
            Thread.sleep(100);
        }
        JsonNode list = JSON.readTree(content(api(get("/api/clients").param("size", "10"), Role.ORG_MANAGER)));
        List<Long> ids = new ArrayList<>();
        list.get("clients").forEach(c -> ids.add(c.get("id").asLong()));
        assertThat(ids).hasSize(2);
        Set<Long> importEntries = new HashSet<>();
        for (long id : ids) {
            history(id).stream().filter(e -> "CREATE".equals(e.get("action").asString())
                            && "client".equals(e.get("entityType").asString()))
                    .forEach(e -> {
                        importEntries.add(e.get("id").asLong());
                        assertThat(e.get("detail").asString()).isEqualTo("import of 2 clients");
                    });
        }
        assertThat(importEntries).as("one entry for the whole import, in both clients' histories").hasSize(1);
    }

    @Test
    void onlyTheManagerOfTheClientsOrganisationReadsTheHistory() throws Exception {
        long x = register(Role.OUTREACH_WORKER, "ABCDM85", "MALE", 1985);
        AuditFilter looks = new AuditFilter(null, null, null, null, "client_access", String.valueOf(x), null);
        long entriesBefore = audit.search(ReachUser.system(), looks, 0, 1).total();
        mvc.perform(get("/api/audit/clients/{id}", x).header("Authorization", "Bearer " + world.foreignManagerToken()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/audit/clients/{id}", x).with(user(signIn.reload(world.foreignManager.id()).orElseThrow())))
                .andExpect(status().isNotFound());
        for (Role role : List.of(Role.ADMIN, Role.COORDINATOR, Role.SITE_MANAGER, Role.ME_OFFICER, Role.OUTREACH_WORKER)) {
            mvc.perform(api(get("/api/audit/clients/{id}", x), role)).andExpect(status().isForbidden());
            mvc.perform(get("/audit/clients/{id}", x).with(user(world.user(role)))).andExpect(status().isForbidden());
        }
        assertThat(audit.search(ReachUser.system(), looks, 0, 1).total())
                .as("a refused look writes nothing").isEqualTo(entriesBefore);
        mvc.perform(api(get("/api/audit/clients/{id}", Long.MAX_VALUE), Role.ORG_MANAGER)).andExpect(status().isNotFound());
    }

    @Test
    void everyIndicatorExportIsAuditedWithWhatScopePeriodAndFormat() throws Exception {
        // the last month that has ended: a month still running is not exported in suppressed form
        String month = today.minusMonths(1).toString().substring(0, 7);
        String manager = world.user(Role.ORG_MANAGER).getUsername();
        long before = exports(manager).size();
        ok(get("/indicators/export.csv").param("period", month).param("indicator", "WOMEN_REACHED")
                .param("disaggregation", "SITE").with(user(world.user(Role.ORG_MANAGER))));
        ok(get("/indicators/export.xlsx").param("period", month).with(user(world.user(Role.ORG_MANAGER))));
        ok(get("/indicators/report.pdf").param("period", month).with(user(world.user(Role.ORG_MANAGER))));
        ok(api(get("/api/indicators/dhis2").param("period", month), Role.ORG_MANAGER));
        mvc.perform(api(post("/api/indicators/exports").param("period", month).param("format", "csv"), Role.ORG_MANAGER))
                .andExpect(status().isAccepted());

        List<AuditEvent> exports = exports(manager);
        assertThat(exports).hasSize((int) before + 5);
        String scope = "organisation " + world.home.id();
        assertThat(exports).allSatisfy(e -> {
            assertThat(e.organisationId()).isEqualTo(world.home.id());
            assertThat(e.detail()).contains(scope).contains(month);
        });
        assertThat(exports).extracting(AuditEvent::detail).anyMatch(d -> d.startsWith("csv WOMEN_REACHED by SITE"))
                .anyMatch(d -> d.startsWith("xlsx all indicators"))
                .anyMatch(d -> d.startsWith("pdf donor report"))
                .anyMatch(d -> d.startsWith("json DHIS2 payload"))
                .anyMatch(d -> d.startsWith("csv all indicators, every breakdown"));
        assertThat(exports).extracting(AuditEvent::origin).contains("GET /indicators/export.csv",
                "GET /indicators/export.xlsx", "GET /indicators/report.pdf", "GET /api/indicators/dhis2",
                "POST /api/indicators/exports");
    }

    private List<AuditEvent> exports(String actor) {
        return audit.search(ReachUser.system(), new AuditFilter(null, null, actor, AuditAction.EXPORT, null, null,
                null), 0, 200).events();
    }

    private long register(Role role, String code, String gender, int year) throws Exception {
        String body = "{\"code\":\"" + code + "\",\"gender\":\"" + gender + "\",\"birthYear\":" + year
                + ",\"keyPopulations\":[\"PEOPLE_WHO_INJECT_DRUGS\"],\"enrolmentSiteId\":" + world.homeSite.id()
                + ",\"firstContact\":\"" + today.minusMonths(2) + "\"}";
        String answer = mvc.perform(api(post("/api/clients"), role).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer).get("client").get("id").asLong();
    }

    private String encounter(long clientId) {
        return "{\"uuid\":\"" + UUID.randomUUID() + "\",\"date\":\"" + today + "\",\"siteId\":" + world.homeSite.id()
                + ",\"clientId\":" + clientId + ",\"services\":[{\"code\":\"CONDOMS\",\"quantity\":2}]}";
    }

    private List<JsonNode> history(long clientId) throws Exception {
        JsonNode page = JSON.readTree(content(api(get("/api/audit/clients/{id}", clientId).param("size", "200"),
                Role.ORG_MANAGER)));
        List<JsonNode> events = new ArrayList<>();
        page.get("events").forEach(events::add);
        assertThat(page.get("total").asLong()).isEqualTo(events.size());
        return events;
    }

    private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, Role role) {
        return request.header("Authorization", "Bearer " + world.token(role)).accept(MediaType.APPLICATION_JSON);
    }

    private void ok(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
    }

    private String content(RequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
        return response.getContentAsString();
    }
}
