package org.reach.rar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.HiddenCountBounds;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The re-identification attack on coverage gaps. Hand-entered counts of people reached, with small subgroups,
 * are read by the programme coordinator through the API; for every withheld count the attacker solves for its
 * smallest and largest value from what is shown (everybody is at least the people who inject and who do not
 * inject together, and at least each other subgroup) and must not narrow it to fewer than 5 values, nor pin it
 * once "&lt;5" is read as 1 to 4. A reach of 0 is shown as 0; contradictory entries are refused with the field
 * named; the report, meant for circulation, suppresses the same way for its own makers and places hotspots to
 * about 1 km.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CoverageGapsPinNoHiddenReachTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired RapidAssessments rar;

    @Autowired
    PopulationSizes populationSizes;
    @Autowired AssessmentReports reports;

    private ProgrammeFixture world;
    private ReachUser manager;
    private Assessment assessment;
    private Hotspot station;
    private Hotspot bridge;

    @BeforeEach
    void enterSmallSubgroups() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        manager = world.user(Role.ORG_MANAGER);
        assessment = rar.createAssessment(manager, new AssessmentForm(world.home.id(), "Small groups", "Karachi",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31), "peers", AssessmentForm.KARACHI_QUESTIONS,
                AssessmentStatus.FIELDWORK));
        station = hotspot("Cantt station", 24.87654, 66.99876);
        Hotspot market = hotspot("Empress market", 24.86111, 67.02999);
        bridge = hotspot("Korangi bridge", 24.83333, 67.12345);
        for (Hotspot h : List.of(station, market, bridge)) {
            populationSizes.addVisit(manager, h.id(), new VisitForm(LocalDate.of(2026, 2, 10), null, 40, 30, 10, 8, 12, 2));
        }
        // Everybody 12: 10 inject, 2 do not (ALL minus the injecting would give the 2), 3 women, 6 young.
        populationSizes.setReached(manager, station.id(), Map.of(Subgroup.ALL, 12, Subgroup.INJECTING, 10, Subgroup.NON_INJECTING, 2,
                Subgroup.WOMEN, 3, Subgroup.YOUTH, 6, Subgroup.TRANSGENDER, 0));
        populationSizes.setReached(manager, market.id(), Map.of(Subgroup.ALL, 30, Subgroup.INJECTING, 27, Subgroup.NON_INJECTING, 3,
                Subgroup.WOMEN, 1, Subgroup.YOUTH, 29));
        // Nobody reached yet: a true zero.
        populationSizes.setReached(manager, bridge.id(), Map.of(Subgroup.ALL, 0));
    }

    @Test
    void theCoordinatorCannotNarrowAnyWithheldReachDown() throws Exception {
        String json = mvc.perform(get("/api/rar/assessments/{id}/gaps", assessment.id())
                        .header("Authorization", "Bearer " + world.token(Role.COORDINATOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> gaps = JsonPath.read(json, "$");
        Map<Object, HiddenCountBounds> byHotspot = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> g : gaps) {
            HiddenCountBounds lp = byHotspot.computeIfAbsent(g.get("hotspotId"), k -> new HiddenCountBounds());
            Object reached = g.get("reached");
            boolean withheld = Boolean.TRUE.equals(g.get("suppressed"));
            if (reached instanceof Integer count && count >= 1 && count <= 4) {
                problems.add(g.get("hotspot") + " " + g.get("subgroup") + " shows " + count);
            }
            if (withheld && (g.get("gap") != null || g.get("coverage") != null)) {
                problems.add(g.get("hotspot") + " " + g.get("subgroup") + " withholds its reach but not its gap");
            }
            lp.cell((String) g.get("subgroup"), withheld ? (String) g.get("marker") : String.valueOf(reached));
        }
        int hidden = 0;
        for (HiddenCountBounds lp : byHotspot.values()) {
            for (Subgroup s : Subgroup.values()) {
                if (!lp.has(s.name())) {
                    lp.cell(s.name(), null); // not listed: the attacker does not know it
                }
            }
            lp.sumAtMost(List.of("INJECTING", "NON_INJECTING"), "ALL");
            for (String s : List.of("WOMEN", "YOUTH", "TRANSGENDER")) {
                lp.atMost(s, "ALL");
            }
            hidden += lp.hiddenCount();
            for (HiddenCountBounds.Range r : lp.ranges(false)) {
                if (r.width() < 5) {
                    problems.add(r.cell() + " (" + r.shownAs() + ") lies in " + r.min() + ".." + r.max());
                }
            }
            for (HiddenCountBounds.Range r : lp.ranges(true)) {
                if (r.width() < 1e-6) {
                    problems.add(r.cell() + " (" + r.shownAs() + ") is " + r.min() + " by its markers");
                }
            }
        }
        assertThat(hidden).as("withheld counts attacked").isGreaterThanOrEqualTo(4);
        assertThat(problems).as("withheld reach the coordinator works out").isEmpty();
        // A reach of 0 is no small count: shown as 0, with its gap.
        assertThat(gaps).filteredOn(g -> ((Number) g.get("hotspotId")).longValue() == bridge.id()
                && g.get("subgroup").equals("ALL")).singleElement()
                .satisfies(g -> {
                    assertThat(g.get("reached")).isEqualTo(0);
                    assertThat(g.get("suppressed")).isEqualTo(false);
                });
    }

    @Test
    void contradictoryCountsAreRefusedWithTheFieldNamedAndNothingIsStored() throws Exception {
        mvc.perform(put("/api/rar/hotspots/{id}/reached", bridge.id())
                        .header("Authorization", "Bearer " + world.token(Role.ME_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"INJECTING\":15}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reached.INJECTING"))
                .andExpect(jsonPath("$.errors[0].code").value("rar.error.reachedMoreThanAll"));
        mvc.perform(put("/api/rar/hotspots/{id}/reached", bridge.id())
                        .header("Authorization", "Bearer " + world.token(Role.ME_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ALL\":10,\"INJECTING\":8,\"NON_INJECTING\":7}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reached.NON_INJECTING"))
                .andExpect(jsonPath("$.errors[0].code").value("rar.error.routesMoreThanAll"));
        assertThat(populationSizes.detail(manager, bridge.id()).reached()).containsExactlyEntriesOf(Map.of(Subgroup.ALL, 0));
    }

    @Test
    void theReportSuppressesForItsMakersTooAndPlacesHotspotsToAboutAKilometre() throws Exception {
        byte[] xlsx = reports.xlsx(manager, assessment.id(), Locale.ENGLISH);
        DataFormatter cells = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet hotspots = workbook.getSheetAt(0);
            List<String> places = new ArrayList<>();
            for (int r = 1; r <= hotspots.getLastRowNum(); r++) {
                places.add(cells.formatCellValue(hotspots.getRow(r).getCell(5)));
            }
            assertThat(places).containsExactlyInAnyOrder("24.88, 67.00", "24.86, 67.03", "24.83, 67.12");
            Sheet gaps = workbook.getSheetAt(2);
            int withheld = 0;
            for (int r = 1; r <= gaps.getLastRowNum(); r++) {
                Row row = gaps.getRow(r);
                String reached = cells.formatCellValue(row.getCell(3));
                String notReached = cells.formatCellValue(row.getCell(5));
                assertThat(reached).as("row %d", r).doesNotMatch("[1-4]");
                if (reached.equals("<5") || reached.equals("*")) {
                    withheld++;
                    assertThat(notReached).as("not reached beside a withheld reach, row %d", r).isEqualTo("–");
                }
            }
            assertThat(withheld).isGreaterThanOrEqualTo(4);
        }
        byte[] pdf = reports.pdf(manager, assessment.id(), Locale.ENGLISH);
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("24.8765");
    }

    private Hotspot hotspot(String name, double lat, double lon) {
        return rar.createHotspot(manager, assessment.id(), new HotspotForm(name, "Saddar", lat, lon, 5.0, null,
                Typology.STREET, UseType.MIXED, List.of("HEROIN"), List.of(), List.of(), List.of(), false, false, false));
    }
}
