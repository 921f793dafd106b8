package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditFilter;
import org.reach.audit.AuditTrail;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatusChanges;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.Encounters;
import org.reach.services.Referrals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes the DHIS2 payload to a local stand-in for DHIS2 that records what it receives and answers with an
 * import summary in DHIS2's own shape: the dry run goes first, carries basic auth, and nothing suppressed is sent.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PushingToDhis2Test {

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer DHIS2 = fakeDhis2();

    record Received(String path, String query, String authorization, String body) {
    }

    @DynamicPropertySource
    static void dhis2(DynamicPropertyRegistry registry) {
        registry.add("reach.dhis2.url", () -> "http://127.0.0.1:" + DHIS2.getAddress().getPort() + "/");
        registry.add("reach.dhis2.username", () -> "reach-push");
        registry.add("reach.dhis2.password", () -> "district-secret");
    }

    @AfterAll
    static void stop() {
        DHIS2.stop(0);
    }

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
    @Autowired AuditTrail audit;

    private ProgrammeFixture world;

    @BeforeEach
    void buildWorld() throws Exception {
        RECEIVED.clear();
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        new IndicatorDataset(world, clients, statusChanges, encounters, referrals, indicators,
                signIn.reload(world.foreignManager.id()).orElseThrow(), signIn.reload(world.foreignPeer.id()).orElseThrow());
        String token = world.token(Role.ME_OFFICER);
        for (String body : List.of(
                "{\"indicatorCode\":\"NALOXONE_KITS\",\"dataElement\":\"deNaloxone1\",\"categoryOptionCombo\":\"HllvX50cXC0\",\"orgUnit\":\"ouKarachi01\"}",
                "{\"indicatorCode\":\"ACTIVE_CLIENTS\",\"disaggregation\":\"SEX\",\"category\":\"male\",\"dataElement\":\"deActive001\",\"categoryOptionCombo\":\"cocMale0001\",\"orgUnit\":\"ouKarachi01\"}")) {
            mvc.perform(post("/api/indicators/dhis2-mappings").header("Authorization", "Bearer " + token)
                    .contentType("application/json").content(body)).andExpect(status().isCreated());
        }
    }

    @Test
    void aDryRunShowsDhis2sSummaryThenTheRealPushSendsTheSameValues() throws Exception {
        String token = world.token(Role.ME_OFFICER);
        mvc.perform(post("/api/indicators/dhis2/push").param("period", "2026Q1").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.status").value("SUCCESS"))
                .andExpect(jsonPath("$.sent").value(1))
                .andExpect(jsonPath("$.withheld").value(1))
                .andExpect(jsonPath("$.leftOut[0].dataElement").value("deActive001"))
                .andExpect(jsonPath("$.leftOut[0].reason").value("SUPPRESSED"))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.conflicts[0]").value("deNaloxone1: period locked"));

        assertThat(RECEIVED).hasSize(1);
        Received dryRun = RECEIVED.get(0);
        assertThat(dryRun.path()).isEqualTo("/api/dataValueSets");
        assertThat(dryRun.query()).contains("dryRun=true");
        assertThat(dryRun.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("reach-push:district-secret".getBytes(StandardCharsets.UTF_8)));
        JsonNode payload = JsonMapper.builder().build().readTree(dryRun.body());
        // Naloxone kits in Q1: 5 (shown); the 3 active men are a small number and never leave the system.
        assertThat(payload.get("dataValues")).hasSize(1);
        JsonNode value = payload.get("dataValues").get(0);
        assertThat(value.get("dataElement").asText()).isEqualTo("deNaloxone1");
        assertThat(value.get("period").asText()).isEqualTo("2026Q1");
        assertThat(value.get("orgUnit").asText()).isEqualTo("ouKarachi01");
        assertThat(value.get("categoryOptionCombo").asText()).isEqualTo("HllvX50cXC0");
        assertThat(value.get("value").asText()).isEqualTo("5");
        assertThat(dryRun.body()).doesNotContain("deActive001");

        mvc.perform(post("/api/indicators/dhis2/push").param("period", "2026Q1").param("dryRun", "false")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dryRun").value(false));
        assertThat(RECEIVED).hasSize(2);
        assertThat(RECEIVED.get(1).query()).contains("dryRun=false");
        assertThat(RECEIVED.get(1).body()).isEqualTo(dryRun.body());
        assertThat(audit.search(ReachUser.system(), new AuditFilter(null, null, null, AuditAction.EXPORT, "dhis2", null, world.home.id()), 0, 10)
                .events()).hasSize(2).allMatch(e -> e.action() == AuditAction.EXPORT);
    }

    @Test
    void theDashboardOffersOnlyADryRunAndItsPageOffersTheRealPush() throws Exception {
        ReachUser me = world.user(Role.ME_OFFICER);
        String dashboard = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/indicators")
                        .param("period", "2026Q1").with(user(me))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(dashboard).contains("id=\"dhis2-dry-run\"").doesNotContain("id=\"dhis2-send\"");
        String result = mvc.perform(post("/indicators/dhis2").param("period", "2026Q1").param("dryRun", "true")
                        .with(user(me)).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(result).contains("id=\"dhis2-summary\"").contains("id=\"dhis2-send\"").contains("SUCCESS")
                .as("the dry run lists the mapped value it will not send, and why")
                .contains("id=\"dhis2-left-out\"", "data-reason=\"SUPPRESSED\"", "deActive001");
        assertThat(RECEIVED).hasSize(1).allMatch(r -> r.query().contains("dryRun=true"));
    }

    @Test
    void peopleWhoMayNotPushAreRefusedAndNothingIsSent() throws Exception {
        for (Role role : List.of(Role.OUTREACH_WORKER, Role.COORDINATOR, Role.SITE_MANAGER)) {
            int code = mvc.perform(post("/api/indicators/dhis2/push").param("period", "2026Q1")
                    .param("organisationId", String.valueOf(world.home.id()))
                    .header("Authorization", "Bearer " + world.token(role))).andReturn().getResponse().getStatus();
            assertThat(code).as(role.name()).isIn(403, 404);
        }
        assertThat(RECEIVED).isEmpty();
    }

    private static HttpServer fakeDhis2() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/dataValueSets", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                RECEIVED.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
                byte[] answer = """
                        {"httpStatus":"OK","httpStatusCode":200,"status":"OK","response":{"responseType":"ImportSummary",
                         "status":"SUCCESS","importCount":{"imported":1,"updated":0,"ignored":0,"deleted":0},
                         "conflicts":[{"object":"deNaloxone1","value":"period locked"}]}}
                        """.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
