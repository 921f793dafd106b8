package org.reach.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.HiddenCountBounds;
import org.reach.ProgrammeFixture;
import org.reach.accounts.AccountForm;
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
import org.reach.indicators.Disaggregation;
import org.reach.indicators.IndicatorQuery;
import org.reach.indicators.IndicatorScope;
import org.reach.indicators.IndicatorTable;
import org.reach.indicators.Indicators;
import org.reach.indicators.Period;
import org.reach.indicators.SmallCellSuppression;
import org.reach.organisations.OpeningStatus;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.organisations.SiteType;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The attack on the advocacy report. A programme of two organisations whose last quarter holds one sexual assault by
 * an intimate partner, two attacks by dealers, three confiscations in a second city, beside larger counts. The
 * coordinator (the programme) and the protection focal person and manager (their organisation) fetch the report,
 * and for every hidden count the smallest and largest value consistent with everything shown is solved for as an
 * attacker would: every cell a non-negative unknown, months and cities adding up to the total, every type and
 * perpetrator at most the total, all types (and all perpetrators) together at least the total, the responses within
 * 24 hours at most the total. No count of 1 to 4 is shown; every hidden count ranges over at least 5 values, and is
 * not pinned once "&lt;5" is read as 1 to 4. Nothing in any form of the report names a person, a hotspot, a day or
 * anything a recorder wrote.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SharingTheAdvocacyReportGivesNobodyAwayTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired ViolenceReports reports;
    @Autowired Indicators indicators;

    private ProgrammeFixture world;
    private Period quarter;
    private String marker;
    private final List<String> codes = new ArrayList<>();

    @BeforeEach
    void buildAQuarterWithSmallCounts() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        ReachUser system = ReachUser.system();
        marker = "Secret" + UUID.randomUUID().toString().substring(0, 6);
        Organisation partner = directory.createOrganisation(system, new OrganisationForm("Partner " + marker, "PK",
                List.of("ur"), world.homeProgramme.id()));
        Site hyderabad = directory.createSite(system, new SiteForm(partner.id(), "Latifabad " + marker, SiteType.DROP_IN_CENTRE,
                "Latifabad", "Hyderabad", 25.38, 68.37, OpeningStatus.OPEN));
        ReachUser partnerPeer = signIn.reload(accounts.create(system, new AccountForm("pp." + marker.toLowerCase(),
                "Partner peer", partner.id(), null, EnumSet.of(Role.OUTREACH_WORKER), Set.of(hyderabad.id()), "ur"))
                .account().id()).orElseThrow();
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        ReachUser officer = world.user(Role.PROTECTION_OFFICER);
        for (int i = 0; i < 3; i++) {
            String code = ViolenceReportsTest.randomCode();
            clients.register(peer, new ClientRegistration(null, code, Gender.MALE, 1988 + i,
                    Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING, world.homeSite.id(),
                    null, null, LocalDate.now(ZoneOffset.UTC).minusYears(1), null, DuplicateDecision.REJECTED_DIFFERENT, null));
            codes.add(code);
        }
        quarter = IndicatorQuery.lastCompleteQuarter(LocalDate.now(ZoneOffset.UTC));
        LocalDate m1 = quarter.start().plusDays(4);
        LocalDate m2 = quarter.start().plusMonths(1).plusDays(9);
        LocalDate m3 = quarter.start().plusMonths(2).plusDays(14);
        int n = 0;
        n = record(peer, officer, world.homeSite, m1, 8, EnumSet.of(ViolenceType.ARBITRARY_ARREST), Perpetrator.POLICE, n);
        n = record(peer, officer, world.homeSite, m2, 6, EnumSet.of(ViolenceType.EXTORTION, ViolenceType.PHYSICAL),
                Perpetrator.POLICE, n);
        n = record(peer, officer, world.homeSite, m3, 5, EnumSet.of(ViolenceType.VERBAL), Perpetrator.COMMUNITY, n);
        n = record(peer, officer, world.homeSite, m2, 1, EnumSet.of(ViolenceType.SEXUAL, ViolenceType.PHYSICAL),
                Perpetrator.INTIMATE_PARTNER, n);
        n = record(peer, officer, world.homeSite, m1, 2, EnumSet.of(ViolenceType.PHYSICAL), Perpetrator.DEALERS, n);
        record(partnerPeer, null, hyderabad, m3, 3, EnumSet.of(ViolenceType.CONFISCATION), Perpetrator.POLICE, n);
    }

    private int record(ReachUser recorder, ReachUser officer, Site site, LocalDate day, int count, Set<ViolenceType> types,
                       Perpetrator perpetrator, int n) {
        for (int i = 0; i < count; i++, n++) {
            boolean coded = officer != null && n % 4 == 0;
            Instant heard = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(10));
            long id = reports.record(recorder, new ViolenceReportForm(UUID.randomUUID().toString(), day, site.id(),
                    "Hotspot " + marker, coded ? codes.get(n % codes.size()) : null, coded ? null : Gender.MALE,
                    coded ? null : AgeBand.FROM_25_TO_34, types, Set.of(perpetrator), false, Set.of(),
                    "Described by name: " + marker, heard)).number();
            if (officer != null && n % 3 != 2) {
                reports.respond(officer, id, new ViolenceResponseForm(ResponseKind.CRISIS_VISIT, "Note " + marker, null,
                        heard.plus(Duration.ofHours(n % 5 == 0 ? 30 : 3))));
            }
        }
        return n;
    }

    private String advocacy(String token) throws Exception {
        return mvc.perform(get("/api/rights/advocacy").param("period", quarter.code())
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theCoordinatorCannotPinAnyHiddenCountOfTheProgramme() throws Exception {
        String json = advocacy(world.token(Role.COORDINATOR));
        assertThat(JsonPath.<String>read(json, "$.total")).isEqualTo("25");
        assertThat(JsonPath.<List<String>>read(json, "$.byCity[*].category")).containsExactly("Hyderabad", "Karachi");
        assertThat(attack(json)).isEmpty();
    }

    @Test
    void theOrganisationsOwnStaffCannotPinAnyHiddenCountOfItsReportEither() throws Exception {
        for (Role role : List.of(Role.PROTECTION_OFFICER, Role.ORG_MANAGER)) {
            String json = advocacy(world.token(role));
            assertThat(JsonPath.<String>read(json, "$.total")).isEqualTo("22");
            assertThat(attack(json)).as(role.name()).isEmpty();
        }
    }

    /** Every way a hidden count can be narrowed down from everything shown, as a list of problems. */
    private List<String> attack(String json) {
        List<String> problems = new ArrayList<>();
        HiddenCountBounds lp = new HiddenCountBounds();
        lp.cell("TOTAL", JsonPath.read(json, "$.total"));
        lp.cell("RESPONDED", JsonPath.read(json, "$.respondedInTime"));
        lp.atMost("RESPONDED", "TOTAL");
        Map<String, List<String>> tables = Map.of("byMonth", new ArrayList<>(), "byCity", new ArrayList<>(),
                "byType", new ArrayList<>(), "byPerpetrator", new ArrayList<>());
        tables.forEach((table, names) -> {
            List<Map<String, String>> cells = JsonPath.read(json, "$." + table);
            for (Map<String, String> cell : cells) {
                String name = table + "/" + cell.get("category");
                lp.cell(name, cell.get("count"));
                names.add(name);
                if (cell.get("count").matches("[1-4]")) {
                    problems.add(name + " shown as " + cell.get("count"));
                }
            }
        });
        lp.sum("TOTAL", tables.get("byMonth"));
        lp.sum("TOTAL", tables.get("byCity"));
        for (String multi : List.of("byType", "byPerpetrator")) {
            for (String name : tables.get(multi)) {
                lp.atMost(name, "TOTAL");
            }
            lp.atMostSumOf("TOTAL", tables.get(multi)); // every incident names at least one
        }
        assertThat(lp.hiddenCount()).as("hidden cells attacked").isGreaterThanOrEqualTo(3);
        for (HiddenCountBounds.Range r : lp.ranges(false)) {
            if (r.width() < SmallCellSuppression.THRESHOLD) {
                problems.add(r.cell() + " (" + r.shownAs() + ") lies in " + r.min() + ".." + r.max());
            }
        }
        for (HiddenCountBounds.Range r : lp.ranges(true)) {
            if (r.width() < 1e-6) {
                problems.add(r.cell() + " (" + r.shownAs() + ") is " + r.min() + " by its markers");
            }
        }
        return problems;
    }

    @Test
    void noFormOfTheReportNamesAPersonAPlaceSmallerThanACityADayOrWhatARecorderWrote() throws Exception {
        ReachUser coordinator = world.user(Role.COORDINATOR);
        String json = advocacy(world.token(Role.COORDINATOR));
        String page = mvc.perform(get("/rights/advocacy").param("period", quarter.code()).with(user(coordinator))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        byte[] pdf = mvc.perform(get("/rights/advocacy.pdf").param("period", quarter.code()).with(user(coordinator))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] xlsx = mvc.perform(get("/rights/advocacy.xlsx").param("period", quarter.code()).with(user(coordinator))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String pdfText = pdfText(pdf);
        String workbook = workbookText(xlsx);

        for (String text : List.of(json, page, pdfText, workbook)) {
            assertThat(text).doesNotContain(marker).doesNotContain(codes);
        }
        for (String text : List.of(json, pdfText, workbook)) {
            assertThat(text).as("no day-level date").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                    .doesNotContainPattern("\\d{1,2}/\\d{1,2}/\\d{2,4}");
        }
        assertThat(pdfText).contains("Violence and rights violations: advocacy report", world.homeProgramme.name(),
                quarter.code(), "Police", "Arbitrary arrest", "Karachi", "<5", "25");
        assertThat(workbook).contains("Police=17", "Arbitrary arrest=8", "Karachi=", "Intimate partner=<5",
                "Incidents=25");
        assertThat(page).contains("id=\"advocacy-total\">25<");
    }

    @Test
    void onlyTheCoordinatorManagersAndProtectionOfficersSeeItAndOnlyForPeriodsThatHaveEnded() throws Exception {
        for (Role role : Role.values()) {
            boolean allowed = role == Role.COORDINATOR || role == Role.ORG_MANAGER || role == Role.PROTECTION_OFFICER;
            mvc.perform(get("/api/rights/advocacy").param("period", quarter.code())
                            .header("Authorization", "Bearer " + world.token(role)))
                    .andExpect(allowed ? status().isOk() : status().isForbidden());
            mvc.perform(get("/rights/advocacy.xlsx").param("period", quarter.code()).with(user(world.user(role))))
                    .andExpect(allowed ? status().isOk() : status().isForbidden());
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7);
        for (String period : List.of(today, String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear()),
                quarter.start() + ".." + quarter.end(), "next week")) {
            mvc.perform(get("/api/rights/advocacy").param("period", period)
                            .header("Authorization", "Bearer " + world.token(Role.COORDINATOR)))
                    .andExpect(status().isBadRequest());
        }
    }

    @Test
    void theViolenceIndicatorsCountThroughTheEngine() {
        ReachUser coordinator = world.user(Role.COORDINATOR);
        IndicatorScope programme = indicators.scope(coordinator, null, world.homeProgramme.id(), null);
        IndicatorTable incidents = indicators.table(coordinator, programme, "VIOLENCE_INCIDENTS", quarter,
                Disaggregation.CITY, false);
        assertThat(incidents.total().numerator()).isEqualTo("25");
        assertThat(incidents.rows()).extracting(r -> r.category() + "=" + r.numerator())
                .contains("Karachi=*", "Hyderabad=<5");
        IndicatorTable police = indicators.table(coordinator, programme, "VIOLENCE_BY_POLICE", quarter,
                Disaggregation.NONE, false);
        assertThat(police.total().numerator()).isEqualTo("17");
        IndicatorTable responded = indicators.table(coordinator, programme, "VIOLENCE_RESPONSE_24H", quarter,
                Disaggregation.NONE, false);
        assertThat(responded.total().denominator()).isEqualTo("25");
        assertThat(responded.total().numerator()).isEqualTo(String.valueOf(respondedInTime()));
    }

    /** Home reports answered (n % 3 != 2), within 24 hours unless n % 5 == 0: worked out over the 22 home reports. */
    private static long respondedInTime() {
        long count = 0;
        for (int n = 0; n < 22; n++) {
            if (n % 3 != 2 && n % 5 != 0) {
                count++;
            }
        }
        return count;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    /** Every row of every sheet as "first cell=second cell", numbers written whole. */
    private static String workbookText(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                text.append('[').append(sheet.getSheetName()).append("]\n");
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        cells.add(cell.getCellType() == CellType.NUMERIC
                                ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue());
                    }
                    text.append(String.join("=", cells)).append('\n');
                }
            }
        }
        return text.toString();
    }
}
