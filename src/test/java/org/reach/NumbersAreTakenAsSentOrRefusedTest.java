package org.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Numbers arrive exactly as sent or are refused with the JSON path of the field: no fraction cut to an
 * integer, no quoted number, no count beyond what people can be, no page that overflows an offset.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NumbersAreTakenAsSentOrRefusedTest {

    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    private ProgrammeFixture world;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
    }

    private ResultActions api(MockHttpServletRequestBuilder request, Role role) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + world.token(role)).header("Accept-Language", "en"));
    }

    private ResultActions json(MockHttpServletRequestBuilder request, Role role, String body) throws Exception {
        return api(request.contentType(MediaType.APPLICATION_JSON).content(body), role);
    }

    private static ResultActions refused(ResultActions result, String field) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private String registration(String code, String birthYear) {
        return "{\"code\":\"" + code + "\",\"gender\":\"FEMALE\",\"birthYear\":" + birthYear + ",\"keyPopulations\":"
                + "[\"PEOPLE_WHO_INJECT_DRUGS\"],\"primaryDrug\":\"HEROIN\",\"route\":\"INJECTING\",\"enrolmentSiteId\":"
                + world.homeSite.id() + ",\"firstContact\":\"" + today() + "\"}";
    }

    private long clients() {
        return jdbc.sql("SELECT COUNT(*) FROM clients WHERE organisation_id = ?").param(world.home.id()).query(Long.class).single();
    }

    private long encounters() {
        return jdbc.sql("SELECT COUNT(*) FROM encounters WHERE organisation_id = ?").param(world.home.id()).query(Long.class).single();
    }

    private String encounter(String quantity) {
        return "{\"uuid\":\"" + UUID.randomUUID() + "\",\"date\":\"" + today() + "\",\"siteId\":" + world.homeSite.id()
                + ",\"anonymous\":true,\"services\":[{\"code\":\"CONDOMS\",\"quantity\":" + quantity + "}]}";
    }

    /** Today by the application's clock. */
    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Test
    void aFractionalOrQuotedBirthYearIsRefusedNotRounded() throws Exception {
        long before = clients();
        refused(json(post("/api/clients"), Role.OUTREACH_WORKER, registration("FRAKF90", "1990.5")), "birthYear")
                .andExpect(jsonPath("$.errors[0].code").value("error.wholeNumber"));
        refused(json(post("/api/clients"), Role.OUTREACH_WORKER, registration("FRAKF90", "\"1990\"")), "birthYear");
        refused(json(post("/api/clients"), Role.OUTREACH_WORKER, registration("FRAKF90", "1e12")), "birthYear");
        assertThat(clients()).isEqualTo(before);
        json(post("/api/clients"), Role.OUTREACH_WORKER, registration("FRAKF90", "1990"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.client.birthYear").value(1990));
    }

    @Test
    void aFractionalQuotedOrHugeQuantityIsRefusedWithItsPath() throws Exception {
        long before = encounters();
        refused(json(post("/api/encounters"), Role.OUTREACH_WORKER, encounter("50.7")), "services[0].quantity");
        refused(json(post("/api/encounters"), Role.OUTREACH_WORKER, encounter("\"50\"")), "services[0].quantity");
        refused(json(post("/api/encounters"), Role.OUTREACH_WORKER, encounter("1e12")), "services[0].quantity");
        refused(json(post("/api/encounters"), Role.OUTREACH_WORKER, encounter("1000000000000")), "services[0].quantity");
        refused(json(post("/api/encounters/batch"), Role.OUTREACH_WORKER,
                "{\"encounters\":[" + encounter("1") + "," + encounter("2") + "," + encounter("1e12") + "]}"),
                "encounters[2].services[0].quantity");
        json(post("/api/encounters"), Role.OUTREACH_WORKER, encounter("10001"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("services[0].quantity"))
                .andExpect(jsonPath("$.errors[0].code").value("encounter.error.quantityTooLarge"));
        assertThat(encounters()).isEqualTo(before);
        json(post("/api/encounters"), Role.OUTREACH_WORKER, encounter("50"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.encounter.services[0].quantity").value(50));
    }

    @Test
    void countsBeyondAMillionPeopleAreRefusedAndEstimatesNeverGoNegative() throws Exception {
        String created = json(post("/api/rar/assessments"), Role.ME_OFFICER, "{\"organisationId\":" + world.home.id()
                + ",\"title\":\"Numbers\",\"area\":\"Karachi\",\"status\":\"FIELDWORK\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long assessment = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        String hotspot = json(post("/api/rar/assessments/{id}/hotspots", assessment), Role.ME_OFFICER,
                "{\"name\":\"Bridge\",\"latitude\":24.87,\"longitude\":66.99,\"typology\":\"STREET\",\"useType\":\"INJECTING\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(hotspot.replaceAll(".*?\"id\":(\\d+).*", "$1"));

        json(post("/api/rar/hotspots/{id}/captures", id), Role.ME_OFFICER,
                "{\"marked\":1500000000,\"secondSample\":1500000000,\"recaptured\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='marked')].code").value("rar.estimate.error.tooMany"))
                .andExpect(jsonPath("$.errors[?(@.field=='secondSample')].code").value("rar.estimate.error.tooMany"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("1,000,000")));
        json(post("/api/rar/hotspots/{id}/key-informants", id), Role.ME_OFFICER,
                "{\"informant\":\"Pharmacist\",\"minimum\":1500000000,\"maximum\":2000000000}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("rar.estimate.error.tooMany"));
        json(post("/api/rar/hotspots/{id}/visits", id), Role.ME_OFFICER,
                "{\"visitedOn\":\"" + today() + "\",\"total\":1500000000,\"injecting\":1500000000,\"nonInjecting\":1500000000}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='total')].code").value("rar.estimate.error.tooMany"));
        json(post("/api/rar/hotspots/{id}/multipliers", id), Role.ME_OFFICER,
                "{\"service\":\"NSP\",\"serviceCount\":1500000000,\"respondents\":10,\"users\":5}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("serviceCount"));
        json(put("/api/rar/hotspots/{id}/reached", id), Role.ME_OFFICER, "{\"ALL\":1500000000}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("rar.estimate.error.tooMany"));
        refused(json(post("/api/rar/hotspots/{id}/captures", id), Role.ME_OFFICER,
                "{\"marked\":50.7,\"secondSample\":40,\"recaptured\":10}"), "marked");

        json(post("/api/rar/hotspots/{id}/captures", id), Role.ME_OFFICER,
                "{\"marked\":1000000,\"secondSample\":1000000,\"recaptured\":0}").andExpect(status().isCreated());
        api(get("/api/rar/assessments/{id}/estimates", assessment), Role.ME_OFFICER).andExpect(status().isOk())
                .andExpect(jsonPath("$.hotspots[0].best.point").value(org.hamcrest.Matchers.greaterThan(1.0e12)))
                .andExpect(jsonPath("$.hotspots[0].best.low").value(org.hamcrest.Matchers.greaterThan(0.0)));
    }

    @Test
    void anAbsurdPageIsRefusedByTheApiAndBroughtBackOnPages() throws Exception {
        refused(api(get("/api/clients").param("page", "2147483647"), Role.ORG_MANAGER), "page");
        refused(api(get("/api/clients").param("page", "-1"), Role.ORG_MANAGER), "page");
        refused(api(get("/api/clients").param("page", "99999999999"), Role.ORG_MANAGER), "page");
        refused(api(get("/api/audit").param("page", "2147483647"), Role.ORG_MANAGER), "page");
        refused(api(get("/api/encounters").param("page", "2147483647"), Role.ORG_MANAGER), "page");
        api(get("/api/clients").param("page", "100000").param("size", "2147483647"), Role.ORG_MANAGER)
                .andExpect(status().isOk()).andExpect(jsonPath("$.clients").isEmpty());

        mvc.perform(get("/audit").param("page", "2147483647").with(SecurityMockMvcRequestPostProcessors.user(
                world.user(Role.ORG_MANAGER)))).andExpect(status().isOk());
        mvc.perform(get("/clients").param("page", "2147483647").with(SecurityMockMvcRequestPostProcessors.user(
                world.user(Role.ORG_MANAGER)))).andExpect(status().isOk());
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedNamingFrom() throws Exception {
        refused(api(get("/api/encounters").param("from", "2026-05-01").param("to", "2026-04-01"), Role.ORG_MANAGER), "from");
        refused(api(get("/api/audit").param("from", "2026-05-01").param("to", "2026-04-01"), Role.ORG_MANAGER), "from");
        mvc.perform(get("/audit").param("from", "2026-05-01").param("to", "2026-04-01")
                        .with(SecurityMockMvcRequestPostProcessors.user(world.user(Role.ORG_MANAGER))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"from-error\"")));
        mvc.perform(get("/encounters").param("from", "2026-05-01").param("to", "2026-04-01")
                        .with(SecurityMockMvcRequestPostProcessors.user(world.user(Role.ORG_MANAGER))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"from-error\"")));
    }

    @Test
    void anUnreadablePeriodOnTheDashboardIsShownBesideTheField() throws Exception {
        mvc.perform(get("/indicators").param("period", "garbage").param("disaggregation", "nonsense")
                        .with(SecurityMockMvcRequestPostProcessors.user(world.user(Role.ORG_MANAGER))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"period-error\"")));
        api(get("/api/indicators/values").param("indicator", "WOMEN_REACHED").param("period", "garbage"), Role.ORG_MANAGER)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"));
    }

    @Test
    void theEncounterListIsPagedLikeTheClientList() throws Exception {
        for (int i = 0; i < 3; i++) {
            json(post("/api/encounters"), Role.OUTREACH_WORKER, encounter("1")).andExpect(status().isCreated());
        }
        api(get("/api/encounters").param("size", "2"), Role.ORG_MANAGER).andExpect(status().isOk())
                .andExpect(jsonPath("$.encounters.length()").value(2))
                .andExpect(jsonPath("$.page").value(0)).andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.total").value(3));
        api(get("/api/encounters").param("size", "2").param("page", "1"), Role.ORG_MANAGER).andExpect(status().isOk())
                .andExpect(jsonPath("$.encounters.length()").value(1)).andExpect(jsonPath("$.page").value(1));
    }
}
