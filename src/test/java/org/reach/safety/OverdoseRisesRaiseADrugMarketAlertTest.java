package org.reach.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.earlywarning.Alert;
import org.reach.earlywarning.EarlyWarning;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Overdoses reported through the safety capability are a weekly series the early warning watches: each report is
 * counted in the ISO week (Monday to Sunday) it happened, in the city of its site, and a rise above a quiet history
 * raises a drug-market alert, while the quiet history alone raises none.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OverdoseRisesRaiseADrugMarketAlertTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired Overdoses overdoses;
    @Autowired EarlyWarning earlyWarning;

    private ProgrammeFixture world;
    private ReachUser peer;
    private ReachUser manager;
    private LocalDate thisWeek;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        peer = world.user(Role.OUTREACH_WORKER);
        manager = world.user(Role.ORG_MANAGER);
        thisWeek = EarlyWarning.weekOf(earlyWarning.today());
    }

    @Test
    void overdosesAreCountedInTheIsoWeekAndCityTheyHappenedIn() throws Exception {
        // Sunday 23:30 belongs to the week that began six days earlier, Monday 00:10 to the new one
        atSite(thisWeek.minusWeeks(3).minusDays(1).atTime(23, 30));
        atSite(thisWeek.minusWeeks(3).atTime(0, 10));
        atSite(thisWeek.minusWeeks(3).plusDays(4).atTime(12, 0));
        // a report placed only by GPS counts for the organisation, not for a city
        overdoses.record(peer, new OverdoseForm(UUID.randomUUID().toString(), thisWeek.minusWeeks(2).plusDays(2)
                .atTime(9, 0), null, null, 24.86, 67.01, 15.0, null, null, "FEMALE", "FROM_25_TO_34", List.of("HEROIN"),
                List.of(), 0, List.of(), false, null, List.of(), "SURVIVED", null));

        EarlyWarning.WeeklySeries karachi = earlyWarning.weekly(manager, "safety.overdoses", "Karachi", 6);
        assertThat(karachi.weeks().get(0)).isEqualTo(thisWeek.minusWeeks(5));
        assertThat(karachi.counts()).containsExactly(0, 1, 2, 0, 0, 0);
        assertThat(earlyWarning.weekly(manager, "safety.overdoses", null, 6).counts())
                .containsExactly(0, 1, 2, 1, 0, 0);
        assertThat(earlyWarning.weekly(manager, "safety.overdoses", "Mombasa", 6).counts())
                .containsExactly(0, 0, 0, 0, 0, 0);
        // the same series through the API, and nothing of it for another organisation
        mvc.perform(get("/api/earlywarning/series").param("name", "safety.overdoses").param("weeks", "6")
                        .header("Authorization", "Bearer " + world.token(Role.ME_OFFICER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.counts[2]").value(2))
                .andExpect(jsonPath("$.counts[3]").value(1));
        mvc.perform(get("/api/earlywarning/series").param("name", "safety.overdoses").param("weeks", "6")
                        .header("Authorization", "Bearer " + world.foreignManagerToken()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.counts[2]").value(0));
    }

    @Test
    void aRiseInOverdosesAboveAQuietHistoryRaisesAnAlert() {
        for (int w = 10; w >= 1; w--) {
            atSite(thisWeek.minusWeeks(w).plusDays(2).atTime(21, 0));
        }
        earlyWarning.detect(world.home.id(), earlyWarning.today());
        assertThat(overdoseAlerts()).as("one overdose a week is the normal").isEmpty();

        for (int i = 0; i < 4; i++) {
            atSite(thisWeek.atStartOfDay()); // Monday 00:00 is never in the future
        }
        earlyWarning.detect(world.home.id(), earlyWarning.today());
        List<Alert> raised = overdoseAlerts();
        assertThat(raised).hasSize(1);
        Alert alert = raised.get(0);
        assertThat(alert.city()).isEqualTo("Karachi");
        assertThat(alert.weekStart()).isEqualTo(thisWeek);
        assertThat(alert.observed()).isEqualTo(4);
        // ten weeks of exactly one: C1 and C2 see no spread, so any count above one alarms
        assertThat(alert.detectors()).contains("C1", "C2");
        assertThat(alert.evidence().observed()).endsWith(1, 4);
        // the other organisation sees none of it
        assertThat(earlyWarning.alerts(signIn.reload(world.foreignManager.id()).orElseThrow(), false))
                .noneMatch(a -> a.series().equals("safety.overdoses"));
    }

    private List<Alert> overdoseAlerts() {
        return earlyWarning.alerts(manager, true).stream().filter(a -> a.series().equals("safety.overdoses")).toList();
    }

    private void atSite(LocalDateTime at) {
        overdoses.record(peer, SafetyFixture.form(world.homeSite.id(), null, null, at));
    }
}
