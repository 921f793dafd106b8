package org.reach.rar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.reach.clients.ClientContacted;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.RegistrationOutcome;
import org.reach.clients.Route;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class RapidAssessmentTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;
    @Autowired RapidAssessments rar;

    @Autowired
    PopulationSizes populationSizes;

    @Autowired
    AssessmentFindings assessmentFindings;
    @Autowired HotspotExchange exchange;
    @Autowired AssessmentReports reports;
    @Autowired ClientRegistry registry;
    @Autowired TransactionTemplate transactions;

    ProgrammeFixture world;
    ReachUser manager;
    Assessment assessment;

    @BeforeEach
    void setUp() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        manager = world.user(Role.ORG_MANAGER);
        assessment = rar.createAssessment(manager, new AssessmentForm(world.home.id(), "Lyari and Korangi", "Karachi",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31), "peers", AssessmentForm.KARACHI_QUESTIONS,
                AssessmentStatus.FIELDWORK));
    }

    @Test
    void theApiCreatesAssessmentsAndHotspotsAndEveryWriteIsAudited() throws Exception {
        String body = "{\"organisationId\":" + world.home.id() + ",\"title\":\"API study\",\"area\":\"Karachi\",\"status\":\"PLANNING\"}";
        String created = mvc.perform(post("/api/rar/assessments").header("Authorization", "Bearer " + world.token(Role.ME_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.title").value("API study"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/rar/assessments/{id}/hotspots", id).header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Graveyard\",\"latitude\":24.87,\"longitude\":66.99,\"gpsAccuracy\":80,"
                                + "\"typology\":\"GRAVEYARD\",\"useType\":\"INJECTING\",\"drugs\":[\"HEROIN\"]}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.imprecise").value(true));
        mvc.perform(post("/api/rar/assessments").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("API study", "Peer study")))
                .andExpect(status().isForbidden());

        var entries = audit.search(ReachUser.system(), new AuditFilter(null, null, null, AuditAction.CREATE, null, null,
                world.home.id()), 0, 50).events();
        assertThat(entries).extracting(e -> e.entityType()).contains("rar_assessment", "rar_hotspot");
    }

    @Test
    void impossibleCaptureRecaptureIsRefusedWithTheFieldNamed() throws Exception {
        Hotspot hotspot = hotspot("Park", 24.87, 66.99);
        mvc.perform(post("/api/rar/hotspots/{id}/captures", hotspot.id()).header("Authorization", "Bearer " + world.token(Role.ME_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"marked\":10,\"secondSample\":12,\"recaptured\":11}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("recaptured"))
                .andExpect(jsonPath("$.errors[0].code").value("rar.estimate.error.recaptures"));
        assertThat(populationSizes.detail(manager, hotspot.id()).captures()).isEmpty();
    }

    @Test
    void estimatesRollUpPerDistrictAndGapsRankTheLeastServedFirst() {
        Hotspot lyari = hotspot("Lyari graveyard", 24.8690, 66.9940);
        Hotspot korangi = hotspot("Korangi bridge", 24.9000, 67.2000);
        // Lyari: Chapman 30, 25, 10 -> 72.27; Korangi: direct counts 20 and 10 -> 20
        populationSizes.addCapture(manager, lyari.id(), new CaptureForm(null, null, 30, 25, 10));
        populationSizes.addVisit(manager, lyari.id(), new VisitForm(LocalDate.of(2026, 2, 10), TimeOfDay.EVENING, 40, 10, 30, 4, 8, 0));
        populationSizes.addVisit(manager, korangi.id(), new VisitForm(LocalDate.of(2026, 2, 11), null, 20, 20, 0, 0, 0, 0));
        populationSizes.addVisit(manager, korangi.id(), new VisitForm(LocalDate.of(2026, 2, 18), null, 10, 10, 0, 0, 0, 0));
        populationSizes.setReached(manager, lyari.id(), Map.of(Subgroup.ALL, 60, Subgroup.NON_INJECTING, 10));
        populationSizes.setReached(manager, korangi.id(), Map.of(Subgroup.ALL, 2));

        SizeEstimates estimates = populationSizes.estimates(manager, assessment.id());
        assertThat(estimates.total().point()).isEqualTo(72 + 20);
        assertThat(estimates.hotspots()).filteredOn(e -> e.hotspot().id() == lyari.id()).singleElement()
                .satisfies(e -> assertThat(e.best().method()).isEqualTo(Estimate.Method.CAPTURE_RECAPTURE));

        List<CoverageGap> gaps = populationSizes.gaps(world.user(Role.COORDINATOR), assessment.id());
        // Lyari best = 72.27 from capture-recapture; its visit counted 40: 10 injecting, 30 not, 4 women, 8 young.
        // Subgroup sizes: injecting 72.27*10/40 = 18, non-injecting 72.27*30/40 = 54, women 7, youth 14.
        // Korangi best = 20 (direct count), all 30 counted were injecting: injecting 20.
        // Nobody reached: coverage 0, largest gap first; then Lyari non-injecting 10/54 = 18.5 %, Lyari everybody
        // 60/72 = 83 %. Korangi's everybody, 2 entered by hand, is a small count the coordinator does not get: it is
        // withheld with its coverage and ranked with the unknown ones, last.
        assertThat(gaps).extracting(g -> (g.hotspotId() == lyari.id() ? "Lyari " : "Korangi ") + g.subgroup() + " "
                        + g.estimated() + "/" + g.reached())
                .containsExactly("Korangi INJECTING 20/0", "Lyari INJECTING 18/0", "Lyari YOUTH 14/0", "Lyari WOMEN 7/0",
                        "Lyari NON_INJECTING 54/10", "Lyari ALL 72/60", "Korangi ALL 20/null");
        assertThat(gaps.get(6).coverage()).isNull();
        assertThat(gaps.get(6).marker()).isEqualTo("<5");
        assertThat(populationSizes.gaps(manager, assessment.id())).filteredOn(g -> g.hotspotId() == korangi.id()
                && g.subgroup() == Subgroup.ALL).singleElement().satisfies(g -> assertThat(g.coverage()).isEqualTo(0.1));
        // The home site of the fixture is at 24.8687, 66.9936: about 0.05 km from the Lyari hotspot (shown to 0.1 km).
        CoverageGap lyariAll = gaps.stream().filter(g -> g.hotspotId() == lyari.id() && g.subgroup() == Subgroup.ALL)
                .findFirst().orElseThrow();
        assertThat(lyariAll.distanceKm()).isLessThanOrEqualTo(0.1);
        assertThat(lyariAll.nearestSite()).isEqualTo(world.homeSite.name());
    }

    private void enrol(ReachUser peer, long siteId, String code, Route route, String hotspot, LocalDate firstContact,
                       LocalDate laterContact) {
        RegistrationOutcome outcome = registry.register(peer, new ClientRegistration(null, code, Gender.MALE, 1990,
                route == Route.INJECTING ? java.util.Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS) : java.util.Set.of(),
                Drug.HEROIN, null, route, siteId, hotspot, null, firstContact, null, null, null));
        assertThat(outcome.kind()).isEqualTo(RegistrationOutcome.Kind.CREATED);
        if (laterContact != null) {
            transactions.executeWithoutResult(status -> registry.recordContacts(peer, outcome.client().organisationId(),
                    java.util.List.of(new ClientContacted(outcome.client().id(), outcome.client().organisationId(), laterContact))));
        }
    }

    @Test
    void registryCountsReplaceEnteredNumbersWhereTheHotspotNameMatchesAndTheSourceIsShown() throws Exception {
        Hotspot nullah = hotspot("Lyari: Nullah Bank", 24.8690, 66.9940);
        Hotspot korangi = hotspot("Korangi bridge", 24.9000, 67.2000);
        Hotspot orangi = hotspot("Orangi hill", 24.9500, 66.9900);
        // direct counts: Nullah Bank 20 (10 inject, 10 do not), Korangi 10 and Orangi 8 (all inject)
        populationSizes.addVisit(manager, nullah.id(), new VisitForm(LocalDate.of(2026, 2, 10), null, 20, 10, 10, 0, 0, 0));
        populationSizes.addVisit(manager, korangi.id(), new VisitForm(LocalDate.of(2026, 2, 11), null, 10, 10, 0, 0, 0, 0));
        populationSizes.addVisit(manager, orangi.id(), new VisitForm(LocalDate.of(2026, 2, 12), null, 8, 8, 0, 0, 0, 0));
        // entered: 19 at Nullah Bank (95 %) would put it last; the registry knows of 3 there in February-March
        populationSizes.setReached(manager, nullah.id(), Map.of(Subgroup.ALL, 19));
        populationSizes.setReached(manager, korangi.id(), Map.of(Subgroup.ALL, 5));
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        enrol(peer, world.homeSite.id(), "ABCDM90", Route.INJECTING, "nullah  bánk", LocalDate.of(2026, 2, 15), null);
        enrol(peer, world.homeSite.id(), "EFGHM90", Route.INJECTING, "NULLAH BANK", LocalDate.of(2025, 12, 1),
                LocalDate.of(2026, 3, 1));
        enrol(peer, world.homeSite.id(), "IJKLM90", Route.SMOKING, "Nullah Bank", LocalDate.of(2026, 3, 31), null);
        // contacted only after the assessment's period: not counted
        enrol(peer, world.homeSite.id(), "MNOPM90", Route.SMOKING, "Nullah Bank", LocalDate.of(2026, 4, 2), null);
        // another organisation's clients at a place of the same name are never counted
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        enrol(foreignManager, world.foreignSite.id(), "QRSTM90", Route.INJECTING, "Nullah Bank",
                LocalDate.of(2026, 2, 20), null);

        List<CoverageGap> gaps = populationSizes.gaps(world.user(Role.ME_OFFICER), assessment.id());
        // Nullah Bank from the registry: everybody 3/20 = 15 %, injecting 2/10 = 20 %, not injecting 1/10 = 10 %.
        // Korangi: everybody entered 5/10 = 50 %, injecting not entered: unknown. Orangi: nothing: unknown.
        // Least served: coverage 0 by largest gap (Korangi injecting 10, Orangi 8 and 8), then 10 %, 15 %, 20 %, 50 %.
        assertThat(gaps).extracting(g -> g.hotspot() + " " + g.subgroup() + " " + g.estimated() + "/" + g.reached()
                        + " " + g.source())
                .containsExactly("Korangi bridge INJECTING 10/0 UNKNOWN", "Orangi hill ALL 8/0 UNKNOWN",
                        "Orangi hill INJECTING 8/0 UNKNOWN", "Lyari: Nullah Bank NON_INJECTING 10/1 REGISTRY",
                        "Lyari: Nullah Bank ALL 20/3 REGISTRY", "Lyari: Nullah Bank INJECTING 10/2 REGISTRY",
                        "Korangi bridge ALL 10/5 ENTERED");

        mvc.perform(get("/api/rar/assessments/{id}/gaps", assessment.id())
                        .header("Authorization", "Bearer " + world.token(Role.COORDINATOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.hotspotId == " + nullah.id() + " && @.subgroup == 'ALL')].source")
                        .value(org.hamcrest.Matchers.contains("REGISTRY")))
                // 3 people is a small number: the coordinator, who has no access to the clients, never gets it
                .andExpect(jsonPath("$[?(@.hotspotId == " + nullah.id() + " && @.subgroup == 'ALL')].reached")
                        .value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())))
                .andExpect(jsonPath("$[?(@.hotspotId == " + nullah.id() + " && @.subgroup == 'ALL')].gap")
                        .value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())))
                .andExpect(jsonPath("$[?(@.hotspotId == " + nullah.id() + " && @.subgroup == 'ALL')].suppressed")
                        .value(org.hamcrest.Matchers.contains(true)))
                .andExpect(jsonPath("$[?(@.hotspotId == " + korangi.id() + " && @.subgroup == 'ALL')].source")
                        .value(org.hamcrest.Matchers.contains("ENTERED")))
                .andExpect(jsonPath("$[?(@.hotspotId == " + orangi.id() + " && @.subgroup == 'ALL')].source")
                        .value(org.hamcrest.Matchers.contains("UNKNOWN")));
        String page = mvc.perform(get("/rar/{id}/gaps", assessment.id()).with(user(world.user(Role.ME_OFFICER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("class=\"source-registry\"", "class=\"source-entered\"", "class=\"source-unknown\"")
                .doesNotContain("QRSTM90", "ABCDM90");
        assertThat(mvc.perform(get("/rar/{id}/gaps", assessment.id()).with(user(world.user(Role.COORDINATOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("&lt;5");
    }

    @Test
    void coordinatorsReadAggregatesButNeverNotesAndForeignOrganisationsSeeNothing() throws Exception {
        assessmentFindings.addNote(world.user(Role.OUTREACH_WORKER), assessment.id(), new NoteForm(null, NoteKind.INTERVIEW, Subgroup.WOMEN,
                List.of(FindingCode.BARRIERS), "Women avoid the centre when men are there", "Secret words", false));
        ReachUser coordinator = world.user(Role.COORDINATOR);
        assertThat(assessmentFindings.codeCounts(coordinator, assessment.id())).filteredOn(c -> c.code() == FindingCode.BARRIERS)
                .singleElement().satisfies(c -> assertThat(c.bySubgroup()).containsEntry(Subgroup.WOMEN, 1));
        assertThatThrownBy(() -> assessmentFindings.notes(coordinator, assessment.id())).isInstanceOf(Forbidden.class);
        String page = mvc.perform(get("/rar/{id}/findings", assessment.id()).with(user(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Secret words").doesNotContain("Women avoid the centre");

        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        assertThatThrownBy(() -> rar.assessment(foreignManager, assessment.id())).isInstanceOf(NotFound.class);
        assertThat(rar.assessments(foreignManager)).noneMatch(a -> a.id() == assessment.id());
        mvc.perform(get("/api/rar/assessments/{id}/gaps", assessment.id())
                .header("Authorization", "Bearer " + world.foreignManagerToken())).andExpect(status().isNotFound());
    }

    @Test
    void notesThatLookIdentifyingAreRefusedUntilConfirmed() {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        NoteForm phone = new NoteForm(null, NoteKind.INTERVIEW, null, List.of(FindingCode.NEEDS), "Needs food",
                "Call me on 0300 1234567", false);
        assertThatThrownBy(() -> assessmentFindings.addNote(peer, assessment.id(), phone)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).problems()).anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo("quote");
                    assertThat(p.messageKey()).isEqualTo("rar.error.identifying");
                }));
        assertThatThrownBy(() -> assessmentFindings.addNote(peer, assessment.id(), new NoteForm(null, NoteKind.INTERVIEW, null,
                List.of(FindingCode.NEEDS), "My name is Ali and I sleep here", null, false))).isInstanceOf(InvalidInput.class);
        assertThat(assessmentFindings.addNote(peer, assessment.id(), new NoteForm(null, NoteKind.INTERVIEW, null, List.of(FindingCode.NEEDS),
                "Needs food", "Room 1234567 at the shelter", true)).quote()).contains("1234567");
    }

    @Test
    void aSurveyExportWithOneBadRowImportsNothingUnlessGoodRowsAreChosen() {
        String csv = """
                start,hotspot_name,gps,district,drugs_seen
                2026-02-01,Lyari nullah,24.871 66.998 5 6,Lyari,heroin methamphetamine
                2026-02-01,Saddar bus stand,not a place,Saddar,heroin
                2026-02-02,Kemari wall,24.82 66.98 3 90,Kemari,glue-sniffing
                2026-02-03,Orangi hill,24.95 66.99 0 4,Orangi,cannabis
                """;
        FieldUpload upload = exchange.upload(manager, assessment.id(), "kobo.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(upload.guessedMapping()).containsEntry("name", "hotspot_name").containsEntry("gps", "gps")
                .containsEntry("district", "district").containsEntry("drugs", "drugs_seen");

        ImportResult strict = exchange.importRows(manager, assessment.id(), upload.id(), upload.guessedMapping(), false);
        assertThat(strict.imported()).isZero();
        assertThat(strict.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.messageKey())
                .containsExactly("3 gps rar.import.error.gps", "4 drugs_seen rar.error.drug");
        assertThat(rar.hotspots(manager, assessment.id())).isEmpty();

        ImportResult lenient = exchange.importRows(manager, assessment.id(), upload.id(), upload.guessedMapping(), true);
        assertThat(lenient.imported()).isEqualTo(2);
        assertThat(rar.hotspots(manager, assessment.id())).extracting(Hotspot::name)
                .containsExactlyInAnyOrder("Lyari nullah", "Orangi hill");
        assertThat(rar.hotspots(manager, assessment.id())).filteredOn(h -> h.name().equals("Lyari nullah")).singleElement()
                .satisfies(h -> {
                    assertThat(h.latitude()).isEqualTo(24.871);
                    assertThat(h.gpsAccuracy()).isEqualTo(6.0);
                    assertThat(h.drugs()).containsExactly("HEROIN", "METHAMPHETAMINE");
                });
    }

    @Test
    void geoJsonRoundTripsAndTheReportSuppressesSmallNumbersInTheReadersLanguage() throws Exception {
        Hotspot small = hotspot("Tiny corner", 24.85, 67.02);
        populationSizes.addVisit(manager, small.id(), new VisitForm(LocalDate.of(2026, 2, 10), null, 3, 0, 3, 0, 0, 0));
        String geojson = exchange.exportGeoJson(manager, assessment.id());
        assertThat(geojson).contains("\"FeatureCollection\"").contains("[67.02,24.85]").contains("\"estimate\":3");

        Assessment copy = rar.createAssessment(manager, new AssessmentForm(world.home.id(), "Copy", "Karachi", null, null,
                null, null, AssessmentStatus.PLANNING));
        List<Hotspot> imported = exchange.importGeoJson(manager, copy.id(), geojson);
        assertThat(imported).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("Tiny corner");
            assertThat(h.latitude()).isEqualTo(24.85);
            assertThat(h.useType()).isEqualTo(UseType.MIXED);
        });

        byte[] pdf = reports.pdf(manager, assessment.id(), Locale.forLanguageTag("nl"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        byte[] urdu = reports.pdf(manager, assessment.id(), Locale.forLanguageTag("ur"));
        assertThat(new String(urdu, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        if (new java.io.File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").canRead()) {
            // Amiri where installed (DejaVu Sans lacks two common Urdu letters), else DejaVu Sans.
            boolean amiri = new java.io.File("/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf").canRead();
            assertThat(new String(urdu, StandardCharsets.ISO_8859_1)).as("a font with Arabic glyphs is embedded")
                    .contains(amiri ? "Amiri" : "DejaVuSans");
        }
        byte[] xlsx = reports.xlsx(manager, assessment.id(), Locale.forLanguageTag("nl"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet hotspots = workbook.getSheetAt(0);
            assertThat(workbook.getSheetName(0)).isEqualTo("Hotspots");
            assertThat(workbook.getSheetName(1)).isEqualTo("Schattingen per district");
            Row first = hotspots.getRow(1);
            DataFormatter cells = new DataFormatter();
            assertThat(cells.formatCellValue(first.getCell(0))).isEqualTo("Tiny corner");
            assertThat(cells.formatCellValue(first.getCell(6))).isEqualTo("<5 (<5–<5)");
            assertThat(cells.formatCellValue(first.getCell(7))).isEqualTo("Directe tellingen");
        }
        mvc.perform(get("/rar/{id}/report.pdf", assessment.id()).with(user(world.user(Role.COORDINATOR))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType(MediaType.APPLICATION_PDF));
    }

    @Test
    void theImportPagesMapColumnsAndReportEveryBadRowWithItsLine() throws Exception {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        String csv = "hotspot,_gps_latitude,_gps_longitude,_gps_precision\n"
                + "Korangi crossing,24.835,67.135,7\n"
                + "Landhi railway,north,67.2,5\n";
        String mapping = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/rar/{id}/import", assessment.id())
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "odk.csv", "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .with(user(peer)).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mapping).contains("<option value=\"_gps_latitude\" selected=\"selected\">_gps_latitude</option>");
        String upload = mapping.replaceAll("(?s).*action=\"/rar/\\d+/import/([0-9a-f-]+)\".*", "$1");

        String location = mvc.perform(post("/rar/{id}/import/{upload}", assessment.id(), upload).with(user(peer))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("map_name", "hotspot").param("map_latitude", "_gps_latitude")
                        .param("map_longitude", "_gps_longitude").param("map_gpsAccuracy", "_gps_precision"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String result = "";
        for (int attempt = 0; attempt < 50 && !result.contains("import-summary"); attempt++) {
            Thread.sleep(100);
            result = mvc.perform(get(location).with(user(peer))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
        }
        assertThat(result).contains("0 of 2 rows imported").contains("<td>3</td>").contains("_gps_latitude")
                .contains("Not a number: north.");
        assertThat(rar.hotspots(peer, assessment.id())).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesAssessmentsHotspotsEstimatesAndGaps() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(docs).contains("\"/api/rar/assessments\"", "\"/api/rar/assessments/{id}/hotspots\"",
                "\"/api/rar/hotspots/{id}\"", "\"/api/rar/assessments/{id}/estimates\"", "\"/api/rar/assessments/{id}/gaps\"",
                "Rapid assessment");
    }

    private Hotspot hotspot(String name, double lat, double lon) {
        return rar.createHotspot(manager, assessment.id(), new HotspotForm(name, name.split(" ")[0], lat, lon, 5.0, null,
                Typology.STREET, UseType.MIXED, List.of("HEROIN"), List.of(), List.of(), List.of(), false, false, false));
    }
}
