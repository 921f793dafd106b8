package org.reach.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.AccountForm;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.accounts.TokenRequest;
import org.reach.accounts.UserAccount;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who sees a violence report: the organisation's protection focal person reads it (and each read is in the audit
 * log with its client); the peer who recorded it learns its number only; a manager without the role, another
 * organisation's protection focal person and administrators get nothing. Bad input writes nothing; a repeated
 * uuid is recognised; text planted with markup renders as text; the crisis clock raises a start-page notice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ViolenceReportsTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired ViolenceReports reports;
    @Autowired JdbcClient jdbc;

    private ProgrammeFixture world;
    private ReachUser peer;
    private ReachUser officer;
    private ReachUser manager;
    private ReachUser foreignOfficer;
    private Client client;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        peer = world.user(Role.OUTREACH_WORKER);
        officer = world.user(Role.PROTECTION_OFFICER);
        manager = world.user(Role.ORG_MANAGER);
        UserAccount foreign = accounts.create(ReachUser.system(), new AccountForm("po." + world.marker.toLowerCase(),
                "Protection " + world.marker, world.foreign.id(), null, EnumSet.of(Role.PROTECTION_OFFICER),
                Set.of(world.foreignSite.id()), "sw")).account();
        foreignOfficer = signIn.reload(foreign.id()).orElseThrow();
        String code = randomCode();
        client = clients.register(peer, new ClientRegistration(null, code, Gender.FEMALE, 1994,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING, world.homeSite.id(), null,
                null, LocalDate.now(ZoneOffset.UTC).minusMonths(2), null, DuplicateDecision.REJECTED_DIFFERENT, null)).client();
    }

    static String randomCode() {
        java.util.Random random = new java.util.Random();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            code.append((char) ('A' + random.nextInt(26)));
        }
        return code.append('F').append(10 + random.nextInt(90)).toString();
    }

    private ViolenceReportForm form(String uuid, String clientCode, String description) {
        return new ViolenceReportForm(uuid, LocalDate.now(ZoneOffset.UTC).minusDays(1), world.homeSite.id(), "Graveyard",
                clientCode, clientCode == null ? Gender.MALE : null, clientCode == null ? AgeBand.FROM_25_TO_34 : null,
                Set.of(ViolenceType.ARBITRARY_ARREST, ViolenceType.EXTORTION), Set.of(Perpetrator.POLICE), true,
                Set.of(HelpKind.LEGAL_AID), description, null);
    }

    private long reportsOfHome() {
        return jdbc.sql("SELECT COUNT(*) FROM violence_reports WHERE organisation_id = ?").param(world.home.id())
                .query(Long.class).single();
    }

    private long reads(long reportId, Long clientId) {
        String sql = "SELECT COUNT(*) FROM audit_events e WHERE e.entity_type = 'violence_report' AND e.action = 'READ' "
                + "AND e.entity_id = ?" + (clientId == null ? ""
                : " AND EXISTS (SELECT 1 FROM audit_event_clients c WHERE c.event_id = e.id AND c.client_id = " + clientId + ")");
        return jdbc.sql(sql).param(String.valueOf(reportId)).query(Long.class).single();
    }

    @Test
    void theProtectionOfficerReadsWhatAPeerRecordedAndEveryReadIsAudited() throws Exception {
        String body = """
                {"uuid":"%s","occurredOn":"%s","siteId":%d,"hotspot":"Graveyard","clientCode":"%s",
                 "types":["ARBITRARY_ARREST","EXTORTION"],"perpetrators":["POLICE"],"wantsHelp":true,"help":["LEGAL_AID"],
                 "description":"Taken to the station, money demanded"}"""
                .formatted(UUID.randomUUID(), LocalDate.now(ZoneOffset.UTC).minusDays(1), world.homeSite.id(), client.uic());
        String receipt = mvc.perform(post("/api/rights/reports").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").isNumber())
                .andReturn().getResponse().getContentAsString();
        assertThat(receipt).as("the recorder learns the number and time only").doesNotContain("money", "Graveyard",
                "POLICE", client.uic());
        long id = ((Number) JsonPath.read(receipt, "$.number")).longValue();

        // the same uuid again: the same receipt, nothing new
        mvc.perform(post("/api/rights/reports").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value(id));
        // the same uuid with other content: a conflict, nothing new
        mvc.perform(post("/api/rights/reports").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("EXTORTION", "RAID")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("uuid"));
        assertThat(reportsOfHome()).isEqualTo(1);

        long before = reads(id, client.id());
        mvc.perform(get("/api/rights/reports/{id}", id).header("Authorization", "Bearer " + world.token(Role.PROTECTION_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("Taken to the station, money demanded"))
                .andExpect(jsonPath("$.clientId").value(client.id()));
        mvc.perform(get("/rights/reports/{id}", id).with(user(officer)).header("Accept-Language", "en"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/rights/reports").header("Authorization", "Bearer " + world.token(Role.PROTECTION_OFFICER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        assertThat(reads(id, client.id())).as("the API read and the page read, each with the client").isEqualTo(before + 2);
        long listReads = jdbc.sql("""
                        SELECT COUNT(*) FROM audit_events e JOIN audit_event_clients c ON c.event_id = e.id
                        WHERE e.entity_type = 'violence_report' AND e.action = 'READ' AND e.entity_id IS NULL AND c.client_id = ?""")
                .param(client.id()).query(Long.class).single();
        assertThat(listReads).as("the list read names the client on it").isEqualTo(1);

        // the reads appear in the organisation's audit log
        mvc.perform(get("/audit").param("entityType", "violence_report").with(user(manager)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("Violence report"));
    }

    @Test
    void thePeerWhoRecordedItTheManagerAndAdministratorsAreRefusedAndAnotherOrganisationFindsNothing() throws Exception {
        ViolenceReceipt receipt = reports.record(peer, form(UUID.randomUUID().toString(), null, "Beaten at the bridge"));
        long id = receipt.number();

        for (Role role : List.of(Role.OUTREACH_WORKER, Role.ORG_MANAGER, Role.SITE_MANAGER, Role.ME_OFFICER, Role.ADMIN,
                Role.COORDINATOR)) {
            mvc.perform(get("/api/rights/reports/{id}", id).header("Authorization", "Bearer " + world.token(role)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/rights/reports").header("Authorization", "Bearer " + world.token(role)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/rights/reports/{id}", id).with(user(world.user(role))))
                    .andExpect(status().isForbidden())
                    .andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain("Beaten"));
        }
        assertThatThrownBy(() -> reports.report(peer, id)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> reports.respond(manager, id, new ViolenceResponseForm(ResponseKind.LEGAL_AID, null, null, null)))
                .isInstanceOf(Forbidden.class);

        // another organisation's protection focal person: not found, and not in their list
        assertThatThrownBy(() -> reports.report(foreignOfficer, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> reports.respond(foreignOfficer, id, new ViolenceResponseForm(ResponseKind.LEGAL_AID, null,
                null, null))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> reports.close(foreignOfficer, id, new CaseClosing(CaseOutcome.SUPPORTED)))
                .isInstanceOf(NotFound.class);
        assertThat(reports.list(foreignOfficer, false, 0, 50).reports()).isEmpty();
        assertThat(reads(id, null)).as("no refused request was recorded as a read").isZero();
        // a foreign site or the client of another organisation cannot be named
        assertThatThrownBy(() -> reports.record(foreignOfficer, new ViolenceReportForm(UUID.randomUUID().toString(),
                LocalDate.now(ZoneOffset.UTC), world.homeSite.id(), null, client.uic(), null, null,
                Set.of(ViolenceType.RAID), Set.of(Perpetrator.POLICE), false, Set.of(), null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.problems())
                        .extracting(p -> p.field()).contains("siteId", "clientCode"));
    }

    @Test
    void anAdministratorCanNeverHoldTheRoleAndAManagerCanGiveIt() throws Exception {
        ReachUser system = ReachUser.system();
        String name = "adm" + UUID.randomUUID().toString().substring(0, 6);
        assertThatThrownBy(() -> accounts.create(system, new AccountForm(name, "Admin and protection", world.home.id(), null,
                EnumSet.of(Role.ADMIN, Role.PROTECTION_OFFICER), Set.of(), "en")))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.problems())
                        .extracting(p -> p.messageKey()).contains("account.error.adminWithClientRole"));
        assertThat(accounts.grantableRoles(manager)).contains(Role.PROTECTION_OFFICER);
        UserAccount named = accounts.create(manager, new AccountForm("po" + UUID.randomUUID().toString().substring(0, 6),
                "Named focal person", null, null, EnumSet.of(Role.PROTECTION_OFFICER, Role.OUTREACH_WORKER),
                Set.of(world.homeSite.id()), "en")).account();
        assertThat(named.roles()).contains(Role.PROTECTION_OFFICER);
        assertThat(named.organisationId()).isEqualTo(world.home.id());
        mvc.perform(get("/accounts/new").with(user(manager)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("Protection focal person"));
    }

    @Test
    void badInputIsRefusedFieldByFieldWithNothingWritten() throws Exception {
        long before = reportsOfHome();
        String json = """
                {"uuid":"not-a-uuid","occurredOn":"%s","siteId":%d,"hotspot":"%s","types":[],"perpetrators":[],
                 "wantsHelp":false,"help":["MEDICAL"],"description":"%s"}"""
                .formatted(LocalDate.now(ZoneOffset.UTC).plusDays(5), world.foreignSite.id(), "h".repeat(101), "d".repeat(501));
        String problem = mvc.perform(post("/api/rights/reports").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        List<String> fields = JsonPath.read(problem, "$.errors[*].field");
        assertThat(fields).contains("uuid", "occurredOn", "siteId", "hotspot", "types", "perpetrators", "help",
                "description", "gender", "ageBand");
        // an unknown code is refused, as is a type that does not exist
        mvc.perform(post("/api/rights/reports").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"uuid":"%s","occurredOn":"%s","siteId":%d,"clientCode":"NOSUCH99","types":["RAID"],
                         "perpetrators":["POLICE"],"wantsHelp":false}""".formatted(UUID.randomUUID(),
                                LocalDate.now(ZoneOffset.UTC), world.homeSite.id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("clientCode"));
        mvc.perform(post("/api/rights/reports").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"uuid":"%s","occurredOn":"%s","siteId":%d,"gender":"MALE","ageBand":"FROM_18_TO_24",
                         "types":["TORTURE"],"perpetrators":["POLICE"],"wantsHelp":false}""".formatted(UUID.randomUUID(),
                                LocalDate.now(ZoneOffset.UTC), world.homeSite.id())))
                .andExpect(status().isBadRequest());
        // the page shows the problems beside the fields
        mvc.perform(post("/rights/reports/new").with(user(peer)).with(csrf()).header("Accept-Language", "en")
                        .param("uuid", UUID.randomUUID().toString()).param("occurredOn", LocalDate.now(ZoneOffset.UTC).toString())
                        .param("siteId", String.valueOf(world.homeSite.id())))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("id=\"types-error\"", "id=\"perpetrators-error\"", "id=\"gender-error\"",
                                "id=\"wantsHelp-error\""));
        assertThat(reportsOfHome()).isEqualTo(before);

        long id = reports.record(peer, form(UUID.randomUUID().toString(), null, null)).number();
        mvc.perform(post("/api/rights/reports/{id}/responses", id).header("Authorization", "Bearer " + world.token(Role.PROTECTION_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"" + "n".repeat(501) + "\",\"givenAt\":\""
                                + Instant.now().plus(Duration.ofDays(2)) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(result -> assertThat(JsonPath.<List<String>>read(result.getResponse().getContentAsString(),
                        "$.errors[*].field")).contains("kind", "note", "givenAt"));
        assertThat(reports.report(officer, id).responses()).isEmpty();
        reports.close(officer, id, new CaseClosing(CaseOutcome.NO_HELP_WANTED));
        assertThatThrownBy(() -> reports.respond(officer, id, new ViolenceResponseForm(ResponseKind.OTHER, null, null, null)))
                .isInstanceOf(InvalidInput.class);
        assertThat(reports.report(officer, id).responses()).isEmpty();
    }

    @Test
    void markupPlantedInTheDescriptionAndTheResponseIsShownAsText() throws Exception {
        String planted = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        long id = reports.record(peer, form(UUID.randomUUID().toString(), null, planted)).number();
        mvc.perform(post("/rights/reports/{id}/responses", id).with(user(officer)).with(csrf())
                        .param("kind", "LEGAL_AID").param("givenBy", planted).param("note", planted))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/rights/reports/{id}", id).with(user(officer)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert", "<img src=x").contains("&lt;script&gt;alert(");
        String list = mvc.perform(get("/rights/reports").with(user(officer)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("<script>alert");
    }

    @Test
    void aReportWithoutAResponseAfter24HoursIsAnUrgentNoticeForTheProtectionOfficerOnly() throws Exception {
        Instant heard = Instant.now().minus(Duration.ofHours(30));
        ViolenceReportForm late = new ViolenceReportForm(UUID.randomUUID().toString(), LocalDate.now(ZoneOffset.UTC).minusDays(2),
                world.homeSite.id(), null, null, Gender.FEMALE, AgeBand.FROM_18_TO_24, Set.of(ViolenceType.SEXUAL),
                Set.of(Perpetrator.INTIMATE_PARTNER), true, Set.of(HelpKind.SAFE_SHELTER), null, heard);
        long id = reports.record(peer, late).number();
        reports.record(peer, form(UUID.randomUUID().toString(), null, null));
        assertThat(reports.waiting(officer)).isEqualTo(new WaitingReports(1, 1));
        assertThat(reports.report(officer, id).clock(Instant.now())).isEqualTo(CrisisClock.OVERDUE);

        String home = mvc.perform(get("/").with(user(officer)).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("id=\"notice-violence-overdue\"", "1 violence report has had no response",
                "id=\"notice-violence-due\"");
        for (Role role : List.of(Role.OUTREACH_WORKER, Role.ORG_MANAGER)) {
            assertThat(mvc.perform(get("/").with(user(world.user(role))).header("Accept-Language", "en"))
                    .andReturn().getResponse().getContentAsString()).doesNotContain("notice-violence");
        }

        ViolenceReport answered = reports.respond(officer, id, new ViolenceResponseForm(ResponseKind.SAFE_SHELTER, null,
                null, null));
        assertThat(answered.clock(Instant.now())).isEqualTo(CrisisClock.LATE);
        assertThat(reports.waiting(officer)).isEqualTo(new WaitingReports(0, 1));
        assertThat(mvc.perform(get("/").with(user(officer)).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString()).doesNotContain("notice-violence-overdue");
    }
}
