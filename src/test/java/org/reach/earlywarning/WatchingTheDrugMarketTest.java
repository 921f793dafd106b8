package org.reach.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
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
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Navigation;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.platform.StartPageNotice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Peers report drugs through the API and the phone page; a fentanyl cluster raises an alert with its evidence for
 * the managers, who acknowledge it, run their contingency plan and print the warning flyer. Bad input writes
 * nothing, another organisation sees nothing, and planted markup stays text.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WatchingTheDrugMarketTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired EarlyWarning earlyWarning;
    @Autowired DrugReportFacts facts;
    @Autowired Navigation navigation;
    @Autowired JdbcClient jdbc;

    private ProgrammeFixture world;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private long heroin;
    private long meth;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        heroin = substance("Heroin");
        meth = substance("Methamphetamine (ice)");
    }

    private long substance(String name) {
        return earlyWarning.substances().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void aPeerReportsOnceEvenWhenThePhoneSendsTwice() throws Exception {
        String uuid = UUID.randomUUID().toString();
        String body = report(uuid, today, world.homeSite.id(), heroin, "[]", "250.50", "35");
        api(post("/api/earlywarning/reports"), Role.OUTREACH_WORKER, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(true))
                .andExpect(jsonPath("$.report.pricePerUnit").value(250.5))
                .andExpect(jsonPath("$.report.city").value("Karachi"));
        api(post("/api/earlywarning/reports"), Role.OUTREACH_WORKER, body).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(false));
        assertThat(reportsOfHome()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE entity_type = 'drug_report' AND organisation_id = ?")
                .param(world.home.id()).query(Integer.class).single()).isEqualTo(1);

        // the same uuid with another price: refused naming the field, the stored report stands
        api(post("/api/earlywarning/reports"), Role.OUTREACH_WORKER,
                report(uuid, today, world.homeSite.id(), heroin, "[]", "260", "35"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:reach:problem:conflict"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("pricePerUnit")));
        // the page sent again after its form was changed says so, and stores nothing
        mvc.perform(post("/earlywarning/reports/new").with(user(world.user(Role.OUTREACH_WORKER))).with(csrf())
                        .header("Accept-Language", "en").param("uuid", uuid).param("reportedOn", today.toString())
                        .param("siteId", String.valueOf(world.homeSite.id())).param("soldAsId", String.valueOf(heroin))
                        .param("form", "CRYSTAL").param("route", "INJECTING").param("source", "PEER")
                        .param("pricePerUnit", "250.50").param("purity", "35"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("already stored with other content")));
        assertThat(reportsOfHome()).isEqualTo(1);
    }

    @Test
    void badPricesPuritiesDatesAndCodesAreRefusedFieldByFieldWithNothingWritten() throws Exception {
        String[][] cases = {
                {"-1", "50", today.toString(), "POWDER", "pricePerUnit"},
                {"1000000.01", "50", today.toString(), "POWDER", "pricePerUnit"},
                {"10.005", "50", today.toString(), "POWDER", "pricePerUnit"},
                {"10", "100.5", today.toString(), "POWDER", "purity"},
                {"10", "-3", today.toString(), "POWDER", "purity"},
                {"10", "33.33", today.toString(), "POWDER", "purity"},
                {"10", "50", today.plusDays(1).toString(), "POWDER", "reportedOn"},
                {"10", "50", today.toString(), "GAS", "form"},
        };
        for (String[] c : cases) {
            String body = """
                    {"uuid":"%s","reportedOn":"%s","siteId":%d,"soldAsId":%d,"form":"%s","pricePerUnit":%s,
                     "purity":%s,"route":"SMOKING","source":"PEER","adulterants":[]}"""
                    .formatted(UUID.randomUUID(), c[2], world.homeSite.id(), heroin, c[3], c[0], c[1]);
            api(post("/api/earlywarning/reports"), Role.OUTREACH_WORKER, body).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field", hasItem(c[4])));
        }
        // every problem at once, named by field
        String all = """
                {"uuid":"not-a-uuid","reportedOn":"%s","siteId":%d,"soldAsId":999999,"form":"","pricePerUnit":-5,
                 "purity":200,"route":"FLYING","source":"PEER","adulterants":["CHALK"]}"""
                .formatted(today.plusDays(3), world.foreignSite.id());
        api(post("/api/earlywarning/reports"), Role.OUTREACH_WORKER, all).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("uuid", "reportedOn", "siteId",
                        "soldAsId", "form", "route", "adulterants", "pricePerUnit", "purity")));
        // a fractional price sent as text is not taken either
        api(post("/api/earlywarning/reports"), Role.OUTREACH_WORKER, report(UUID.randomUUID().toString(), today,
                world.homeSite.id(), heroin, "[]", "\"12\"", "10")).andExpect(status().isBadRequest());
        // the page puts the message next to the field
        mvc.perform(post("/earlywarning/reports/new").with(user(world.user(Role.OUTREACH_WORKER))).with(csrf())
                        .header("Accept-Language", "en")
                        .param("uuid", UUID.randomUUID().toString()).param("reportedOn", today.plusDays(2).toString())
                        .param("siteId", String.valueOf(world.homeSite.id())).param("soldAsId", String.valueOf(heroin))
                        .param("form", "POWDER").param("route", "SMOKING").param("source", "PEER")
                        .param("pricePerUnit", "-20").param("purity", "140"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"pricePerUnit-error\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"purity-error\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The date cannot be in the future.")));
        assertThat(reportsOfHome()).isZero();
    }

    @Test
    void anotherOrganisationNeitherSeesNorUsesTheReportsAndAlerts() throws Exception {
        history(8);
        fentanylThisWeek(2);
        long reportId = earlyWarning.reports(world.user(Role.ORG_MANAGER), null, null).get(0).id();
        long alertId = fentanylAlert().id();
        String foreign = "Bearer " + world.foreignManagerToken();
        for (String path : List.of("/api/earlywarning/reports/" + reportId, "/api/earlywarning/alerts/" + alertId)) {
            mvc.perform(get(path).header("Authorization", foreign)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/api/earlywarning/alerts/{id}/close", alertId).header("Authorization", foreign)
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"not yours\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/earlywarning/alerts").header("Authorization", foreign)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/earlywarning/reports").header("Authorization", foreign)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        // a home site is not a foreign manager's site
        mvc.perform(post("/api/earlywarning/reports").header("Authorization", foreign)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report(UUID.randomUUID().toString(), today, world.homeSite.id(), heroin, "[]", "1", "1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("siteId"));
        assertThat(earlyWarning.alerts(world.user(Role.ORG_MANAGER), false)).extracting(Alert::id).contains(alertId);
    }

    @Test
    void aFentanylClusterBecomesAnAlertThatManagersActOn() throws Exception {
        history(12);
        fentanylThisWeek(3);
        Alert alert = fentanylAlert();
        assertThat(alert.observed()).isEqualTo(3);
        assertThat(alert.city()).isEqualTo("Karachi");
        // a history without fentanyl: C1 and C2 alarm on any case; C3 divides 0 by a zero deviation and, as R, says NA
        assertThat(alert.detectors()).containsExactly("C1", "C2");
        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(alert.evidence().observed()).endsWith(3);
        assertThat(earlyWarning.alertReports(world.user(Role.ORG_MANAGER), alert.id())).hasSize(3);

        // managers are told on the start page, peers are not
        List<StartPageNotice> notices = navigation.notices(world.user(Role.ORG_MANAGER));
        assertThat(notices).extracting(StartPageNotice::id).contains("notice-drug-alert-" + alert.id());
        assertThat(notices.stream().filter(n -> n.id().equals("notice-drug-alert-" + alert.id())).findFirst()
                .orElseThrow().urgent()).isTrue();
        assertThat(navigation.notices(world.user(Role.OUTREACH_WORKER))).extracting(StartPageNotice::id)
                .doesNotContain("notice-drug-alert-" + alert.id());

        // the evidence chart is data in an attribute, read by charts.js
        mvc.perform(get("/earlywarning/alerts/{id}", alert.id()).with(user(world.user(Role.ORG_MANAGER)))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-chart-kind=\"threshold\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("&quot;observed&quot;")));

        // a peer may not act on it
        api(post("/api/earlywarning/alerts/" + alert.id() + "/acknowledge"), Role.OUTREACH_WORKER, "{}")
                .andExpect(status().isForbidden());
        // the plan written in advance, started and ticked off
        mvc.perform(post("/earlywarning/plans").with(user(world.user(Role.ORG_MANAGER))).with(csrf())
                        .param("series", "adulterant.FENTANYL").param("title", "Fentanyl response")
                        .param("items", "Naloxone push to the affected hotspots | outreach lead | 1\n"
                                + "Notify the health authority | manager | 0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/earlywarning/alerts/{id}/plan", alert.id()).with(user(world.user(Role.SITE_MANAGER)))
                .with(csrf())).andExpect(status().is3xxRedirection());
        List<PlanStep> steps = earlyWarning.steps(world.user(Role.ORG_MANAGER), alert.id());
        assertThat(steps).extracting(PlanStep::who).containsExactly("outreach lead", "manager");
        assertThat(steps.get(0).dueOn()).isEqualTo(earlyWarning.today().plusDays(1));
        mvc.perform(post("/earlywarning/alerts/{id}/steps/{step}", alert.id(), steps.get(1).id())
                .with(user(world.user(Role.ORG_MANAGER))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(earlyWarning.steps(world.user(Role.ORG_MANAGER), alert.id())).extracting(PlanStep::done)
                .containsExactly(false, true);

        api(post("/api/earlywarning/alerts/" + alert.id() + "/acknowledge"), Role.ORG_MANAGER,
                "{\"note\":\"naloxone out\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
        assertThat(navigation.notices(world.user(Role.ORG_MANAGER))).extracting(StartPageNotice::id)
                .doesNotContain("notice-drug-alert-" + alert.id());
        api(post("/api/earlywarning/alerts/" + alert.id() + "/close"), Role.ORG_MANAGER, "{\"note\":\"\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        api(post("/api/earlywarning/alerts/" + alert.id() + "/close"), Role.SITE_MANAGER,
                "{\"note\":\"cluster over\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));

        // the flyer, in Urdu
        byte[] pdf = mvc.perform(get("/earlywarning/alerts/{id}/flyer.pdf", alert.id())
                        .with(user(world.user(Role.OUTREACH_WORKER))).header("Accept-Language", "ur"))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void plantedMarkupInSubstancesAndNotesStaysText() throws Exception {
        String planted = "<script>alert(1)</script>";
        mvc.perform(post("/api/earlywarning/substances").header("Authorization", "Bearer " + world.token(Role.COORDINATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Pink " + planted + "\"}"))
                .andExpect(status().isCreated());
        long pink = substance("Pink " + planted);
        history(8);
        String body = """
                {"uuid":"%s","reportedOn":"%s","siteId":%d,"soldAsId":%d,"foundId":%d,"form":"PILL","route":"SWALLOWING",
                 "source":"DRUG_CHECKING","adulterants":["FENTANYL"],"effect":"OTHER","effectNote":"%s"}"""
                .formatted(UUID.randomUUID(), today, world.homeSite.id(), heroin, pink, planted.replace("/", "\\/"));
        api(post("/api/earlywarning/reports"), Role.OUTREACH_WORKER, body).andExpect(status().isCreated());
        Alert alert = fentanylAlert();
        for (String path : List.of("/earlywarning", "/earlywarning/alerts/" + alert.id(), "/earlywarning/substances",
                "/earlywarning/reports/new")) {
            String html = mvc.perform(get(path).with(user(world.user(Role.ORG_MANAGER))).header("Accept-Language", "en"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(path).doesNotContain(planted).contains("&lt;script&gt;");
        }
    }

    @Test
    void onlyCoordinatorsExtendTheSubstanceList() throws Exception {
        api(post("/api/earlywarning/substances"), Role.ORG_MANAGER, "{\"name\":\"Tapentadol\"}")
                .andExpect(status().isForbidden());
        api(post("/api/earlywarning/substances"), Role.COORDINATOR, "{\"name\":\"heroin\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        api(post("/api/earlywarning/substances"), Role.COORDINATOR, "{\"name\":\"" + "x".repeat(81) + "\"}")
                .andExpect(status().isBadRequest());
        mvc.perform(get("/earlywarning").with(user(world.user(Role.COORDINATOR)))).andExpect(status().isForbidden());
    }

    @Test
    void weeklySeriesAndTheIndicatorEngineCountTheReports() throws Exception {
        history(4);
        fentanylThisWeek(2);
        api(get("/api/earlywarning/series").param("name", "adulterant.FENTANYL").param("city", "Karachi")
                .param("weeks", "8"), Role.ME_OFFICER, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.length()").value(8))
                .andExpect(jsonPath("$.counts[7]").value(2))
                .andExpect(jsonPath("$.counts[6]").value(0));
        List<FactRow> rows = facts.load(FactQuery.everything(List.of(world.home.id()), null, today.minusYears(1), today));
        assertThat(rows.stream().mapToLong(r -> r.values()[0]).sum()).isEqualTo(4 + 2);
        assertThat(rows.stream().mapToLong(r -> r.values()[1]).sum()).isEqualTo(2);
        assertThat(rows).allMatch(r -> r.clientId() == null && r.siteId() != null);
        List<BigDecimal> prices = earlyWarning.weeklyMedianPrice(world.user(Role.ORG_MANAGER), heroin, "Karachi",
                EarlyWarning.weekOf(today), 1);
        assertThat(prices.get(0)).isEqualByComparingTo("250.00");
    }

    // helpers

    /** One methamphetamine report a week for the weeks before this one: the series has a history of no fentanyl. */
    private void history(int weeks) {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        for (int w = weeks; w >= 1; w--) {
            earlyWarning.record(peer, new DrugReportForm(UUID.randomUUID().toString(), EarlyWarning.weekOf(today)
                    .minusWeeks(w).plusDays(2), world.homeSite.id(), null, meth, null, "CRYSTAL",
                    new BigDecimal("800"), null, List.of(), "SMOKING", "PEER", null, null));
        }
    }

    private void fentanylThisWeek(int reports) {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        for (int i = 0; i < reports; i++) {
            earlyWarning.record(peer, new DrugReportForm(UUID.randomUUID().toString(), today, world.homeSite.id(), null,
                    heroin, null, "POWDER", new BigDecimal(200 + 100 * i), null, List.of("FENTANYL"), "INJECTING",
                    "DRUG_CHECKING", "OVERDOSE", null));
        }
    }

    private Alert fentanylAlert() {
        return earlyWarning.alerts(world.user(Role.ORG_MANAGER), true).stream()
                .filter(a -> a.series().equals("adulterant.FENTANYL")).findFirst().orElseThrow();
    }

    private int reportsOfHome() {
        return jdbc.sql("SELECT COUNT(*) FROM ew_drug_reports WHERE organisation_id = ?").param(world.home.id())
                .query(Integer.class).single();
    }

    private String report(String uuid, LocalDate on, long site, long soldAs, String adulterants, String price,
                          String purity) {
        return """
                {"uuid":"%s","reportedOn":"%s","siteId":%d,"soldAsId":%d,"form":"POWDER","pricePerUnit":%s,"purity":%s,
                 "route":"INJECTING","source":"PEER","adulterants":%s}""".formatted(uuid, on, site, soldAs, price, purity,
                adulterants);
    }

    private ResultActions api(MockHttpServletRequestBuilder request, Role role, String body) throws Exception {
        request = request.header("Authorization", "Bearer " + world.token(role)).header("Accept-Language", "en");
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }
}
