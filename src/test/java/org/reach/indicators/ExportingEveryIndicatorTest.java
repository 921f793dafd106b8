package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.reach.platform.BackgroundJobs;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.Encounters;
import org.reach.services.Referrals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The full export on the hand-built {@link IndicatorDataset}: started through the API and the page, followed
 * while it runs, downloaded only by the person who started it, and holding, table for table, exactly the rows
 * the per-indicator exports give (so exactly their suppression).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExportingEveryIndicatorTest {

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
    @Autowired BackgroundJobs jobs;
    @Autowired AuditTrail audit;

    private ProgrammeFixture world;
    private ReachUser manager;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        new IndicatorDataset(world, clients, statusChanges, encounters, referrals, indicators,
                signIn.reload(world.foreignManager.id()).orElseThrow(), signIn.reload(world.foreignPeer.id()).orElseThrow());
        manager = world.user(Role.ORG_MANAGER);
    }

    @Test
    void theApiStartsAnXlsxExportAndHandsTheFileOnlyToItsStarter() throws Exception {
        String token = world.token(Role.ORG_MANAGER);
        MockHttpServletResponse started = mvc.perform(post("/api/indicators/exports").param("period", "2026Q1")
                        .param("format", "xlsx").header("Authorization", "Bearer " + token))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/indicators/exports/")))
                .andReturn().getResponse();
        String location = started.getHeader("Location");
        String id = JsonPath.read(started.getContentAsString(), "$.id");
        assertThat(location).isEqualTo("/api/indicators/exports/" + id);

        String done = waitForApi(location, token);
        long tables = expectedTables();
        assertThat(JsonPath.<String>read(done, "$.state")).isEqualTo("SUCCEEDED");
        assertThat(JsonPath.<Number>read(done, "$.done").longValue()).isEqualTo(tables);
        assertThat(JsonPath.<Number>read(done, "$.total").longValue()).isEqualTo(tables);
        assertThat(JsonPath.<String>read(done, "$.file")).isEqualTo(location + "/file");
        assertThat(JsonPath.<String>read(done, "$.fileName")).isEqualTo("indicators-2026Q1.xlsx");
        assertThat(JsonPath.<String>read(done, "$.expires")).isNotBlank();
        assertThat(done).as("the file's place on disk stays inside").doesNotContain("reach-indicators-");
        assertThat(mvc.perform(get("/api/jobs/{id}", id).header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsString()).doesNotContain("reach-indicators-");

        // Someone else of the same organisation neither sees nor downloads it.
        String other = world.token(Role.ME_OFFICER);
        mvc.perform(get(location).header("Authorization", "Bearer " + other)).andExpect(status().isNotFound());
        mvc.perform(get(location + "/file").header("Authorization", "Bearer " + other)).andExpect(status().isNotFound());
        mvc.perform(get("/indicators/exports/{id}/file", id).with(user(world.user(Role.ME_OFFICER))))
                .andExpect(status().isNotFound());

        byte[] xlsx = mvc.perform(get(location + "/file").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("indicators-2026Q1.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            Sheet data = workbook.getSheetAt(0);
            assertThat(data.getSheetName()).isEqualTo("Indicators");
            List<List<String>> rows = texts(data);
            assertThat(rows.get(0)).containsExactlyElementsOf(IndicatorExports.COLUMNS);
            assertThat(rows.subList(1, rows.size())).containsExactlyInAnyOrderElementsOf(perTableExports(manager));
            assertNoSmallCount(rows);

            // Hand-worked (see IndicatorsTest): needles 240, annualised per 10 people who inject = 97.3, low.
            Row needles = find(data, "NSP_NEEDLES_PER_PWID", "NONE");
            assertThat(needles.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(needles.getCell(5).getNumericCellValue()).isEqualTo(240.0);
            assertThat(needles.getCell(7).getNumericCellValue()).isEqualTo(97.3);
            assertThat(needles.getCell(8).getStringCellValue()).isEqualTo("LOW");
            // Four active clients leave as "<5", text, with no value.
            Row active = find(data, "ACTIVE_CLIENTS", "NONE");
            assertThat(active.getCell(5).getStringCellValue()).isEqualTo("<5");
            assertThat(active.getCell(7).getStringCellValue()).isEmpty();
            assertThat(data.getPaneInformation().isFreezePane()).as("the header stays in view").isTrue();

            String readMe = String.join("\n", texts(workbook.getSheetAt(1)).stream().map(r -> String.join(" | ", r))
                    .toList());
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("Read me");
            assertThat(readMe).contains(world.home.name(), "2026Q1 (2026-01-01 – 2026-03-31)",
                    "counts of 1 to 4 are shown as <5", tables + " indicator tables, " + (rows.size() - 1) + " rows");
            for (IndicatorDefinition definition : indicators.definitions(manager)) {
                assertThat(readMe).contains(definition.code() + " | ");
            }
        }
        long exports = audit.search(ReachUser.system(), new AuditFilter(null, null, null, AuditAction.EXPORT,
                "indicator_export", id, null), 0, 10).total();
        assertThat(exports).as("the download is in the audit log").isEqualTo(1);

        // Once the job's result is released (as when the job expires), the file is gone.
        IndicatorExportFile file = (IndicatorExportFile) jobs.status(manager, id).result();
        file.close();
        assertThat(file.path()).doesNotExist();
        mvc.perform(get(location + "/file").header("Authorization", "Bearer " + token)).andExpect(status().isNotFound());
    }

    @Test
    void aCoordinatorFollowsACsvExportOnItsPageAndGetsSuppressedProgrammeCounts() throws Exception {
        ReachUser coordinator = world.user(Role.COORDINATOR);
        String redirect = mvc.perform(post("/indicators/exports").param("period", "2026Q1").param("format", "CSV")
                        .param("programmeId", String.valueOf(world.homeProgramme.id()))
                        .header("Accept-Language", "en").with(user(coordinator)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(redirect).startsWith("/indicators/exports/");
        mvc.perform(get(redirect).with(user(coordinator))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"full-export\"")));
        String fragment = "";
        for (int i = 0; i < 600 && !fragment.contains("data-state=\"SUCCEEDED\""); i++) {
            Thread.sleep(50);
            fragment = mvc.perform(get(redirect).header("HX-Request", "true").with(user(coordinator)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        assertThat(fragment).contains("data-state=\"SUCCEEDED\"", "id=\"full-export-download\"", redirect + "/file")
                .doesNotContain("<html").doesNotContain("hx-get");

        String csv = mvc.perform(get(redirect + "/file").with(user(coordinator))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertThat(records.get(0).toList()).containsExactlyElementsOf(IndicatorExports.COLUMNS);
        List<List<String>> rows = records.stream().map(CSVRecord::toList).toList();
        assertThat(rows.subList(1, rows.size())).containsExactlyInAnyOrderElementsOf(perTableExports(coordinator));
        assertNoSmallCount(rows);
        // The programme's four active clients by sex: every category hidden, none exact.
        assertThat(rows.stream().filter(r -> r.get(0).equals("ACTIVE_CLIENTS") && r.get(3).equals("SEX"))
                .map(r -> r.get(5))).isNotEmpty().allMatch(n -> n.equals("<5") || n.equals("*"));
        assertThat(csv).doesNotContain(world.marker);
    }

    @Test
    void aDownloadBeforeTheEndIsAConflictAndBadParametersAreProblems() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String running = jobs.start(manager, FullIndicatorExport.KIND, progress -> {
            progress.total(3);
            started.countDown();
            await(release);
            return "nothing";
        });
        String token = world.token(Role.ORG_MANAGER);
        try {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            mvc.perform(get("/api/indicators/exports/{id}", running).header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RUNNING"))
                    .andExpect(jsonPath("$.total").value(3)).andExpect(jsonPath("$.file").doesNotExist());
            mvc.perform(get("/api/indicators/exports/{id}/file", running).header("Authorization", "Bearer " + token))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("urn:reach:problem:export-not-ready"))
                    .andExpect(jsonPath("$.export").value("/api/indicators/exports/" + running));
            mvc.perform(get("/indicators/exports/{id}/file", running).with(user(manager)))
                    .andExpect(status().isSeeOther())
                    .andExpect(header().string("Location", "/indicators/exports/" + running));
        } finally {
            release.countDown();
        }
        // A job of another kind is not an export.
        String other = jobs.start(manager, "encounter-import", progress -> "done");
        mvc.perform(get("/api/indicators/exports/{id}", other).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());

        mvc.perform(post("/api/indicators/exports").param("format", "pdf").header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(post("/api/indicators/exports").param("period", "2026Q5").header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(post("/api/indicators/exports").param("organisationId", String.valueOf(world.foreign.id()))
                .header("Authorization", "Bearer " + token)).andExpect(status().isNotFound());
        mvc.perform(post("/api/indicators/exports").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER)))
                .andExpect(status().isForbidden());
    }

    /** One table per indicator and breakdown it allows, the total alone included. */
    private long expectedTables() {
        return indicators.definitions(manager).stream()
                .mapToLong(d -> 1 + d.disaggregations().stream().filter(x -> x != Disaggregation.NONE).distinct().count())
                .sum();
    }

    /** Every line the existing per-indicator CSV export gives, for every indicator and breakdown it allows. */
    private List<List<String>> perTableExports(ReachUser person) throws Exception {
        List<List<String>> lines = new ArrayList<>();
        for (IndicatorDefinition definition : indicators.definitions(person)) {
            for (Disaggregation d : Disaggregation.values()) {
                if (d != Disaggregation.NONE && !definition.disaggregations().contains(d)) {
                    continue;
                }
                String csv = mvc.perform(get("/indicators/export.csv").param("indicator", definition.code())
                                .param("period", "2026Q1").param("disaggregation", d.name())
                                .header("Accept-Language", "en").with(user(person)))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
                records.stream().skip(1).map(CSVRecord::toList).forEach(lines::add);
            }
        }
        return lines;
    }

    /** Numerators and denominators are 0, 5 or more, "<5" or "*" (the size estimates here are 10 and 50). */
    private static void assertNoSmallCount(List<List<String>> rows) {
        for (List<String> row : rows.subList(1, rows.size())) {
            for (int column : new int[] {5, 6}) {
                String count = row.get(column);
                if (count.matches("\\d+(\\.0)?")) {
                    long n = (long) Double.parseDouble(count);
                    assertThat(n == 0 || n >= SmallCellSuppression.THRESHOLD).as(String.join(",", row)).isTrue();
                }
            }
        }
    }

    private String waitForApi(String location, String token) throws Exception {
        String body = "";
        for (int i = 0; i < 600; i++) {
            body = mvc.perform(get(location).header("Authorization", "Bearer " + token)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            if (!"RUNNING".equals(JsonPath.read(body, "$.state"))) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the export did not finish: " + body);
    }

    private static List<List<String>> texts(Sheet sheet) {
        DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                Cell cell = row.getCell(i);
                cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                        ? number(cell.getNumericCellValue(), i) : formatter.formatCellValue(cell));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** As the CSV writes it: counts (numerator, denominator) as whole numbers, values with their decimal. */
    private static String number(double value, int column) {
        return column < 7 && value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static Row find(Sheet sheet, String code, String disaggregation) {
        for (Row row : sheet) {
            if (row.getCell(0).getStringCellValue().equals(code) && row.getCell(3).getStringCellValue().equals(disaggregation)) {
                return row;
            }
        }
        throw new AssertionError(code + " " + disaggregation + " not in the sheet");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
