package org.reach.infections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.IndicatorRow;
import org.reach.indicators.IndicatorScope;
import org.reach.indicators.Indicators;
import org.reach.indicators.Period;
import org.reach.indicators.SmallCellSuppression;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The HCV and TB cascades counted through the indicators facade on constructed people with known answers; the
 * cascade page and its CSV from the suppressed tables, small steps hidden and never drawn; and an attack that
 * subtracts neighbouring steps of what the page shows.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CascadesCountThroughTheIndicatorsTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired Infections infections;
    @Autowired Indicators indicators;
    @Autowired Cascades cascades;

    private ProgrammeFixture world;
    private ReachUser peer;
    private final Random random = new Random();
    /** Last year, complete whatever today is: suppressed tables are refused for a period to date. */
    private final Period year = Period.year(LocalDate.now(ZoneOffset.UTC).getYear() - 1);
    private final LocalDate jan = year.start();

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        peer = world.user(Role.OUTREACH_WORKER);
    }

    private Client person() {
        String code = "" + letter() + letter() + letter() + letter() + "M" + (10 + random.nextInt(90));
        return clients.register(world.user(Role.ORG_MANAGER), new ClientRegistration(null, code, Gender.MALE, 1988,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING, world.homeSite.id(),
                null, null, jan.minusMonths(6), null, DuplicateDecision.REJECTED_DIFFERENT, null)).client();
    }

    private char letter() {
        return (char) ('A' + random.nextInt(26));
    }

    private void record(Client client, InfectionKind kind, LocalDate date, String result, String detail) {
        infections.record(peer, new InfectionForm(UUID.randomUUID().toString(), client.id(), null, kind, date, result,
                detail, null, null, null, null, null));
    }

    /** One person along the HCV cascade as far as {@code steps} (1 tested negative ... 5 cured). */
    private void hcv(int steps) {
        Client c = person();
        LocalDate tested = jan.plusDays(10 + random.nextInt(20));
        record(c, InfectionKind.HCV_ANTIBODY_TEST, tested, steps >= 2 ? "POSITIVE" : "NEGATIVE", null);
        if (steps >= 2) {
            record(c, InfectionKind.HCV_RNA_TEST, tested.plusDays(10), steps >= 3 ? "DETECTED" : "NOT_DETECTED", null);
        }
        if (steps >= 4) {
            LocalDate start = tested.plusDays(30);
            record(c, InfectionKind.HCV_TREATMENT_START, start, null, "SOFOSBUVIR_DACLATASVIR");
            if (steps >= 5) {
                record(c, InfectionKind.HCV_TREATMENT_COMPLETION, start.plusWeeks(12), null, null);
                record(c, InfectionKind.HCV_SVR12, start.plusWeeks(25), "CURED", null);
            }
        }
    }

    /** The HCV case: 12 tested, 7 antibody positive, 5 viraemic, 4 treated, 3 cured, and people who count nowhere. */
    private void hcvCase() {
        for (int i = 0; i < 5; i++) {
            hcv(1);
        }
        hcv(2);
        hcv(2);
        hcv(3);
        hcv(4);
        for (int i = 0; i < 3; i++) {
            hcv(5);
        }
        // an invalid test is no test, and RNA without an antibody result starts no cascade
        record(person(), InfectionKind.HCV_ANTIBODY_TEST, jan.plusDays(40), "INVALID", null);
        record(person(), InfectionKind.HCV_RNA_TEST, jan.plusDays(40), "DETECTED", null);
        // tested the year before the period only: not in this period's cascade
        record(person(), InfectionKind.HCV_ANTIBODY_TEST, jan.minusDays(20), "POSITIVE", null);
    }

    private IndicatorRow total(String code, boolean exact) {
        IndicatorScope scope = indicators.scope(world.user(Role.ORG_MANAGER), world.home.id(), null, null);
        return indicators.table(world.user(Role.ORG_MANAGER), scope, code, year, Disaggregation.NONE, exact).total();
    }

    @Test
    void theHcvCascadeCountsPeopleAtEveryStepTheyReached() {
        hcvCase();
        assertThat(total("HCV_TESTED", true).numerator()).isEqualTo("12");
        assertThat(total("HCV_AB_POSITIVE", true)).extracting(IndicatorRow::numerator, IndicatorRow::denominator)
                .containsExactly("7", "12");
        assertThat(total("HCV_CONFIRMED", true)).extracting(IndicatorRow::numerator, IndicatorRow::denominator)
                .containsExactly("5", "7");
        assertThat(total("HCV_TREATED", true)).extracting(IndicatorRow::numerator, IndicatorRow::denominator)
                .containsExactly("4", "5");
        IndicatorRow cured = total("HCV_CURED", true);
        assertThat(cured).extracting(IndicatorRow::numerator, IndicatorRow::denominator).containsExactly("3", "4");
        assertThat(cured.value()).isEqualTo(75.0);
        // suppressed, as everyone outside the organisation sees them: 1 to 4 hidden
        assertThat(total("HCV_TREATED", false).numerator()).isEqualTo(SmallCellSuppression.SMALL);
        assertThat(total("HCV_CURED", false).suppressed()).isTrue();
    }

    @Test
    void theTbCascadeEndsWithTheWhoOutcomesCuredOrCompleted() {
        LocalDate screened = jan.plusDays(15);
        for (int i = 0; i < 6; i++) {
            record(person(), InfectionKind.TB_SCREENING, screened, "NEGATIVE", null);
        }
        List<String> outcomes = List.of("CURED", "COMPLETED", "LOST_TO_FOLLOW_UP", "DIED", "CURED", "FAILED");
        for (int i = 0; i < 8; i++) {
            Client c = person();
            record(c, InfectionKind.TB_SCREENING, screened, "POSITIVE", null);
            if (i < 7) {
                record(c, InfectionKind.TB_DIAGNOSIS, screened.plusDays(5), i < 6 ? "DETECTED" : "NOT_DETECTED",
                        "GENEXPERT");
            }
            if (i < 6) {
                record(c, InfectionKind.TB_TREATMENT_START, screened.plusDays(8), null, null);
                record(c, InfectionKind.TB_TREATMENT_OUTCOME, screened.plusDays(8).plusMonths(6), outcomes.get(i), null);
            }
        }
        assertThat(total("TB_SCREENED", true).numerator()).isEqualTo("14");
        assertThat(total("TB_PRESUMPTIVE", true)).extracting(IndicatorRow::numerator, IndicatorRow::denominator)
                .containsExactly("8", "14");
        assertThat(total("TB_DIAGNOSED", true)).extracting(IndicatorRow::numerator, IndicatorRow::denominator)
                .containsExactly("6", "8");
        assertThat(total("TB_TREATMENT_STARTED", true).numerator()).isEqualTo("6");
        assertThat(total("TB_TREATMENT_SUCCESS", true)).extracting(IndicatorRow::numerator, IndicatorRow::denominator)
                .containsExactly("3", "6");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCascadePageDrawsOnlyWhatTheSuppressedTablesShowAndHidesWhatSubtractionWouldGiveAway() throws Exception {
        hcvCase();
        // even the organisation's own manager, who sees exact counts on the indicators page, gets suppressed figures
        String html = mvc.perform(get("/infections/cascades").param("period", year.code())
                        .with(user(world.user(Role.ORG_MANAGER))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Map<String, Object> hcvChart = chart(html, "HCV");
        // 12 and 7 shown; 5 would show 7 - 5 = 2 positives without confirmation; 4 and 3 are small
        assertThat((List<Object>) hcvChart.get("values")).containsExactly(12, 7, null, null, null);
        assertThat((List<Object>) hcvChart.get("categories")).containsExactly("Antibody tested", "Antibody positive",
                "RNA confirmed (*)", "Treatment started (<5)", "Cured (SVR12) (<5)");
        assertThat(html).contains("data-step=\"HCV_TREATED\" data-hidden=\"true\"");

        String csv = mvc.perform(get("/infections/cascades.csv").param("period", year.code())
                        .with(user(world.user(Role.ME_OFFICER))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Hepatitis C,Antibody tested,12").contains("Hepatitis C,RNA confirmed,*")
                .contains("Hepatitis C,Treatment started,<5").doesNotContain(",5\r\n").doesNotContain(",4\r\n");
    }

    @Test
    void anAttackerSubtractingNeighbouringStepsLearnsNoSmallCount() {
        // many people with small drops between the steps, so that naive tables would give 1 to 4 away
        for (int i = 0; i < 9; i++) {
            hcv(1);
        }
        for (int i = 0; i < 3; i++) {
            hcv(2); // 3 antibody positive without RNA
        }
        hcv(3); // 1 viraemic untreated
        for (int i = 0; i < 2; i++) {
            hcv(4); // 2 treated without SVR yet
        }
        for (int i = 0; i < 9; i++) {
            hcv(5);
        }
        IndicatorScope scope = cascades.scope(world.user(Role.ORG_MANAGER), world.home.id(), null);
        CascadeView view = cascades.cascades(world.user(Role.ORG_MANAGER), scope, year, null);
        CascadeView asCoordinator = cascades.cascades(world.user(Role.COORDINATOR),
                cascades.scope(world.user(Role.COORDINATOR), null, world.homeProgramme.id()), year, null);
        for (CascadeView seen : List.of(view, asCoordinator)) {
            for (Cascade cascade : seen.cascades()) {
                attack(cascade, !cascade.key().equals("HIV"));
            }
        }
        // the true cascade is 24, 15, 12, 11, 9: the attack found nothing because steps were hidden, not because
        // nothing was there to find
        List<CascadeStep> hcv = view.cascades().get(0).steps();
        assertThat(hcv).extracting(CascadeStep::count).contains(24L).containsNull();
    }

    @Test
    void aStepHiddenInOneTableButShownInTheNextDoesNotLetTheStepAfterItBeSubtracted() {
        // 20 tested, 18 antibody positive, all 18 viraemic, 10 treated and cured. The share of positives hides its 18
        // (2 negatives would follow), but the share confirmed shows 18 of 18: beside the 20 tested, that 18 would give
        // the 2 negatives away again, so the cascade hides it too.
        for (int i = 0; i < 2; i++) {
            hcv(1);
        }
        for (int i = 0; i < 8; i++) {
            hcv(3);
        }
        for (int i = 0; i < 10; i++) {
            hcv(5);
        }
        IndicatorScope scope = cascades.scope(world.user(Role.ORG_MANAGER), world.home.id(), null);
        Cascade hcv = cascades.cascades(world.user(Role.ORG_MANAGER), scope, year, null).cascades().get(0);
        attack(hcv, true);
        assertThat(hcv.steps()).extracting(CascadeStep::count).containsExactly(20L, null, null, 10L, 10L);
    }

    /** Every pair of shown steps with only hidden ones between: no 1 to 4 between them, no hidden step pinned. */
    private static void attack(Cascade cascade, boolean nested) {
        List<CascadeStep> steps = cascade.steps();
        for (CascadeStep step : steps) {
            assertThat(step.count() == null || !SmallCellSuppression.isSmall(step.count()))
                    .as(cascade.key() + " " + step.key() + " shows a small count").isTrue();
        }
        if (!nested) {
            return;
        }
        Integer previous = null;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).hidden()) {
                continue;
            }
            if (previous != null) {
                long between = steps.get(previous).count() - steps.get(i).count();
                boolean hiddenBetween = i - previous > 1;
                assertThat(SmallCellSuppression.isSmall(between))
                        .as(cascade.key() + ": " + between + " people between " + steps.get(previous).key() + " and "
                                + steps.get(i).key()).isFalse();
                assertThat(hiddenBetween && between < SmallCellSuppression.THRESHOLD)
                        .as(cascade.key() + ": a hidden step between two shown ones ranges over fewer than 5 values")
                        .isFalse();
            }
            previous = i;
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void coordinatorsSeeTheProgrammeAndItsOrganisationsSideBySideNeverAClient() throws Exception {
        hcvCase();
        String html = mvc.perform(get("/infections/cascades").param("period", year.code())
                        .with(user(world.user(Role.COORDINATOR))).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(world.homeProgramme.name())))
                .andExpect(content().string(not(containsString(world.marker))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((List<Object>) chart(html, "HCV").get("values")).containsExactly(12, 7, null, null, null);
        // one organisation of the programme, from the breakdown by organisation
        mvc.perform(get("/infections/cascades").param("period", year.code())
                        .param("part", String.valueOf(world.home.id()))
                        .with(user(world.user(Role.COORDINATOR))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(world.home.name())));
        // asking for an organisation directly would let its hidden counts be subtracted from the programme's
        mvc.perform(get("/infections/cascades").param("organisationId", String.valueOf(world.home.id()))
                        .param("period", year.code()).with(user(world.user(Role.COORDINATOR))))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/infections/cascades").with(user(world.user(Role.OUTREACH_WORKER))))
                .andExpect(status().isForbidden());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chart(String html, String cascade) throws Exception {
        Matcher m = Pattern.compile("id=\"chart-" + cascade + "\"[^>]*data-chart=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("the " + cascade + " chart").isTrue();
        String json = m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'").replace("&amp;", "&");
        return JsonMapper.builder().build().readValue(json, Map.class);
    }
}
