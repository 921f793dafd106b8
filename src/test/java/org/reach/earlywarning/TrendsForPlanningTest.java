package org.reach.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.earlywarning.trends.CommodityForecast;
import org.reach.indicators.IndicatorQuery;
import org.reach.indicators.Period;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.ServiceLine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Trends for planning through the API, the page and the CSV: shares of new clients by primary drug and route as the
 * indicator engine counts and suppresses them, price quartiles per quarter with thin quarters hidden, and next
 * quarter's needle and syringe needs forecast from the months given out, with its intervals.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrendsForPlanningTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired Encounters encounters;
    @Autowired EarlyWarning earlyWarning;
    @Autowired JdbcClient jdbc;

    private ProgrammeFixture world;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private Period last;
    private Period before;
    private int codes;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        last = IndicatorQuery.lastCompleteQuarter(today);
        before = IndicatorQuery.lastCompleteQuarter(last.start());
    }

    @Test
    void sharesOfNewClientsByDrugAndRouteComeFromTheEngineSuppressedJointly() throws Exception {
        newClients(before.start().plusDays(3), Drug.HEROIN, Route.INJECTING, 12);
        newClients(before.start().plusDays(4), Drug.METHAMPHETAMINE, Route.SMOKING, 6);
        newClients(before.start().plusDays(5), Drug.CANNABIS, Route.SMOKING, 2);
        newClients(last.start().plusDays(3), Drug.HEROIN, Route.INJECTING, 8);
        newClients(last.start().plusDays(4), Drug.METHAMPHETAMINE, Route.SMOKING, 12);
        // registered before the quarters shown: not new in them
        newClients(before.start().minusDays(20), Drug.HEROIN, Route.INJECTING, 5);

        mvc.perform(get("/api/earlywarning/trends").param("quarters", "2").header("Authorization", manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quarters[0]").value(before.code()))
                .andExpect(jsonPath("$.quarters[1]").value(last.code()))
                .andExpect(jsonPath("$.byDrug.totals[0]").value("20"))
                .andExpect(jsonPath("$.byDrug.totals[1]").value("20"))
                // the last quarter: 8 of 20 heroin, 12 of 20 methamphetamine
                .andExpect(jsonPath("$.byDrug.rows[?(@.category == 'HEROIN')].percents[1]").value(40.0))
                .andExpect(jsonPath("$.byDrug.rows[?(@.category == 'METHAMPHETAMINE')].percents[1]").value(60.0))
                .andExpect(jsonPath("$.byRoute.rows[?(@.category == 'SMOKING')].percents[1]").value(60.0))
                .andExpect(jsonPath("$.byRoute.rows[?(@.category == 'INJECTING')].counts[1]").value("8"))
                // the quarter before: two cannabis smokers are a small cell, hidden with its share, and one more
                // cell is hidden with it so that the total does not give the two away
                .andExpect(jsonPath("$.byDrug.rows[?(@.category == 'CANNABIS')].counts[0]").value("<5"))
                .andExpect(jsonPath("$.byDrug.rows[?(@.category == 'CANNABIS')].percents[0]").value(hasItem(nullValue())));
        String json = mvc.perform(get("/api/earlywarning/trends").param("quarters", "2").header("Authorization", manager()))
                .andReturn().getResponse().getContentAsString();
        tools.jackson.databind.JsonNode rows = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json)
                .path("byDrug").path("rows");
        long hiddenBefore = 0;
        for (tools.jackson.databind.JsonNode row : rows) {
            if (row.path("percents").get(0).isNull()) {
                hiddenBefore++;
            }
        }
        assertThat(hiddenBefore).as("the small cell and its complement").isGreaterThanOrEqualTo(2);

        // a peer sees no figures of the programme; bad numbers of quarters are named
        mvc.perform(get("/api/earlywarning/trends").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER)))
                .andExpect(status().isForbidden());
        for (String bad : List.of("0", "13", "many")) {
            mvc.perform(get("/api/earlywarning/trends").param("quarters", bad).header("Authorization", manager()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().string(containsString("quarters")));
        }
    }

    @Test
    void pricesShowQuartilesPerQuarterAndHideQuartersWithFewerThanFiveReports() throws Exception {
        long heroin = earlyWarning.substances().stream().filter(s -> s.name().equals("Heroin")).findFirst()
                .orElseThrow().id();
        for (int price : new int[] {500, 100, 300, 200, 400}) {
            priced(heroin, last.start().plusDays(6), price);
        }
        for (int price : new int[] {100, 150, 200, 250}) {
            priced(heroin, before.start().plusDays(6), price);
        }
        mvc.perform(get("/api/earlywarning/trends").param("quarters", "2").header("Authorization", manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.prices[0].substance").value("Heroin"))
                .andExpect(jsonPath("$.prices[0].quarters[0].median").value(nullValue()))
                .andExpect(jsonPath("$.prices[0].quarters[1].lowerQuartile").value(200.0))
                .andExpect(jsonPath("$.prices[0].quarters[1].median").value(300.0))
                .andExpect(jsonPath("$.prices[0].quarters[1].upperQuartile").value(400.0));
        // quartiles between order statistics, as R's quantile(type = 7)
        PlanningTrends.PriceQuarter q = PlanningTrends.quartiles("x", List.of(new BigDecimal("10"),
                new BigDecimal("20"), new BigDecimal("40"), new BigDecimal("80"), new BigDecimal("160"),
                new BigDecimal("320")));
        assertThat(q.lowerQuartile()).isEqualByComparingTo("25.00");
        assertThat(q.median()).isEqualByComparingTo("60.00");
        assertThat(q.upperQuartile()).isEqualByComparingTo("140.00");
    }

    @Test
    void nextQuarterNeedsAreForecastFromTheMonthsGivenOutWithTheirIntervals() throws Exception {
        YearMonth current = YearMonth.from(today);
        double[] history = new double[PlanningTrends.HISTORY_MONTHS];
        Arrays.fill(history, Double.NaN); // before the first needles: unknown
        for (int k = 12; k >= 1; k--) {
            int quantity = (int) Math.round(100 * Math.pow(1.08, 12 - k));
            YearMonth month = current.minusMonths(k);
            encounters.record(world.user(Role.OUTREACH_WORKER), new EncounterForm(UUID.randomUUID().toString(),
                    month.atDay(15), world.homeSite.id(), null, null, null, true,
                    List.of(ServiceLine.of("NEEDLES_SYRINGES", quantity)), null, null, null));
            history[PlanningTrends.HISTORY_MONTHS - k] = quantity;
        }
        YearMonth first = current.minusMonths(PlanningTrends.HISTORY_MONTHS);
        LocalDate nextStart = IndicatorQuery.currentQuarter(today).end().plusDays(1);
        int[] ahead = new int[3];
        for (int i = 0; i < 3; i++) {
            ahead[i] = (int) ChronoUnit.MONTHS.between(first, YearMonth.from(nextStart).plusMonths(i));
        }
        CommodityForecast.Result expected = CommodityForecast.forecast(history, first.getMonthValue(), ahead)
                .orElseThrow();

        mvc.perform(get("/api/earlywarning/trends").param("quarters", "1").header("Authorization", manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commodities[0].code").value("EW_SYRINGES_GIVEN"))
                .andExpect(jsonPath("$.commodities[0].quantities[23]").value((int) history[23]))
                .andExpect(jsonPath("$.commodities[0].monthsUsed").value(12))
                .andExpect(jsonPath("$.commodities[0].expected").value(Math.round(expected.expected())))
                .andExpect(jsonPath("$.commodities[0].lower80").value((long) Math.floor(expected.lower80())))
                .andExpect(jsonPath("$.commodities[0].upper80").value((long) Math.ceil(expected.upper80())))
                .andExpect(jsonPath("$.commodities[0].lower95").value((long) Math.floor(expected.lower95())))
                .andExpect(jsonPath("$.commodities[0].upper95").value((long) Math.ceil(expected.upper95())))
                .andExpect(jsonPath("$.commodities[0].monthlyTrendPercent").value(8.0))
                // nothing of foil and pipes was given out: no forecast rather than a forecast of nothing
                .andExpect(jsonPath("$.commodities[2].code").value("EW_FOIL_PIPES_GIVEN"))
                .andExpect(jsonPath("$.commodities[2].expected").value(nullValue()));
        // 8 % more each month: the quarter ahead needs more than three times the last month
        assertThat(expected.lower80()).isGreaterThan(3 * history[23]);
    }

    @Test
    void thePageDrawsTheChartsFromAttributesAndTheCsvIsAnAuditedExport() throws Exception {
        newClients(last.start().plusDays(3), Drug.HEROIN, Route.INJECTING, 6);
        newClients(last.start().plusDays(3), Drug.METHAMPHETAMINE, Route.SMOKING, 6);
        String planted = "<img src=x onerror=alert(1)>";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/earlywarning/substances")
                        .header("Authorization", "Bearer " + world.token(Role.COORDINATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Pink " + planted + "\"}"))
                .andExpect(status().isCreated());
        long pink = earlyWarning.substances().stream().filter(s -> s.name().equals("Pink " + planted)).findFirst()
                .orElseThrow().id();
        for (int i = 0; i < 5; i++) {
            priced(pink, last.start().plusDays(8), 50 + i);
        }
        for (Role role : List.of(Role.ORG_MANAGER, Role.COORDINATOR)) {
            String html = mvc.perform(get("/earlywarning/trends").with(user(world.user(role)))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("data-chart-kind=\"shares\"", "data-chart-kind=\"prices\"",
                    "data-chart-kind=\"forecast\"", "id=\"trends-csv\"").doesNotContain("<script>");
            assertThat(html).as(role.name()).contains("Pink &lt;img").doesNotContain(planted);
        }
        String csv = mvc.perform(get("/earlywarning/trends.csv").param("quarters", "1")
                        .with(user(world.user(Role.ORG_MANAGER))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("New clients by primary drug,Heroin," + last.code() + ",6,50.0")
                .contains("Price per unit,Pink " + planted + "," + last.code() + ",,52.00,51.00,53.00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE organisation_id = ? AND action = 'EXPORT'"
                        + " AND detail LIKE 'csv trends for planning%'").param(world.home.id()).query(Integer.class)
                .single()).isEqualTo(1);
    }

    // helpers

    private String manager() {
        return "Bearer " + world.token(Role.ORG_MANAGER);
    }

    private void newClients(LocalDate firstContact, Drug drug, Route route, int n) {
        ReachUser manager = world.user(Role.ORG_MANAGER);
        for (int i = 0; i < n; i++) {
            int c = codes++;
            String code = "T" + (char) ('A' + c % 26) + (char) ('A' + (c / 26) % 26) + "RM" + (10 + c % 90);
            clients.register(manager, new ClientRegistration(null, code, Gender.MALE, 1990,
                    Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), drug, null, route, world.homeSite.id(), null, null,
                    firstContact, null, DuplicateDecision.REJECTED_DIFFERENT, null));
        }
    }

    private void priced(long substance, LocalDate on, int price) {
        earlyWarning.record(world.user(Role.OUTREACH_WORKER), new DrugReportForm(UUID.randomUUID().toString(), on,
                world.homeSite.id(), null, substance, null, "POWDER", new BigDecimal(price), null, List.of(), "SMOKING",
                "PEER", null, null));
    }
}
