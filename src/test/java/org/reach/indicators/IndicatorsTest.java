package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatusChanges;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.Encounters;
import org.reach.services.Referrals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Every built-in indicator on the hand-built {@link IndicatorDataset}; expected values worked out by hand. */
@SpringBootTest
@AutoConfigureMockMvc
class IndicatorsTest {

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
    @Autowired IndicatorCache cache;

    private ProgrammeFixture world;
    private IndicatorDataset dataset;
    private ReachUser manager;
    private IndicatorScope home;
    private final Period q1 = Period.quarter(2026, 1);

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        dataset = new IndicatorDataset(world, clients, statusChanges, encounters, referrals, indicators,
                signIn.reload(world.foreignManager.id()).orElseThrow(), signIn.reload(world.foreignPeer.id()).orElseThrow());
        manager = world.user(Role.ORG_MANAGER);
        home = indicators.scope(manager, null, null, null);
    }

    private IndicatorTable exact(String code, Disaggregation d) {
        return indicators.table(manager, home, code, q1, d, true);
    }

    private Double value(String code) {
        return exact(code, Disaggregation.NONE).total().value();
    }

    private Map<String, String> numerators(IndicatorTable table) {
        return table.rows().stream().collect(Collectors.toMap(IndicatorRow::category, IndicatorRow::numerator));
    }

    @Test
    void needleAndSyringeIndicators() {
        // Needles in Q1: A 50+30+20, B 40, anonymous 100 = 240 (D's 10 are from 2025, the foreign 999 not ours).
        // Annualised over 90 days: 240 * 365 / 90 = 973.3 per year; per person who injects (estimate 10): 97.3, low.
        IndicatorTable needles = exact("NSP_NEEDLES_PER_PWID", Disaggregation.NONE);
        assertThat(needles.total().numerator()).isEqualTo("240");
        assertThat(needles.total().denominator()).isEqualTo("10");
        assertThat(needles.total().value()).isEqualTo(97.3);
        assertThat(needles.total().band()).isEqualTo(Band.LOW);
        // By site: S1 gets A's 100 and B's 40 = 140; S2 the anonymous 100.
        IndicatorTable bySite = exact("NSP_NEEDLES_PER_PWID", Disaggregation.SITE);
        assertThat(numerators(bySite)).containsEntry(String.valueOf(world.homeSite.id()), "140")
                .containsEntry(String.valueOf(world.homeOtherSite.id()), "100").hasSize(2);
        // People with needles: A and B = 2 of an estimated 10 = 20 %.
        assertThat(value("NSP_REACHED_ESTIMATE")).isEqualTo(20.0);
        // Of the people who inject reached in Q1 (A, B, E), A and B got needles: 2/3 = 66.7 %.
        assertThat(value("NSP_REACHED_CLIENTS")).isEqualTo(66.7);
        // Reached in Q1: A, B, C, E; only A came in January, February and March: 1/4 = 25 %.
        assertThat(value("REGULAR_ACCESS")).isEqualTo(25.0);
    }

    @Test
    void opioidAgonistTherapyIndicators() {
        // On 31 March only A is covered (30 days from 10 March); E's last dose ran out 16 February.
        // 1 per 50 opioid-dependent people = 2.0 per 100, low (< 20).
        IndicatorTable oat = exact("OAT_PER_100", Disaggregation.NONE);
        assertThat(oat.total().value()).isEqualTo(2.0);
        assertThat(oat.total().band()).isEqualTo(Band.LOW);
        // Cohort: first dose July–September 2025: E (1 Aug) and F (15 Aug). Six months on, E is covered on
        // 1 Feb 2026 (20 Jan + 28 days), F on 15 Feb is not: 1/2 = 50 %.
        IndicatorTable retained = exact("OAT_RETAINED_6M", Disaggregation.NONE);
        assertThat(retained.total().numerator()).isEqualTo("1");
        assertThat(retained.total().denominator()).isEqualTo("2");
        assertThat(retained.total().value()).isEqualTo(50.0);
        // Days covered in Q1: A 10-31 March = 22 (the rest of the 30 falls in April), E 20 January - 16 February
        // = 12 + 16 = 28 (E's August and F's doses ran out in 2025): 50 days of 2 people = 50 / 365.25 = 0.1.
        IndicatorTable personYears = exact("OAT_PERSON_YEARS", Disaggregation.NONE);
        assertThat(personYears.total().numerator()).isEqualTo("50");
        assertThat(personYears.total().denominator()).isEqualTo("2");
        assertThat(personYears.total().value()).isEqualTo(0.1);
        assertThat(numerators(exact("OAT_PERSON_YEARS", Disaggregation.SITE)))
                .containsEntry(String.valueOf(world.homeSite.id()), "22")
                .containsEntry(String.valueOf(world.homeOtherSite.id()), "28").hasSize(2);
    }

    @Test
    void artCoverageAndEveryTableFollowNewRecordsWithoutARecount() {
        // Known positive by 31 March: C (15 February); nobody has started ART: 0/1.
        IndicatorTable before = exact("ART_COVERAGE", Disaggregation.NONE);
        assertThat(before.total().numerator()).isEqualTo("0");
        assertThat(before.total().denominator()).isEqualTo("1");
        List<List<IndicatorTable>> warm = everyTable();

        ReachUser m = world.user(Role.ORG_MANAGER);
        long s1 = world.homeSite.id();
        // D tested positive in February 2025, C starts ART on 20 March, E tests positive only in April (too late),
        // and an anonymous contact at a hotspot gets 7 needles.
        record(m, "2025-02-01", s1, null, dataset.d, positiveTest());
        record(m, "2026-03-20", s1, null, dataset.c, org.reach.services.ServiceLine.of("ART_INITIATION", 1));
        record(m, "2026-04-05", s1, null, dataset.e, positiveTest());
        record(m, "2026-02-20", s1, "Lyari bridge", null, org.reach.services.ServiceLine.of("NEEDLES_SYRINGES", 7));

        // Now C and D are known positive and C is on ART: 1/2 = 50 %, medium (25-74).
        IndicatorTable after = exact("ART_COVERAGE", Disaggregation.NONE);
        assertThat(after.total().numerator()).isEqualTo("1");
        assertThat(after.total().denominator()).isEqualTo("2");
        assertThat(after.total().value()).isEqualTo(50.0);
        assertThat(after.total().band()).isEqualTo(Band.MEDIUM);
        assertThat(exact("NSP_NEEDLES_PER_PWID", Disaggregation.NONE).total().numerator()).isEqualTo("247");
        // D is referred to an ART clinic and the referral is completed on 25 March: 2/2 = 100 %, high.
        org.reach.services.Referral art = referrals.refer(m, new org.reach.services.ReferralForm(dataset.d.id(), null,
                org.reach.services.ProviderType.ART_CLINIC, "Civil Hospital", null, java.time.LocalDate.parse("2026-03-15")));
        referrals.accept(m, art.id(), new org.reach.services.ReferralStep(java.time.LocalDate.parse("2026-03-16"), null));
        referrals.complete(m, art.id(), new org.reach.services.ReferralStep(java.time.LocalDate.parse("2026-03-25"), null));
        IndicatorTable referred = exact("ART_COVERAGE", Disaggregation.NONE);
        assertThat(referred.total().numerator()).isEqualTo("2");
        assertThat(referred.total().value()).isEqualTo(100.0);
        assertThat(referred.total().band()).isEqualTo(Band.HIGH);
        // The hotspot breakdown puts the 7 at the hotspot and the rest where no hotspot was recorded.
        assertThat(numerators(exact("NSP_NEEDLES_PER_PWID", Disaggregation.HOTSPOT)))
                .containsEntry("Lyari bridge", "7").containsEntry("UNKNOWN", "240").hasSize(2);

        // A batch from an outreach phone: a needle exchange for A and an anonymous one, 5 and 3 needles.
        encounters.recordBatch(m, new org.reach.services.EncounterBatch(List.of(
                form("2026-03-28", s1, null, dataset.a, org.reach.services.ServiceLine.of("NEEDLES_SYRINGES", 5)),
                form("2026-03-28", s1, null, null, org.reach.services.ServiceLine.of("NEEDLES_SYRINGES", 3)))));
        assertThat(exact("NSP_NEEDLES_PER_PWID", Disaggregation.NONE).total().numerator()).isEqualTo("255");

        // What was brought up to date record by record equals a count from scratch, table for table.
        List<List<IndicatorTable>> updated = everyTable();
        assertThat(updated).isNotEqualTo(warm);
        cache.clear();
        assertThat(everyTable()).isEqualTo(updated);
    }

    @Test
    void organisationHotspotAndCityBreakdowns() {
        IndicatorTable byOrganisation = exact("ACTIVE_CLIENTS", Disaggregation.ORGANISATION);
        assertThat(byOrganisation.rows()).singleElement().satisfies(row -> {
            assertThat(row.category()).isEqualTo(String.valueOf(world.home.id()));
            assertThat(row.label()).isEqualTo(world.home.name());
            assertThat(row.numerator()).isEqualTo("4");
        });
        // No client was enrolled at a hotspot: all four active clients fall under "not recorded".
        assertThat(numerators(exact("ACTIVE_CLIENTS", Disaggregation.HOTSPOT))).containsExactly(Map.entry("UNKNOWN", "4"));
        // Both home sites are in Karachi: every needle of the quarter is a Karachi needle (the foreign city's 999
        // are not ours), and every active client a Karachi client.
        assertThat(numerators(exact("NSP_NEEDLES_PER_PWID", Disaggregation.CITY))).containsExactly(Map.entry("Karachi", "240"));
        assertThat(numerators(exact("ACTIVE_CLIENTS", Disaggregation.CITY))).containsExactly(Map.entry("Karachi", "4"));
    }

    @Test
    void suppressedFiguresOfAPartAreRefusedWhereTheWholeIsVisible() {
        // A coordinator sees the programme; the home organisation's suppressed tables beside it would give the
        // other organisations' small counts away by subtraction.
        ReachUser coordinator = world.user(Role.COORDINATOR);
        IndicatorScope one = indicators.scope(coordinator, world.home.id(), null, null);
        assertThatThrownBy(() -> indicators.tables(coordinator, one, q1, Disaggregation.SEX, false))
                .isInstanceOf(org.reach.platform.InvalidInput.class).hasMessageContaining("organisationId");
        assertThatThrownBy(() -> indicators.dataValueSet(coordinator, one, q1)).isInstanceOf(Forbidden.class);
        IndicatorScope programme = indicators.scope(coordinator, null, null, null);
        assertThat(indicators.table(coordinator, programme, "ACTIVE_CLIENTS", q1, Disaggregation.ORGANISATION, false)
                .rows()).extracting(IndicatorRow::label).contains(world.home.name());
        // Staff see one site exactly on their pages, but suppressed figures of a site or a custom range (exports,
        // the API) are refused: the breakdown by site and the calendar periods carry the same information safely.
        IndicatorScope site = indicators.scope(manager, null, null, world.homeSite.id());
        assertThat(indicators.table(manager, site, "ACTIVE_CLIENTS", q1, Disaggregation.NONE, true).total().numerator())
                .isEqualTo("2");
        assertThatThrownBy(() -> indicators.table(manager, site, "ACTIVE_CLIENTS", q1, Disaggregation.NONE, false))
                .isInstanceOf(org.reach.platform.InvalidInput.class).hasMessageContaining("siteId");
        Period custom = Period.parse("2026-01-01..2026-03-30");
        assertThatThrownBy(() -> indicators.trend(manager, home, "ACTIVE_CLIENTS", custom, false))
                .isInstanceOf(org.reach.platform.InvalidInput.class).hasMessageContaining("period");
        assertThat(indicators.trend(manager, home, "ACTIVE_CLIENTS", custom, true).points()).hasSize(3);
    }

    @Test
    void aBreakdownTheIndicatorDoesNotHaveIsSaidSoAndNeverOffered() throws Exception {
        String page = mvc.perform(get("/indicators").param("indicator", "NALOXONE_KITS").param("disaggregation", "SEX")
                        .param("period", "2026Q1").header("Accept-Language", "en").with(user(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"unsupported-breakdown\"", "cannot be broken down by");
        String select = page.substring(page.indexOf("id=\"disaggregation\""), page.indexOf("</select>",
                page.indexOf("id=\"disaggregation\"")));
        assertThat(select).as("only the breakdowns naloxone kits have").contains("value=\"SITE\"")
                .doesNotContain("value=\"SEX\"");
        mvc.perform(get("/api/indicators/values").param("indicator", "NALOXONE_KITS").param("period", "2026Q1")
                        .param("disaggregation", "SEX").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("disaggregation"));
    }

    private List<List<IndicatorTable>> everyTable() {
        List<List<IndicatorTable>> all = new java.util.ArrayList<>();
        for (Disaggregation d : Disaggregation.values()) {
            all.add(indicators.tables(manager, home, q1, d, true));
        }
        return all;
    }

    private static org.reach.services.ServiceLine positiveTest() {
        return new org.reach.services.ServiceLine("HIV_TEST", 1, org.reach.services.TestResult.POSITIVE, false);
    }

    private void record(ReachUser actor, String date, long site, String hotspot, org.reach.clients.Client client,
                        org.reach.services.ServiceLine... lines) {
        encounters.record(actor, form(date, site, hotspot, client, lines));
    }

    private static org.reach.services.EncounterForm form(String date, long site, String hotspot,
                                                         org.reach.clients.Client client,
                                                         org.reach.services.ServiceLine... lines) {
        return new org.reach.services.EncounterForm(java.util.UUID.randomUUID().toString(),
                java.time.LocalDate.parse(date), site, hotspot, client == null ? null : client.id(), null, client == null,
                List.of(lines), null, null, null);
    }

    @Test
    void hivIndicators() {
        // Tested in Q1: A (negative), B (not disclosed), C (positive); A and C know their result: 2/3 = 66.7 %, medium.
        IndicatorTable know = exact("HIV_KNOW_RESULT", Disaggregation.NONE);
        assertThat(know.total().value()).isEqualTo(66.7);
        assertThat(know.total().band()).isEqualTo(Band.MEDIUM);
        // By sex: men A and C both know (2/2 = 100 %), the one woman B does not (0/1 = 0 %).
        IndicatorTable bySex = exact("HIV_KNOW_RESULT", Disaggregation.SEX);
        Map<String, Double> values = bySex.rows().stream().collect(Collectors.toMap(IndicatorRow::category, IndicatorRow::value));
        assertThat(values).containsEntry("MALE", 100.0).containsEntry("FEMALE", 0.0).hasSize(2);
        // PrEP: B's first PrEP on 20 January, no positive test before: 1.
        assertThat(value("PREP_INITIATIONS")).isEqualTo(1.0);
    }

    @Test
    void reachAndPackageIndicators() {
        // Active on 31 March (encounter 1 Jan – 31 Mar, not exited): A, B, C, E = 4.
        assertThat(value("ACTIVE_CLIENTS")).isEqualTo(4.0);
        // Age on 2026: A 36 and E 31 are 25–49, B 22 is 20–24, C 56 is 50+.
        assertThat(numerators(exact("ACTIVE_CLIENTS", Disaggregation.AGE_BANDS)))
                .containsEntry("25_49", "2").containsEntry("20_24", "1").containsEntry("50_PLUS", "1").hasSize(3);
        // Package: A (PWID: needles, condoms, information) and C (non-injecting: condoms, information, HIV test)
        // got all of theirs; B had no condoms, E only methadone: 2/4 = 50 %.
        assertThat(value("PACKAGE_REACH")).isEqualTo(50.0);
        // Of the 4 reached, C smokes: 25 %.
        assertThat(value("NON_INJECTING_SHARE")).isEqualTo(25.0);
        // Women reached in Q1: B (D, a transgender woman, was not reached in Q1): 1.
        assertThat(value("WOMEN_REACHED")).isEqualTo(1.0);
    }

    @Test
    void beyondHivIndicators() {
        // Per 100 active clients (4): wound care A + anonymous = 2 -> 50; dental B = 1 -> 25; mental health C = 1 -> 25;
        // basic needs B's shower and food = 2 -> 50.
        assertThat(value("WOUND_CARE_PER_100")).isEqualTo(50.0);
        assertThat(value("DENTAL_CARE_PER_100")).isEqualTo(25.0);
        assertThat(value("MENTAL_HEALTH_PER_100")).isEqualTo(25.0);
        assertThat(value("BASIC_NEEDS_PER_100")).isEqualTo(50.0);
        // Naloxone: anonymous 2 + 3 = 5 (the foreign 99 are not ours).
        assertThat(value("NALOXONE_KITS")).isEqualTo(5.0);
        // Referrals made in Q1: A's (completed) and B's (accepted); C's was made in December: 1/2 = 50 %.
        assertThat(value("REFERRAL_COMPLETION")).isEqualTo(50.0);
        // Enrolled by 31 March and not exited: A, B, C, D, E (F exited 5 January) = 5. Lost (last contact before
        // 30 June 2025, nine months back): D, last seen 1 March 2025: 1/5 = 20 %.
        IndicatorTable lost = exact("LOSS_TO_FOLLOW_UP", Disaggregation.NONE);
        assertThat(lost.total().numerator()).isEqualTo("1");
        assertThat(lost.total().denominator()).isEqualTo("5");
        assertThat(lost.total().value()).isEqualTo(20.0);
        // Progressed in Q1: A to treatment on 10 March (E's change was in December): 1.
        assertThat(value("PROGRESSED")).isEqualTo(1.0);
    }

    @Test
    void everyBuiltInIndicatorIsComputed() {
        List<IndicatorTable> all = indicators.tables(manager, home, q1, Disaggregation.SEX, true);
        assertThat(all).extracting(t -> t.definition().code()).contains("NSP_NEEDLES_PER_PWID", "NSP_REACHED_ESTIMATE",
                "NSP_REACHED_CLIENTS", "REGULAR_ACCESS", "OAT_PER_100", "OAT_RETAINED_6M", "HIV_KNOW_RESULT",
                "PREP_INITIATIONS", "ACTIVE_CLIENTS", "PACKAGE_REACH", "WOUND_CARE_PER_100", "DENTAL_CARE_PER_100",
                "MENTAL_HEALTH_PER_100", "BASIC_NEEDS_PER_100", "NALOXONE_KITS", "REFERRAL_COMPLETION",
                "LOSS_TO_FOLLOW_UP", "PROGRESSED", "NON_INJECTING_SHARE", "WOMEN_REACHED", "OAT_PERSON_YEARS", "ART_COVERAGE");
        // The trend of needles by month: January 90, February 130, March 20; 31+28+31 days annualised per 10.
        Trend trend = indicators.trend(manager, home, "NSP_NEEDLES_PER_PWID", q1, true);
        assertThat(trend.points()).extracting(IndicatorRow::numerator).containsExactly("90", "130", "20");
    }

    @Test
    void smallCountsLeaveTheSystemSuppressed() throws Exception {
        // Without the exact view, the 4 active clients become "<5" and the value disappears.
        IndicatorTable active = indicators.table(manager, home, "ACTIVE_CLIENTS", q1, Disaggregation.NONE, false);
        assertThat(active.total().numerator()).isEqualTo("<5");
        assertThat(active.total().value()).isNull();
        // A coordinator never gets exact counts, even when asking for them.
        ReachUser coordinator = world.user(Role.COORDINATOR);
        IndicatorScope programme = indicators.scope(coordinator, null, null, null);
        assertThat(indicators.table(coordinator, programme, "NSP_NEEDLES_PER_PWID", q1, Disaggregation.SITE, true)
                .total().numerator()).isEqualTo("240");
        IndicatorTable bySex = indicators.table(coordinator, programme, "ACTIVE_CLIENTS", q1, Disaggregation.SEX, true);
        assertThat(bySex.rows()).allMatch(r -> r.numerator().equals("<5") || r.numerator().equals("*"));
        // The API: values are suppressed for everyone, including the organisation's own manager.
        mvc.perform(get("/api/indicators/values").param("indicator", "ACTIVE_CLIENTS").param("period", "2026Q1")
                        .param("disaggregation", "SEX").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.numerator").value("<5"))
                .andExpect(jsonPath("$.total.value").doesNotExist())
                .andExpect(jsonPath("$.rows[?(@.category=='MALE')].numerator").value("<5"))
                .andExpect(content().string(not(containsString("\"numerator\":\"3\""))));
        mvc.perform(get("/indicators/export.csv").param("indicator", "ACTIVE_CLIENTS").param("period", "2026Q1")
                        .with(user(manager)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<5")))
                .andExpect(content().string(not(containsString(",4,"))));
    }

    @Test
    void coordinatorsSeeTheirProgrammeOnlyAndForeignValuesNeverCount() {
        ReachUser coordinator = world.user(Role.COORDINATOR);
        IndicatorScope programme = indicators.scope(coordinator, null, world.homeProgramme.id(), null);
        assertThat(programme.organisationIds()).containsExactly(world.home.id());
        assertThat(indicators.table(coordinator, programme, "NALOXONE_KITS", q1, Disaggregation.NONE, false)
                .total().numerator()).isEqualTo("5");
        assertThatThrownBy(() -> indicators.scope(coordinator, null, world.foreignProgramme.id(), null))
                .isInstanceOfAny(NotFound.class, Forbidden.class);
        assertThatThrownBy(() -> indicators.scope(coordinator, world.foreign.id(), null, null))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> indicators.scope(manager, world.foreign.id(), null, null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> indicators.scope(manager, null, null, world.foreignSite.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> indicators.scope(world.user(Role.OUTREACH_WORKER), null, null, null))
                .isInstanceOf(Forbidden.class);
        // A site filter keeps only that site's encounters: S1 had naloxone 3.
        IndicatorScope s1 = indicators.scope(manager, null, null, world.homeSite.id());
        assertThat(indicators.table(manager, s1, "NALOXONE_KITS", q1, Disaggregation.NONE, true).total().numerator())
                .isEqualTo("3");
    }

    @Test
    void dhis2DataValueSetsFollowTheMappingAndThePayloadShape() throws Exception {
        String token = world.token(Role.ME_OFFICER);
        for (String body : List.of(
                "{\"indicatorCode\":\"NALOXONE_KITS\",\"dataElement\":\"deNaloxone1\",\"categoryOptionCombo\":\"HllvX50cXC0\",\"orgUnit\":\"ouKarachi01\"}",
                "{\"indicatorCode\":\"NSP_NEEDLES_PER_PWID\",\"disaggregation\":\"NONE\",\"category\":\"TOTAL\",\"dataElement\":\"deNeedles01\",\"categoryOptionCombo\":\"HllvX50cXC0\",\"orgUnit\":\"ouKarachi01\"}",
                "{\"indicatorCode\":\"ACTIVE_CLIENTS\",\"disaggregation\":\"SEX\",\"category\":\"male\",\"dataElement\":\"deActive001\",\"categoryOptionCombo\":\"cocMale0001\",\"orgUnit\":\"ouKarachi01\"}",
                "{\"indicatorCode\":\"ACTIVE_CLIENTS\",\"disaggregation\":\"CITY\",\"category\":\" Karachi \",\"dataElement\":\"deActive002\",\"categoryOptionCombo\":\"cocKarachi1\",\"orgUnit\":\"ouKarachi01\"}",
                "{\"indicatorCode\":\"ACTIVE_CLIENTS\",\"disaggregation\":\"CITY\",\"category\":\"Karachii\",\"dataElement\":\"deActive003\",\"categoryOptionCombo\":\"cocKarachi2\",\"orgUnit\":\"ouKarachi01\"}")) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/indicators/dhis2-mappings")
                            .header("Authorization", "Bearer " + token).contentType("application/json").content(body))
                    .andExpect(status().isCreated());
        }
        // A data element that is not a DHIS2 uid is refused.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/indicators/dhis2-mappings")
                        .header("Authorization", "Bearer " + token).contentType("application/json")
                        .content("{\"indicatorCode\":\"NALOXONE_KITS\",\"dataElement\":\"x\",\"categoryOptionCombo\":\"HllvX50cXC0\",\"orgUnit\":\"ouKarachi01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dataElement"));

        // A city is kept as written ("Karachi", not "KARACHI"), so its mapping finds the city's row.
        mvc.perform(get("/api/indicators/dhis2-mappings").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.dataElement=='deActive002')].category").value("Karachi"));
        // Quarter: naloxone 5, needles 97.3 per person per year; the 3 active men and the 4 active in Karachi are
        // withheld, never sent, and counted, and so is the misspelt city, which has no row.
        String quarter = mvc.perform(get("/api/indicators/dhis2").param("period", "2026Q1")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Reach-Withheld", "3"))
                .andExpect(jsonPath("$.dataValues.length()").value(2))
                .andExpect(jsonPath("$.dataValues[?(@.dataElement=='deNaloxone1')].value").value("5"))
                .andExpect(jsonPath("$.dataValues[?(@.dataElement=='deNeedles01')].value").value("97.3"))
                .andReturn().getResponse().getContentAsString();
        assertPayloadShape(quarter, "2026Q1");
        // Year and month formats: 2026 and 202603 (March: naloxone 3 is small, so withheld).
        if (indicators.today().getYear() > 2026) {
            assertPayloadShape(mvc.perform(get("/api/indicators/dhis2").param("period", "2026")
                    .header("Authorization", "Bearer " + token)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(), "2026");
        } else {
            // A year that has not ended is not sent to DHIS2: its values would change after they were reported.
            mvc.perform(get("/api/indicators/dhis2").param("period", "2026").header("Authorization", "Bearer " + token))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"));
        }
        mvc.perform(get("/api/indicators/dhis2").param("period", "2026-03").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dataValues[?(@.dataElement=='deNaloxone1')]").isEmpty())
                .andExpect(jsonPath("$.dataValues[0].period").value("202603"));
        // Custom ranges have no DHIS2 period.
        mvc.perform(get("/api/indicators/dhis2").param("period", "2026-01-01..2026-01-31")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"));
    }

    /** The DHIS2 dataValueSets shape: an object whose only member is dataValues, each with the five string fields. */
    private static void assertPayloadShape(String json, String period) {
        Object parsed = com.jayway.jsonpath.JsonPath.parse(json).json();
        assertThat(parsed).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) parsed).keySet().stream().map(String::valueOf).toList()).containsExactly("dataValues");
        List<Map<String, Object>> values = com.jayway.jsonpath.JsonPath.read(json, "$.dataValues");
        assertThat(values).isNotEmpty();
        for (Map<String, Object> v : values) {
            assertThat(v.keySet()).containsExactlyInAnyOrder("dataElement", "period", "orgUnit", "categoryOptionCombo", "value");
            assertThat(v.values()).allMatch(x -> x instanceof String && !((String) x).isBlank());
            assertThat(v.get("period")).isEqualTo(period);
            assertThat((String) v.get("dataElement")).matches("[A-Za-z][A-Za-z0-9]{10}");
            assertThat((String) v.get("orgUnit")).matches("[A-Za-z][A-Za-z0-9]{10}");
            assertThat((String) v.get("categoryOptionCombo")).matches("[A-Za-z][A-Za-z0-9]{10}");
        }
    }

    @Test
    void theDonorReportIsAPdfWithTheSuppressedSummary() throws Exception {
        byte[] pdf = mvc.perform(get("/indicators/report.pdf").param("period", "2026Q1").header("Accept-Language", "en")
                        .with(user(world.user(Role.COORDINATOR))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        assertThat(text.toString()).contains("Indicator report", world.homeProgramme.name(), "2026Q1",
                "Naloxone kits distributed", "97.3", "Low coverage", "<5");
        assertThat(text.toString()).doesNotContain(world.marker);
    }

    @Test
    void anMAndEOfficerEntersASizeEstimateOnThePage() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/indicators/estimates")
                        .param("population", "PEOPLE_WHO_INJECT_DRUGS").param("area", "Korangi").param("year", "2026")
                        .param("estimate", "10").with(user(world.user(Role.ME_OFFICER)))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        // Lyari 10 + Korangi 10 = 20 people who inject: A and B reached with needles are 2/20 = 10 %.
        assertThat(value("NSP_REACHED_ESTIMATE")).isEqualTo(10.0);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/indicators/estimates")
                        .param("population", "PEOPLE_WHO_INJECT_DRUGS").param("area", "Korangi").param("year", "2026")
                        .param("estimate", "0").with(user(world.user(Role.ME_OFFICER)))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("class=\"error\"")));
        mvc.perform(get("/indicators/estimates").with(user(world.user(Role.COORDINATOR))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Korangi")))
                .andExpect(content().string(not(containsString("<form class=\"stacked card\""))));
    }
}
