package org.reach.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditEvent;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatus;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.rar.RapidAssessments;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.ServiceLine;
import org.reach.services.ServicesFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Overdose reports and deaths through the API, the pages and the facades: replay safety, bad input with nothing
 * written, organisation isolation, the audit of every read and write, text rendered as text, the death that follows
 * an overdose with the client's status, and naloxone kits given against kits used.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportingOverdosesAndDeathsTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;
    @Autowired ClientRegistry clients;
    @Autowired RapidAssessments rar;
    @Autowired Overdoses overdoses;
    @Autowired Deaths deaths;
    @Autowired NaloxoneKits kits;
    @Autowired Encounters encounters;
    @Autowired JdbcClient jdbc;

    private ProgrammeFixture world;
    private SafetyFixture safety;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        safety = new SafetyFixture(world, signIn, clients, rar, overdoses, deaths);
    }

    // ---- the API

    @Test
    void aReportIsStoredOnceAndAReplayWithOtherContentIsAConflict() throws Exception {
        String uuid = UUID.randomUUID().toString();
        String body = SafetyFixture.json(uuid, world.homeSite.id(), SafetyFixture.HOTSPOT, safety.homeClient.id(), 2);
        String created = api(post("/api/safety/overdoses"), Role.OUTREACH_WORKER, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(true))
                .andExpect(jsonPath("$.report.naloxoneDoses").value(2))
                .andExpect(jsonPath("$.report.hotspot").value(SafetyFixture.HOTSPOT))
                .andExpect(jsonPath("$.report.naloxoneFromKit").value(true))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.report.id")).longValue();
        api(post("/api/safety/overdoses"), Role.OUTREACH_WORKER, body).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(false)).andExpect(jsonPath("$.report.id").value(id));
        String changed = SafetyFixture.json(uuid, world.homeSite.id(), SafetyFixture.HOTSPOT, safety.homeClient.id(), 3);
        api(post("/api/safety/overdoses"), Role.OUTREACH_WORKER, changed).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("uuid"));
        assertThat(reportsWith(uuid)).isEqualTo(1);

        api(get("/api/safety/overdoses/{id}", id), Role.ME_OFFICER, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.clientId").value(safety.homeClient.id()));
        api(get("/api/safety/overdoses").param("size", "5"), Role.ORG_MANAGER, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(5)).andExpect(jsonPath("$.total").value(2));
        // the same uuid in another organisation is another report
        mvc.perform(post("/api/safety/overdoses").header("Authorization", "Bearer " + world.foreignManagerToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SafetyFixture.json(uuid, world.foreignSite.id(), null, null, 1)))
                .andExpect(status().isCreated());
    }

    @Test
    void aGpsReadingWorseThanTheThresholdIsKeptButFlaggedAndTheFormAsksForAnother() throws Exception {
        String coarse = UUID.randomUUID().toString();
        String fine = UUID.randomUUID().toString();
        String body = SafetyFixture.json(coarse, world.homeSite.id(), null, safety.homeClient.id(), 1)
                .replace("\"naloxoneDoses\"", "\"latitude\":24.8601,\"longitude\":67.0102,\"gpsAccuracy\":120,\"naloxoneDoses\"");
        String created = api(post("/api/safety/overdoses"), Role.OUTREACH_WORKER, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.report.gpsAccuracy").value(120.0))
                .andExpect(jsonPath("$.report.imprecise").value(true))
                .andReturn().getResponse().getContentAsString();
        api(post("/api/safety/overdoses"), Role.OUTREACH_WORKER, SafetyFixture.json(fine, world.homeSite.id(), null,
                safety.homeClient.id(), 1).replace("\"naloxoneDoses\"",
                "\"latitude\":24.8601,\"longitude\":67.0102,\"gpsAccuracy\":50,\"naloxoneDoses\""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.report.imprecise").value(false));
        long fineId = jdbc.sql("SELECT id FROM overdose_reports WHERE uuid = ?").param(fine).query(Long.class).single();
        assertThat(reportsWith(coarse)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT gps_accuracy_m FROM overdose_reports WHERE uuid = ?").param(coarse)
                .query(Double.class).single()).isEqualTo(120.0);
        long id = ((Number) JsonPath.read(created, "$.report.id")).longValue();
        page(get("/safety/overdoses/{id}", id), Role.ORG_MANAGER).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"imprecise\"")));
        // the list marks the imprecise report's row, and only that one
        String list = page(get("/safety/overdoses"), Role.ORG_MANAGER).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("<tr data-report=\"(\\d+)\">(.*?)</tr>",
                java.util.regex.Pattern.DOTALL).matcher(list);
        java.util.Map<Long, Boolean> marked = new java.util.HashMap<>();
        while (rows.find()) {
            marked.put(Long.parseLong(rows.group(1)), rows.group(2).contains("warning imprecise"));
        }
        assertThat(marked).containsEntry(id, true).containsEntry(fineId, false);
        page(get("/safety/overdoses/new"), Role.OUTREACH_WORKER).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-threshold=\"50\"")))
                .andExpect(content().string(containsString("GPS readings less precise than 50 metres")));
    }

    @Test
    void anotherOrganisationsReportsAndDeathsAreNotFound() throws Exception {
        for (Role role : List.of(Role.ORG_MANAGER, Role.ME_OFFICER, Role.OUTREACH_WORKER)) {
            api(get("/api/safety/overdoses/{id}", safety.foreignReport.id()), role, null).andExpect(status().isNotFound());
            api(get("/api/safety/deaths/{id}", safety.foreignDeath.id()), role, null).andExpect(status().isNotFound());
            api(get("/api/safety/kits/clients/{id}", safety.foreignClient.id()), role, null)
                    .andExpect(status().isNotFound());
            api(get("/api/safety/overdoses"), role, null).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(world.marker))));
        }
        page(get("/safety/overdoses/{id}", safety.foreignReport.id()), Role.ORG_MANAGER).andExpect(status().isNotFound());
        page(get("/safety/clients/{id}", safety.foreignClient.id()), Role.ORG_MANAGER).andExpect(status().isNotFound());
        // a foreign client named in a report, a follow-up on a foreign report, a correction of a foreign death
        String planted = SafetyFixture.json(UUID.randomUUID().toString(), world.homeSite.id(), null,
                safety.foreignClient.id(), 1);
        expectProblem(planted, "clientId", "safety.error.unknownClient");
        api(post("/api/safety/overdoses/{id}/follow-up", safety.foreignReport.id()), Role.ORG_MANAGER,
                "{\"date\":\"" + SafetyFixture.today() + "\",\"result\":\"SEEN_WELL\"}").andExpect(status().isNotFound());
        api(put("/api/safety/deaths/{id}", safety.foreignDeath.id()), Role.ORG_MANAGER,
                SafetyFixture.deathJson(safety.foreignDeceased.id(), "OVERDOSE")).andExpect(status().isNotFound());
        // a foreign hotspot is not one of the organisation's
        expectProblem(SafetyFixture.json(UUID.randomUUID().toString(), world.homeSite.id(), safety.foreignHotspot, null, 1),
                "hotspot", "safety.error.hotspot");
        // administrators and coordinators see aggregates only
        api(get("/api/safety/overdoses"), Role.ADMIN, null).andExpect(status().isForbidden());
        api(get("/api/safety/overdoses"), Role.COORDINATOR, null).andExpect(status().isForbidden());
        api(post("/api/safety/overdoses"), Role.ME_OFFICER, safety.homeJson()).andExpect(status().isForbidden());
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        long before = reports();
        long site = world.homeSite.id();
        expectProblem(SafetyFixture.json(UUID.randomUUID().toString(), site, null, null, -1), "naloxoneDoses",
                "safety.error.doses");
        expectProblem(SafetyFixture.json(UUID.randomUUID().toString(), site, null, null, 21), "naloxoneDoses",
                "safety.error.doses");
        expectProblem(SafetyFixture.json(UUID.randomUUID().toString(), site, null, null, 2_000_000_000), "naloxoneDoses",
                "safety.error.doses");
        // fractional and textual numbers are refused before the service sees them
        api(post("/api/safety/overdoses"), Role.OUTREACH_WORKER,
                SafetyFixture.json(UUID.randomUUID().toString(), site, null, null, 1).replace("\"naloxoneDoses\":1",
                        "\"naloxoneDoses\":1.5")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("naloxoneDoses")));
        api(post("/api/safety/overdoses"), Role.OUTREACH_WORKER,
                SafetyFixture.json(UUID.randomUUID().toString(), site, null, null, 1).replace("\"naloxoneDoses\":1",
                        "\"naloxoneDoses\":99999999999999")).andExpect(status().isBadRequest());
        String future = "{\"uuid\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + SafetyFixture.hoursAgo(-48)
                + "\",\"siteId\":" + site + ",\"naloxoneDoses\":0,\"outcome\":\"SURVIVED\"}";
        expectProblem(future, "occurredAt", "safety.error.future");
        String unknown = "{\"uuid\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + SafetyFixture.hoursAgo(1)
                + "\",\"siteId\":" + site + ",\"substances\":[\"HEROIN\",\"KRYPTONITE\"],\"signs\":[\"GLOWING\"],"
                + "\"naloxoneDoses\":1,\"naloxoneGivers\":[\"WIZARD\"],\"responses\":[\"PRAYER\"],\"outcome\":\"ASCENDED\","
                + "\"sex\":\"ROBOT\",\"ageBand\":\"ANCIENT\"}";
        String problems = api(post("/api/safety/overdoses"), Role.OUTREACH_WORKER, unknown)
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        List<String> fields = JsonPath.read(problems, "$.errors[*].field");
        assertThat(fields).contains("substances", "signs", "naloxoneGivers", "responses", "outcome", "sex", "ageBand");
        String noPlace = "{\"uuid\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + SafetyFixture.hoursAgo(1)
                + "\",\"naloxoneDoses\":0,\"outcome\":\"SURVIVED\",\"latitude\":95,\"notes\":\"his name is Ali, 0300 1234567\"}";
        String answer = api(post("/api/safety/overdoses"), Role.OUTREACH_WORKER, noPlace).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(answer, "$.errors[*].field"))
                .contains("latitude", "longitude", "gpsAccuracy", "notes");
        expectProblem(SafetyFixture.json("not-a-uuid", site, null, null, 1), "uuid", "safety.error.uuid");
        expectProblem(SafetyFixture.json(UUID.randomUUID().toString(), world.homeOtherSite.id(), null, null, 1), "siteId",
                "safety.error.site"); // the peer does not work there
        expectProblem(SafetyFixture.json(UUID.randomUUID().toString(), site, "Nowhere", null, 1), "hotspot",
                "safety.error.hotspot");
        expectProblem(SafetyFixture.json(UUID.randomUUID().toString(), site, null, null, 2).replace("[\"PEER\"]", "[]"),
                "naloxoneGivers", "safety.error.giverRequired");
        assertThat(reports()).as("nothing half-written").isEqualTo(before);

        // deaths: unknown codes, a date in the future, a second death of the same client
        long deathsBefore = jdbc.sql("SELECT COUNT(*) FROM deaths").query(Long.class).single();
        api(post("/api/safety/deaths"), Role.ORG_MANAGER, SafetyFixture.deathJson(safety.homeClient.id(), "WITCHCRAFT"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cause"));
        api(post("/api/safety/deaths"), Role.ORG_MANAGER, SafetyFixture.deathJson(safety.homeClient.id(), "TB")
                .replace(SafetyFixture.today().minusDays(1).toString(), SafetyFixture.today().plusDays(2).toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("diedOn"));
        api(post("/api/safety/deaths"), Role.ORG_MANAGER, SafetyFixture.deathJson(safety.homeDeceased.id(), "TB"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("safety.error.deathRecorded"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deaths").query(Long.class).single()).isEqualTo(deathsBefore);
        assertThat(clients.client(world.user(Role.ORG_MANAGER), safety.homeClient.id()).status())
                .isNotEqualTo(ClientStatus.DECEASED);
    }

    @Test
    void everyReadAndWriteIsAuditedWithTheClientsItNamed() throws Exception {
        ReachUser manager = world.user(Role.ORG_MANAGER);
        Client client = safety.homeClient;
        long before = audit.clientAccess(manager, client.id(), 0, 1).total();
        RecordedOverdose recorded = overdoses.record(world.user(Role.OUTREACH_WORKER),
                SafetyFixture.form(world.homeSite.id(), null, client.id(), SafetyFixture.hoursAgo(3)));
        overdoses.report(world.user(Role.ME_OFFICER), recorded.report().id());
        overdoses.list(manager, 0, 10);
        kits.ofClient(manager, client.id());
        List<AuditEvent> events = audit.clientAccess(manager, client.id(), 0, 50).events();
        assertThat(events.size() - before).isGreaterThanOrEqualTo(4);
        assertThat(events).anyMatch(e -> e.action() == AuditAction.CREATE && e.entityType().equals(Overdoses.ENTITY)
                && String.valueOf(recorded.report().id()).equals(e.entityId()));
        assertThat(events).anyMatch(e -> e.action() == AuditAction.READ && e.entityType().equals(Overdoses.ENTITY)
                && String.valueOf(recorded.report().id()).equals(e.entityId())
                && world.user(Role.ME_OFFICER).id() == e.actorId());
        assertThat(events).anyMatch(e -> e.action() == AuditAction.READ && e.entityType().equals("naloxone_kits"));
        assertThat(audit.clientAccess(manager, safety.homeDeceased.id(), 0, 50).events())
                .anyMatch(e -> e.action() == AuditAction.CREATE && e.entityType().equals(Deaths.ENTITY));
    }

    // ---- pages

    @Test
    void aPeerReportsOnThePhoneFormWithItsDefaultsAndErrorsStandBesideTheirFields() throws Exception {
        String form = page(get("/safety/overdoses/new"), Role.OUTREACH_WORKER).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).containsPattern("value=\"SURVIVED\"[^>]*checked").contains("src=\"/js/safety.js\"")
                .contains(SafetyFixture.HOTSPOT).doesNotContain(safety.foreignHotspot).doesNotContain("<script>");
        long before = reports();
        page(post("/safety/overdoses/new").param("uuid", UUID.randomUUID().toString())
                .param("occurredAt", SafetyFixture.hoursAgo(1).toString()).param("siteId", String.valueOf(world.homeSite.id()))
                .param("hotspot", SafetyFixture.HOTSPOT).param("naloxoneDoses", "1").param("naloxoneGivers", "PEER")
                .param("naloxoneFromKit", "true").param("outcome", "SURVIVED"), Role.OUTREACH_WORKER)
                .andExpect(redirectedUrlPattern("/safety/overdoses/new?saved=*"));
        assertThat(reports()).isEqualTo(before + 1);

        String refused = page(post("/safety/overdoses/new").param("uuid", UUID.randomUUID().toString())
                .param("occurredAt", SafetyFixture.hoursAgo(1).toString()).param("siteId", String.valueOf(world.homeSite.id()))
                .param("naloxoneDoses", "1.5").param("outcome", "SURVIVED"), Role.OUTREACH_WORKER)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"naloxoneDoses-error\"");
        String tooMany = page(post("/safety/overdoses/new").param("uuid", UUID.randomUUID().toString())
                .param("occurredAt", SafetyFixture.hoursAgo(-72).toString()).param("siteId", String.valueOf(world.homeSite.id()))
                .param("naloxoneDoses", "25").param("naloxoneGivers", "PEER").param("outcome", "SURVIVED")
                .param("notes", SCRIPT), Role.OUTREACH_WORKER)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooMany).contains("id=\"naloxoneDoses-error\"").contains("id=\"occurredAt-error\"")
                .contains("&lt;script&gt;").doesNotContain(SCRIPT);
        assertThat(reports()).isEqualTo(before + 1);
    }

    @Test
    void anOverdoseThatEndsInDeathLeadsToTheDeathAndTheClientIsDeceasedOnThatDay() throws Exception {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        Client client = ServicesFixture.register(clients, java.time.Clock.systemUTC(), world.user(Role.ORG_MANAGER), "LOLOM77", world.homeSite.id());
        String location = page(post("/safety/overdoses/new").param("uuid", UUID.randomUUID().toString())
                .param("occurredAt", SafetyFixture.hoursAgo(26).toString()).param("siteId", String.valueOf(world.homeSite.id()))
                .param("clientCode", client.uic()).param("naloxoneDoses", "3").param("naloxoneGivers", "PEER", "AMBULANCE")
                .param("outcome", "DIED"), Role.OUTREACH_WORKER)
                .andExpect(redirectedUrlPattern("/safety/deaths/new?report=*")).andReturn().getResponse().getRedirectedUrl();
        String form = page(get(location), Role.OUTREACH_WORKER).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("value=\"" + client.uic() + "\"").contains("value=\"OVERDOSE\" selected");
        long reportId = Long.parseLong(location.substring(location.indexOf('=') + 1));
        String deathPage = page(post("/safety/deaths/new").param("clientCode", client.uic())
                .param("diedOn", SafetyFixture.hoursAgo(26).toLocalDate().toString()).param("cause", "OVERDOSE")
                .param("source", "PEER").param("overdoseReportId", String.valueOf(reportId)).param("alone", "YES")
                .param("place", "Bridge " + SCRIPT).param("notes", SCRIPT), Role.OUTREACH_WORKER)
                .andExpect(redirectedUrlPattern("/safety/deaths/*?saved")).andReturn().getResponse().getRedirectedUrl();
        Client dead = clients.client(peer, client.id());
        assertThat(dead.status()).isEqualTo(ClientStatus.DECEASED);
        String shown = page(get(deathPage), Role.ME_OFFICER).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(shown).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("Bridge &lt;script&gt;")
                .doesNotContain(SCRIPT).contains(client.uic());

        // one death per client; correcting it moves the registry's date too
        Death death = deaths.ofClient(peer, dead).orElseThrow();
        assertThatThrownBy(() -> deaths.record(peer, new DeathForm(client.id(), null, SafetyFixture.today(), null, "TB",
                "FAMILY", null, null, null, null, null, null))).isInstanceOf(InvalidInput.class);
        deaths.correct(world.user(Role.ORG_MANAGER), death.id(), new DeathForm(null, client.uic(),
                SafetyFixture.today().minusDays(2), null, "OVERDOSE", "HOSPITAL", reportId, null, null, null, null, null));
        assertThat(jdbc.sql("SELECT explicit_status_date FROM clients WHERE id = ?").param(client.id())
                .query(java.sql.Date.class).single().toLocalDate()).isEqualTo(SafetyFixture.today().minusDays(2));
        assertThat(audit.clientAccess(world.user(Role.ORG_MANAGER), client.id(), 0, 50).events())
                .anyMatch(e -> e.action() == AuditAction.UPDATE && e.entityType().equals(Deaths.ENTITY));
        // nobody is followed up after a death
        assertThat(overdoses.awaitingFollowUp(peer)).noneMatch(r -> r.id() == reportId);
    }

    @Test
    void followUpWithinSeventyTwoHoursIsRecordedLaterOnTheReport() throws Exception {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        assertThat(overdoses.awaitingFollowUp(peer)).extracting(OverdoseReport::id).contains(safety.homeReport.id());
        page(get("/safety/follow-ups"), Role.OUTREACH_WORKER).andExpect(status().isOk())
                .andExpect(content().string(containsString("/safety/overdoses/" + safety.homeReport.id())));
        page(post("/safety/overdoses/{id}/follow-up", safety.homeReport.id()).param("date", SafetyFixture.today().plusDays(5)
                .toString()).param("result", "SEEN_WELL"), Role.OUTREACH_WORKER).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"date-error\"")));
        page(post("/safety/overdoses/{id}/follow-up", safety.homeReport.id()).param("date", SafetyFixture.today().toString())
                .param("result", "SEEN_WELL"), Role.OUTREACH_WORKER)
                .andExpect(redirectedUrlPattern("/safety/overdoses/*?followedUp"));
        assertThat(overdoses.awaitingFollowUp(peer)).extracting(OverdoseReport::id).doesNotContain(safety.homeReport.id());
        assertThat(overdoses.report(peer, safety.homeReport.id()).followUpResult()).isEqualTo(FollowUpResult.SEEN_WELL);
    }

    @Test
    void plantedMarkupIsShownAsTextOnEveryPageThatRendersIt() throws Exception {
        ReachUser system = ReachUser.system();
        org.reach.rar.Assessment assessment = rar.assessments(system).stream()
                .filter(a -> a.organisationId() == world.home.id()).findFirst().orElseThrow();
        String hotspot = "Graveyard " + SCRIPT;
        rar.createHotspot(system, assessment.id(), SafetyFixture.hotspot(hotspot));
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        for (int i = 0; i < 3; i++) {
            OverdoseForm form = SafetyFixture.form(world.homeSite.id(), hotspot, null, SafetyFixture.hoursAgo(2 + i));
            overdoses.record(peer, new OverdoseForm(form.uuid(), form.occurredAt(), form.siteId(), form.hotspot(), null,
                    null, null, null, null, "FEMALE", null, form.substances(), form.signs(), 1, form.naloxoneGivers(),
                    true, null, form.responses(), "SURVIVED", "Found at " + SCRIPT));
        }
        long id = overdoses.list(peer, 0, 1).reports().get(0).id();
        for (String path : List.of("/", "/safety", "/safety/overdoses", "/safety/follow-ups", "/safety/overdoses/" + id,
                "/safety/overdoses/new", "/safety/deaths/" + safety.homeDeath.id(), "/safety/clients/" + safety.homeClient.id())) {
            String html = page(get(path), Role.ORG_MANAGER).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(html).as(path).doesNotContain(SCRIPT);
        }
        String start = page(get("/"), Role.ORG_MANAGER).andReturn().getResponse().getContentAsString();
        assertThat(start).contains("overdose-cluster-").contains("Graveyard &lt;script&gt;");
        assertThat(page(get("/safety/overdoses/" + id), Role.ORG_MANAGER).andReturn().getResponse().getContentAsString())
                .contains("Found at &lt;script&gt;");
    }

    @Test
    void kitsGivenComeFromServicesAndKitsUsedFromReportsWithARefillPrompt() throws Exception {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        Client holder = safety.homeClient;
        encounters.record(peer, new EncounterForm(UUID.randomUUID().toString(), SafetyFixture.today(), world.homeSite.id(),
                null, holder.id(), null, false, List.of(ServiceLine.of("NALOXONE_KIT", 2)), null, null, null));
        assertThat(kits.ofClient(peer, holder.id())).isEqualTo(new KitBalance(holder.id(), holder.uic(), 2, 0));
        for (int i = 0; i < 2; i++) {
            OverdoseForm f = SafetyFixture.form(world.homeSite.id(), null, null, SafetyFixture.hoursAgo(10 + i));
            overdoses.record(peer, new OverdoseForm(f.uuid(), f.occurredAt(), f.siteId(), null, null, null, null, null,
                    null, null, null, List.of(), List.of(), 1, List.of("BYSTANDER"), true, holder.uic(), List.of(),
                    "SURVIVED", null));
        }
        KitBalance balance = kits.ofClient(peer, holder.id());
        assertThat(balance.used()).isEqualTo(2);
        assertThat(balance.refillDue()).isTrue();
        page(get("/safety/clients/{id}", holder.id()), Role.OUTREACH_WORKER).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"refill\"")));
        List<PeerKits> mine = kits.peers(peer);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).handedOut()).isEqualTo(2);
        assertThat(mine.get(0).usedInReports()).isEqualTo(3); // the fixture's report used the peer's own kit
        assertThat(mine.get(0).refillFor()).containsExactly(holder.uic());
        assertThat(kits.peers(world.user(Role.ORG_MANAGER))).extracting(PeerKits::peerId)
                .contains(peer.id(), world.homePeer2.id());
        // a kit owner is named only when a kit was used
        OverdoseForm f = SafetyFixture.form(world.homeSite.id(), null, null, SafetyFixture.hoursAgo(1));
        assertThatThrownBy(() -> overdoses.record(peer, new OverdoseForm(f.uuid(), f.occurredAt(), f.siteId(), null, null,
                null, null, null, null, null, null, List.of(), List.of(), 0, List.of(), false, holder.uic(), List.of(),
                "SURVIVED", null))).isInstanceOf(InvalidInput.class);
    }

    // ---- helpers

    private long reports() {
        return jdbc.sql("SELECT COUNT(*) FROM overdose_reports").query(Long.class).single();
    }

    private long reportsWith(String uuid) {
        return jdbc.sql("SELECT COUNT(*) FROM overdose_reports WHERE uuid = ? AND organisation_id = ?")
                .params(uuid, world.home.id()).query(Long.class).single();
    }

    private void expectProblem(String body, String field, String code) throws Exception {
        api(post("/api/safety/overdoses"), Role.OUTREACH_WORKER, body).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field=='" + field + "')].code").value(code));
    }

    private ResultActions api(MockHttpServletRequestBuilder request, Role role, String body) throws Exception {
        request.header("Authorization", "Bearer " + world.token(role)).header("Accept-Language", "en");
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private ResultActions page(MockHttpServletRequestBuilder request, Role role) throws Exception {
        return mvc.perform(request.with(user(world.user(role))).with(csrf()).header("Accept-Language", "en"));
    }

    private ResultActions page(String path, Role role) throws Exception {
        return page(get(path), role);
    }
}
