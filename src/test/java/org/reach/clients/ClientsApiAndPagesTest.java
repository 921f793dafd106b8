package org.reach.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.OrganisationDirectory;
import org.reach.clients.uic.UicCodes;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The client API and pages, as scripts and people in the field use them. */
@SpringBootTest
@AutoConfigureMockMvc
class ClientsApiAndPagesTest {

    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry registry;
    @Autowired ClientRegistrations registrations;
    @Autowired BackgroundJobs jobs;

    private ProgrammeFixture world;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
    }

    private <B extends AbstractMockHttpServletRequestBuilder<B>> B api(B request, Role role) {
        return request.header("Authorization", "Bearer " + world.token(role)).accept(MediaType.APPLICATION_JSON);
    }

    private String registration(String code, String extra) {
        return "{\"code\":\"" + code + "\",\"gender\":\"FEMALE\",\"birthYear\":1992,\"keyPopulations\":[\"SEX_WORKER\","
                + "\"PEOPLE_WHO_INJECT_DRUGS\"],\"primaryDrug\":\"HEROIN\",\"route\":\"INJECTING\",\"enrolmentSiteId\":"
                + world.homeSite.id() + ",\"enrolmentHotspot\":\"Behind the bus stand\",\"firstContact\":\"" + today() + "\"" + extra + "}";
    }

    /** Today by the application's clock. */
    private String today() {
        return LocalDate.now(clock).toString();
    }

    @Test
    void theApiRegistersOpensAndAsksForADecisionOnNearMatches() throws Exception {
        String body = mvc.perform(api(post("/api/clients"), Role.OUTREACH_WORKER).contentType(MediaType.APPLICATION_JSON)
                        .content(registration("SAKAF92", "")))
                .andExpect(status().isCreated()).andExpect(header().string("Location", containsString("/api/clients/")))
                .andExpect(jsonPath("$.kind").value("CREATED")).andExpect(jsonPath("$.client.uic").value(UicCodes.withCheckCharacter("SAKAF92")))
                .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(body, "$.client.id");

        mvc.perform(api(post("/api/clients"), Role.SITE_MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content(registration("sakaf92", "")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("EXISTING")).andExpect(jsonPath("$.client.id").value(id));

        mvc.perform(api(post("/api/clients"), Role.OUTREACH_WORKER).contentType(MediaType.APPLICATION_JSON)
                        .content(registration("SAKAF93", "")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:reach:problem:near-matches"))
                .andExpect(jsonPath("$.code").value(UicCodes.withCheckCharacter("SAKAF93")))
                .andExpect(jsonPath("$.nearMatches[0].clientId").value(id))
                .andExpect(jsonPath("$.nearMatches[0].kind").value("ONE_CHARACTER_DIFFERENT"));

        mvc.perform(api(post("/api/clients"), Role.OUTREACH_WORKER).contentType(MediaType.APPLICATION_JSON)
                        .content(registration("SAKAF93", ",\"decision\":\"REJECTED_DIFFERENT\"")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.client.uic").value(UicCodes.withCheckCharacter("SAKAF93")));

        mvc.perform(api(post("/api/clients"), Role.ME_OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .content(registration("TATAF92", "")))
                .andExpect(status().isForbidden());
        mvc.perform(api(post("/api/clients"), Role.OUTREACH_WORKER).contentType(MediaType.APPLICATION_JSON)
                        .content(registration("SHORT", "")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void theApiReadsChangesAndShowsTheTimeline() throws Exception {
        String body = mvc.perform(api(post("/api/clients"), Role.OUTREACH_WORKER).contentType(MediaType.APPLICATION_JSON)
                        .content(registration("MIMIF92", ",\"alias\":\"Rani\"")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(body, "$.client.id");

        mvc.perform(api(get("/api/clients/{id}", id), Role.OUTREACH_WORKER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.alias").value("Rani"))
                .andExpect(jsonPath("$.client.status").value("ACTIVE"));
        mvc.perform(api(get("/api/clients/{id}", id), Role.ORG_MANAGER))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Rani"))));
        mvc.perform(api(get("/api/clients").param("code", "MIMI").param("keyPopulation", "SEX_WORKER"), Role.ME_OFFICER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.clients[0].id").value(id));
        mvc.perform(api(get("/api/clients").param("status", "DETAINED"), Role.ME_OFFICER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));

        mvc.perform(api(put("/api/clients/{id}", id), Role.ORG_MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gender\":\"TRANSGENDER_WOMAN\",\"birthYear\":1991,\"keyPopulations\":[\"TRANSGENDER_PERSON\"],"
                                + "\"enrolmentSiteId\":" + world.homeSite.id() + ",\"firstContact\":\"" + today() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.client.gender").value("TRANSGENDER_WOMAN"));
        mvc.perform(api(post("/api/clients/{id}/stage", id), Role.OUTREACH_WORKER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"TREATMENT\",\"date\":\"" + today() + "\",\"note\":\"Referred to OAT\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("TREATMENT"));
        mvc.perform(api(post("/api/clients/{id}/status", id), Role.SITE_MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DETAINED\",\"date\":\"" + today() + "\",\"reason\":\"Police sweep\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DETAINED"));
        mvc.perform(api(post("/api/clients/{id}/status", id), Role.ME_OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"EXITED\",\"date\":\"" + today() + "\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(api(get("/api/clients/{id}/timeline", id), Role.ME_OFFICER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[2].messageKey").value("timeline.registered"));
        for (Role role : Set.of(Role.ADMIN, Role.COORDINATOR)) {
            mvc.perform(api(get("/api/clients/{id}", id), role)).andExpect(status().isForbidden());
            mvc.perform(api(get("/api/clients"), role)).andExpect(status().isForbidden());
        }
    }

    @Test
    void settingsAreReadByStaffAndChangedByOrganisationManagers() throws Exception {
        mvc.perform(api(get("/api/clients/settings"), Role.OUTREACH_WORKER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.scheme").value("PARENTS_SEX_YEAR"))
                .andExpect(jsonPath("$.activeMonths").value(3)).andExpect(jsonPath("$.lostAfterMonths").value(9));
        mvc.perform(api(put("/api/clients/settings"), Role.SITE_MANAGER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"scheme\":\"PARENTS_SEX_YEAR\",\"activeMonths\":2,\"lostAfterMonths\":6}")).andExpect(status().isForbidden());
        mvc.perform(api(put("/api/clients/settings"), Role.ORG_MANAGER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"scheme\":\"PARENTS_SEX_YEAR\",\"activeMonths\":2,\"lostAfterMonths\":6}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.activeMonths").value(2));
        mvc.perform(post("/clients/settings").with(user(world.user(Role.ORG_MANAGER))).with(csrf())
                        .param("scheme", "PARENTS_SEX_YEAR").param("activeMonths", "3").param("lostAfterMonths", "2"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("class=\"error\"")));
        mvc.perform(get("/clients/settings").with(user(world.user(Role.OUTREACH_WORKER)))).andExpect(status().isForbidden());
    }

    @Test
    void theRegistrationPageOffersNearMatchesWithReasonsAndRecordsTheChoice() throws Exception {
        long existing = registry.register(world.user(Role.OUTREACH_WORKER), new ClientRegistration(null, "NANAM77",
                Gender.MALE, 1977, Set.of(), null, null, null, world.homeSite.id(), null, null, LocalDate.parse(today()),
                null, null, null)).client().id();
        mvc.perform(get("/clients/new").with(user(world.user(Role.OUTREACH_WORKER))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name=\"motherFirstName\"")));
        String page = mvc.perform(form(post("/clients/new"), "NANAM78"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"SAME:" + existing + "\"", "value=\"DIFFERENT\"", "One character different", "NANAM78");

        mvc.perform(form(post("/clients/new"), "NANAM78").param("computed", "true").param("decision", "SAME:" + existing))
                .andExpect(redirectedUrlPattern("/clients/" + existing + "?existing"));
        assertThat(registrations.duplicateDecisions(world.user(Role.ORG_MANAGER), "NANAM78"))
                .containsEntry(existing, DuplicateDecision.CONFIRMED_SAME);
        mvc.perform(form(post("/clients/new"), "NANAM78").param("decision", "DIFFERENT"))
                .andExpect(redirectedUrlPattern("/clients/*?created"));
    }

    @Test
    void registrationPresetsNoSexAndRefusesToGuessOne() throws Exception {
        String page = mvc.perform(get("/clients/new").with(user(world.user(Role.OUTREACH_WORKER))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int at = page.lastIndexOf("<select", page.indexOf("id=\"gender\""));
        String select = page.substring(at, page.indexOf("</select>", at));
        assertThat(select).as("no sex is chosen for the person").doesNotContain("selected").contains("value=\"\"");
        assertThat(select).contains("required");
        long before = registry.search(world.user(Role.ORG_MANAGER), new ClientSearch("PAPAF80", null, null, null), 0, 50).total();
        String refused = mvc.perform(post("/clients/new").with(user(world.user(Role.OUTREACH_WORKER))).with(csrf())
                        .param("code", "PAPAF80").param("gender", "").param("birthYear", "1980")
                        .param("enrolmentSiteId", String.valueOf(world.homeSite.id())).param("firstContact", today()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"gender-error\"");
        assertThat(registry.search(world.user(Role.ORG_MANAGER), new ClientSearch("PAPAF80", null, null, null), 0, 50).total())
                .isEqualTo(before);
    }

    @Test
    void aMistypedCheckCharacterIsCaughtNextToTheCodeField() throws Exception {
        String code = UicCodes.withCheckCharacter("CKCKM77");
        char wrong = code.charAt(7) == 'A' ? 'B' : 'A';
        String page = mvc.perform(form(post("/clients/new"), code.substring(0, 6) + "8" + code.charAt(7)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"code-error\"").contains("does not match the rest of the code");
        page = mvc.perform(form(post("/clients/new"), code.substring(0, 7) + wrong))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"code-error\"");
        mvc.perform(api(post("/api/clients"), Role.OUTREACH_WORKER).contentType(MediaType.APPLICATION_JSON)
                        .content(registration(code.substring(0, 7) + wrong, "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].code").value("client.error.checkCharacter"));

        mvc.perform(form(post("/clients/new"), "CKCKM77")).andExpect(redirectedUrlPattern("/clients/*?created"));
        Client stored = registry.findByUic(world.user(Role.ORG_MANAGER), code).orElseThrow();
        assertThat(stored.uic()).isEqualTo(code);
        assertThat(registry.findByUic(world.user(Role.ORG_MANAGER), "ckck-m77")).map(Client::id).contains(stored.id());
    }

    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String code) {
        return request.with(user(world.user(Role.OUTREACH_WORKER))).with(csrf()).param("code", code)
                .param("gender", "MALE").param("birthYear", "1977").param("enrolmentSiteId", String.valueOf(world.homeSite.id()))
                .param("firstContact", today());
    }

    @Test
    void theProfileShowsTheAliasOnlyAtTheEnrolmentSiteAndTheListFindsClients() throws Exception {
        long id = registry.register(world.user(Role.OUTREACH_WORKER), new ClientRegistration(null, "RARAM77",
                Gender.MALE, 1977, Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING,
                world.homeSite.id(), "Old rail yard", null, LocalDate.parse(today()), "Pappu", null, null)).client().id();
        mvc.perform(get("/clients/{id}", id).with(user(world.user(Role.OUTREACH_WORKER))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Pappu")))
                .andExpect(content().string(containsString("Registered at " + world.homeSite.name())));
        mvc.perform(get("/clients/{id}", id).with(user(world.user(Role.ORG_MANAGER))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Pappu"))));
        mvc.perform(get("/clients/{id}/edit", id).with(user(world.user(Role.ORG_MANAGER))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Pappu"))));
        mvc.perform(get("/clients").param("code", "rara").with(user(world.user(Role.ME_OFFICER))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("RARAM77")));
        mvc.perform(get("/clients").with(user(world.user(Role.COORDINATOR)))).andExpect(status().isForbidden());
        mvc.perform(get("/clients/{id}", id).with(user(world.user(Role.ADMIN)))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(user(world.user(Role.COORDINATOR)))).andExpect(content().string(not(containsString("href=\"/clients\""))));
        mvc.perform(get("/").with(user(world.user(Role.OUTREACH_WORKER)))).andExpect(content().string(containsString("href=\"/clients\"")));

        mvc.perform(post("/clients/{id}/status", id).with(user(world.user(Role.OUTREACH_WORKER))).with(csrf())
                        .param("status", "DECEASED").param("date", today()).param("reason", "Overdose"))
                .andExpect(redirectedUrlPattern("/clients/" + id + "?saved"));
        mvc.perform(post("/clients/{id}/stage", id).with(user(world.user(Role.OUTREACH_WORKER))).with(csrf())
                        .param("stage", "TREATMENT").param("date", today()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("class=\"error\"")));
    }

    @Test
    void anImportThroughTheApiAndThePageReportsBadRowsAndImportsNothing() throws Exception {
        String csv = "uic,gender,birth_year,key_populations,primary_drug,secondary_drug,route,enrolment_site,first_contact,status\n"
                + "IMIMM80,MALE,1980,PEOPLE_WHO_INJECT_DRUGS,HEROIN,,INJECTING," + world.homeSite.name() + ",2025-03-01,\n"
                + "IMIMM80,MALE,1980,,HEROIN,,INJECTING," + world.homeSite.name() + ",2025-03-01,\n";
        MockMultipartFile file = new MockMultipartFile("file", "clients.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String accepted = mvc.perform(api(multipart("/api/clients/import").file(file), Role.ORG_MANAGER))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String job = JsonPath.read(accepted, "$.jobId");
        BackgroundJobs.JobStatus status = waitFor(job);
        ImportReport report = (ImportReport) status.result();
        assertThat(report.imported()).isZero();
        assertThat(report.problems()).extracting(p -> p.line() + ":" + p.column() + ":" + p.messageKey())
                .containsExactly("3:uic:client.import.codeRepeated");
        mvc.perform(api(get("/api/jobs/{id}", job), Role.ORG_MANAGER)).andExpect(jsonPath("$.result.problems[0].line").value(3));
        assertThat(registry.findByUic(world.user(Role.ORG_MANAGER), "IMIMM80")).isEmpty();

        mvc.perform(api(multipart("/api/clients/import").file(file), Role.OUTREACH_WORKER)).andExpect(status().isForbidden());

        String redirect = mvc.perform(multipart("/clients/import").file(file).with(user(world.user(Role.ORG_MANAGER))).with(csrf()))
                .andExpect(redirectedUrlPattern("/clients/import/*")).andReturn().getResponse().getRedirectedUrl();
        waitFor(redirect.substring(redirect.lastIndexOf('/') + 1));
        mvc.perform(get(redirect).with(user(world.user(Role.ORG_MANAGER))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"import-problems\"")))
                .andExpect(content().string(containsString("This code is already used on line 2 of the file.")));
    }

    private BackgroundJobs.JobStatus waitFor(String job) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            BackgroundJobs.JobStatus status = jobs.status(world.user(Role.ORG_MANAGER), job);
            if (status.finished()) {
                assertThat(status.state()).isEqualTo(BackgroundJobs.State.SUCCEEDED);
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import did not finish");
    }
}
