package org.reach.infections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientHistory;
import org.reach.clients.ClientRegistry;
import org.reach.clients.TimelineEntry;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Forbidden;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
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
 * Recording infection records through the API and the client's panel: stored once whatever how often sent, every
 * bad input named with nothing written, the order of treatment steps kept, another organisation's clients and
 * records out of reach, every read and write audited with the client, and typed text shown as text.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RecordingInfectionsTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired Infections infections;
    @Autowired List<ClientHistory> histories;
    @Autowired JdbcClient jdbc;

    private ProgrammeFixture world;
    private Client client;
    private Client foreignClient;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        client = ServicesFixture.register(clients, java.time.Clock.systemUTC(), world.user(Role.ORG_MANAGER), "HCHCM80", world.homeSite.id());
        foreignClient = ServicesFixture.register(clients, java.time.Clock.systemUTC(), signIn.reload(world.foreignManager.id()).orElseThrow(),
                "HCHCM80", world.foreignSite.id());
    }

    private ResultActions api(MockHttpServletRequestBuilder request, Role role) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + world.token(role)).header("Accept-Language", "en"));
    }

    private ResultActions send(Role role, String json) throws Exception {
        return api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/infections/records")
                .contentType(MediaType.APPLICATION_JSON).content(json), role);
    }

    private static String json(String uuid, long clientId, String kind, LocalDate date, String more) {
        return "{\"uuid\":\"" + uuid + "\",\"clientId\":" + clientId + ",\"kind\":\"" + kind + "\",\"date\":\"" + date
                + "\"" + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM infection_records WHERE organisation_id = :org")
                .param("org", world.home.id()).query(Long.class).single();
    }

    private long auditedWithClient(long clientId, String action) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM audit_events e JOIN audit_event_clients c ON c.event_id = e.id
                WHERE e.entity_type = 'infection_record' AND e.action = :action AND c.client_id = :client""")
                .param("action", action).param("client", clientId).query(Long.class).single();
    }

    @Test
    void aRecordIsStoredOnceWhateverHowOftenItIsSentAndAConflictingRepeatIsRefused() throws Exception {
        String uuid = UUID.randomUUID().toString();
        String body = json(uuid, client.id(), "HCV_ANTIBODY_TEST", today.minusDays(3), "\"result\":\"positive\"");
        send(Role.OUTREACH_WORKER, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(true))
                .andExpect(jsonPath("$.record.result").value("POSITIVE"))
                .andExpect(jsonPath("$.record.siteId").value(world.homeSite.id()));
        send(Role.OUTREACH_WORKER, body).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(false));
        assertThat(stored()).isEqualTo(1);
        send(Role.OUTREACH_WORKER, json(uuid, client.id(), "HCV_ANTIBODY_TEST", today.minusDays(3),
                "\"result\":\"NEGATIVE\"")).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("uuid"));
        assertThat(stored()).isEqualTo(1);
        assertThat(auditedWithClient(client.id(), "CREATE")).isEqualTo(1);
    }

    @Test
    void everyBadInputIsNamedAndNothingIsWritten() throws Exception {
        send(Role.OUTREACH_WORKER, "{\"uuid\":\"not-a-uuid\",\"clientId\":" + client.id()
                + ",\"kind\":\"WOUND_ASSESSMENT\",\"date\":\"" + today.plusDays(1) + "\",\"result\":\"TERRIBLE\","
                + "\"detail\":\"ARM\",\"treatment\":\"DRAINED\",\"viralLoad\":5,\"followUpOn\":\"" + today.minusDays(3)
                + "\",\"notes\":\"" + "x".repeat(501) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItems("uuid", "date", "result", "antibiotics", "viralLoad",
                        "followUpOn", "notes")));
        // answers a kind does not take are refused, not quietly dropped
        send(Role.OUTREACH_WORKER, json(UUID.randomUUID().toString(), client.id(), "TB_TREATMENT_START", today,
                "\"result\":\"POSITIVE\",\"detail\":\"ARM\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("result", "detail")));
        // a viral load only with a detected result, whole, positive and not absurd
        for (String load : List.of("-5", "0", "2.5", "99999999999", "\"many\"")) {
            send(Role.OUTREACH_WORKER, json(UUID.randomUUID().toString(), client.id(), "HCV_RNA_TEST", today,
                    "\"result\":\"DETECTED\",\"viralLoad\":" + load)).andExpect(status().isBadRequest());
        }
        send(Role.OUTREACH_WORKER, "{\"uuid\":\"" + UUID.randomUUID() + "\",\"clientCode\":\"NOSUCH99\","
                + "\"kind\":\"TB_SCREENING\",\"date\":\"" + today + "\",\"result\":\"NEGATIVE\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("clientCode"));
        send(Role.OUTREACH_WORKER, "{\"uuid\":\"" + UUID.randomUUID() + "\",\"clientId\":" + client.id()
                + ",\"kind\":\"NO_SUCH_KIND\",\"date\":\"" + today + "\"}").andExpect(status().isBadRequest());
        assertThat(stored()).isZero();
    }

    @Test
    void treatmentStepsFollowEachOther() throws Exception {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        LocalDate start = today.minusWeeks(30);
        // completion, SVR12 and a TB outcome without what comes before them are refused
        send(Role.OUTREACH_WORKER, json(UUID.randomUUID().toString(), client.id(), "HCV_TREATMENT_COMPLETION",
                start.plusWeeks(12), "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("infection.error.completionBeforeStart"));
        send(Role.OUTREACH_WORKER, json(UUID.randomUUID().toString(), client.id(), "HCV_SVR12", today,
                "\"result\":\"CURED\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("infection.error.svrWithoutTreatment"));
        send(Role.OUTREACH_WORKER, json(UUID.randomUUID().toString(), client.id(), "TB_TREATMENT_OUTCOME", today,
                "\"result\":\"CURED\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("infection.error.outcomeBeforeStart"));

        infections.record(peer, form("HCV_TREATMENT_START", start, null, "SOFOSBUVIR_DACLATASVIR"));
        // a completion before the start is refused too
        assertThatThrownBy(() -> infections.record(peer, form("HCV_TREATMENT_COMPLETION", start.minusDays(1), null,
                null))).isInstanceOf(org.reach.platform.InvalidInput.class);
        infections.record(peer, form("HCV_TREATMENT_COMPLETION", start.plusWeeks(12), null, null));
        // SVR12 only twelve weeks after completion
        send(Role.OUTREACH_WORKER, json(UUID.randomUUID().toString(), client.id(), "HCV_SVR12",
                start.plusWeeks(12).plusWeeks(11), "\"result\":\"CURED\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("infection.error.svrTooEarly"));
        send(Role.OUTREACH_WORKER, json(UUID.randomUUID().toString(), client.id(), "HCV_SVR12",
                start.plusWeeks(24), "\"result\":\"CURED\"")).andExpect(status().isCreated());
        assertThat(stored()).isEqualTo(3);
    }

    private InfectionForm form(String kind, LocalDate date, String result, String detail) {
        return new InfectionForm(UUID.randomUUID().toString(), client.id(), null, InfectionKind.valueOf(kind), date,
                result, detail, null, null, null, null, null);
    }

    @Test
    void anotherOrganisationsClientsAndRecordsAreOutOfReach() throws Exception {
        send(Role.ORG_MANAGER, json(UUID.randomUUID().toString(), foreignClient.id(), "TB_SCREENING", today,
                "\"result\":\"NEGATIVE\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clientId"));
        send(Role.ORG_MANAGER, "{\"uuid\":\"" + UUID.randomUUID() + "\",\"clientCode\":\"" + foreignClient.uic()
                + "\",\"kind\":\"TB_SCREENING\",\"date\":\"" + today + "\",\"result\":\"NEGATIVE\"}")
                .andExpect(status().isCreated()); // the same code in the home organisation is the home client
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        InfectionRecord foreign = infections.record(foreignManager, new InfectionForm(UUID.randomUUID().toString(),
                foreignClient.id(), null, InfectionKind.TB_SCREENING, today, "POSITIVE", null, null, null, null, null,
                "Notes " + world.marker)).record();
        assertThat(foreign.clientId()).isEqualTo(foreignClient.id());
        api(get("/api/infections/records/{id}", foreign.id()), Role.ORG_MANAGER).andExpect(status().isNotFound());
        api(get("/api/infections/records").param("client", String.valueOf(foreignClient.id())), Role.ORG_MANAGER)
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        api(get("/api/infections/records"), Role.ORG_MANAGER).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(world.marker))))
                .andExpect(jsonPath("$.records[*].clientId", not(hasItem((int) foreignClient.id()))));
        mvc.perform(get("/infections/clients/{id}", foreignClient.id()).with(user(world.user(Role.ORG_MANAGER))))
                .andExpect(status().isNotFound());
    }

    @Test
    void whoMayRecordAndWhoMayRead() throws Exception {
        String body = json(UUID.randomUUID().toString(), client.id(), "HBSAG_TEST", today, "\"result\":\"NEGATIVE\"");
        send(Role.ME_OFFICER, body).andExpect(status().isForbidden());
        send(Role.COORDINATOR, body).andExpect(status().isForbidden());
        send(Role.ADMIN, body).andExpect(status().isForbidden());
        send(Role.SITE_MANAGER, body).andExpect(status().isCreated());
        api(get("/api/infections/records"), Role.ME_OFFICER).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
        api(get("/api/infections/records"), Role.COORDINATOR).andExpect(status().isForbidden());
        api(get("/api/infections/records"), Role.ADMIN).andExpect(status().isForbidden());
        assertThatThrownBy(() -> infections.ofClient(world.user(Role.COORDINATOR), client.id()))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void thePanelRecordsShowsProblemsBesideTheFieldAndKeepsTypedTextAsText() throws Exception {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        String planted = "<script>alert('x')</script>";
        mvc.perform(post("/infections/clients/{id}", client.id()).with(user(peer)).with(csrf())
                        .header("Accept-Language", "en")
                        .param("uuid", UUID.randomUUID().toString()).param("kind", "WOUND_ASSESSMENT")
                        .param("date", today.toString()).param("result", "SEVERE").param("detail", "GROIN")
                        .param("treatment", "").param("antibiotics", "REFERRED").param("notes", planted))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"treatment-error\"")))
                .andExpect(content().string(not(containsString(planted))));
        assertThat(stored()).isZero();

        String uuid = UUID.randomUUID().toString();
        mvc.perform(post("/infections/clients/{id}", client.id()).with(user(peer)).with(csrf())
                        .param("uuid", uuid).param("kind", "WOUND_ASSESSMENT").param("date", today.toString())
                        .param("result", "SEVERE").param("detail", "GROIN").param("treatment", "DRAINED")
                        .param("antibiotics", "REFERRED").param("followUpOn", today.plusDays(3).toString())
                        .param("notes", planted))
                .andExpect(redirectedUrl("/infections/clients/" + client.id() + "?saved"));
        assertThat(stored()).isEqualTo(1);
        long readsBefore = auditedWithClient(client.id(), "READ");
        mvc.perform(get("/infections/clients/{id}", client.id()).with(user(world.user(Role.ME_OFFICER)))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Severe (spreading infection or signs of sepsis)")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString(planted))))
                .andExpect(content().string(not(containsString("id=\"infection-form\""))));
        assertThat(auditedWithClient(client.id(), "READ")).isGreaterThan(readsBefore);

        // on the client's page: a link to the panel, and the record on the timeline
        mvc.perform(get("/clients/{id}", client.id()).with(user(peer)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/infections/clients/" + client.id())));
        List<TimelineEntry> timeline = histories.stream()
                .flatMap(h -> h.timeline(peer, clients.client(peer, client.id())).stream())
                .filter(e -> e.kind().equals("infection")).toList();
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).arguments()).containsExactly("Wound or abscess assessment",
                "Severe (spreading infection or signs of sepsis)");
    }
}
