package org.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.accounts.TokenRequest;
import org.reach.accounts.UserAccount;
import org.reach.audit.AuditFilter;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientImportWork;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Gender;
import org.reach.clients.ImportReport;
import org.reach.clients.KeyPopulation;
import org.reach.followup.Detentions;
import org.reach.followup.FollowUpFixture;
import org.reach.followup.Transfers;
import org.reach.indicators.ExportFormat;
import org.reach.indicators.FullIndicatorExport;
import org.reach.indicators.IndicatorScope;
import org.reach.indicators.Indicators;
import org.reach.indicators.Period;
import org.reach.infections.InfectionForm;
import org.reach.infections.InfectionKind;
import org.reach.infections.InfectionRecord;
import org.reach.infections.Infections;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.organisations.Site;
import org.reach.partners.ActionForm;
import org.reach.partners.ActionPlans;
import org.reach.partners.ActionSource;
import org.reach.partners.Assessment;
import org.reach.partners.AssessmentForm;
import org.reach.partners.AssessmentFramework;
import org.reach.partners.AssessmentKind;
import org.reach.partners.PartnerAction;
import org.reach.partners.PartnerAssessments;
import org.reach.partners.ScoreEntry;
import org.reach.partners.ScoresForm;
import org.reach.outreach.AgeBand;
import org.reach.outreach.ContactCount;
import org.reach.outreach.OutreachSessionForm;
import org.reach.outreach.Microplans;
import org.reach.outreach.OutreachSessions;
import org.reach.outreach.PlanForm;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.rar.FindingCode;
import org.reach.rar.GatheringReason;
import org.reach.rar.Hotspot;
import org.reach.rar.HotspotExchange;
import org.reach.rar.HotspotForm;
import org.reach.rar.ImportResult;
import org.reach.rar.NoteForm;
import org.reach.rar.NoteKind;
import org.reach.rar.Priority;
import org.reach.rar.PopulationSizes;
import org.reach.rar.AssessmentFindings;
import org.reach.rar.RapidAssessments;
import org.reach.rar.Recommendation;
import org.reach.rar.RecommendationForm;
import org.reach.rar.RecommendationStatus;
import org.reach.rar.TimeOfDay;
import org.reach.rar.Typology;
import org.reach.rar.UseType;
import org.reach.rar.VisitForm;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.reach.services.Encounters;
import org.reach.services.Referrals;
import org.reach.services.ServiceCatalogue;
import org.reach.services.ServicesFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every page and API endpoint Reach has, for every role, against the person's own organisation
 * and against a foreign organisation in another programme. A new endpoint without an entry here fails
 * the test, so nobody can add one without deciding who may use it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EveryEndpointRespectsRolesAndOrganisationsTest {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> ORGANISATION_EDITORS = EnumSet.of(Role.ADMIN, Role.ORG_MANAGER);
    private static final Set<Role> SITE_EDITORS = EnumSet.of(Role.ADMIN, Role.ORG_MANAGER, Role.SITE_MANAGER);
    private static final Set<Role> ACCOUNT_MANAGERS = EnumSet.of(Role.ADMIN, Role.ORG_MANAGER, Role.SITE_MANAGER);
    private static final Set<Role> AUDITORS = EnumSet.of(Role.ADMIN, Role.ORG_MANAGER);
    /** Who looked at a client is client-level: the manager of the client's organisation only, never an administrator. */
    private static final Set<Role> CLIENT_ACCESS_READERS = EnumSet.of(Role.ORG_MANAGER);
    private static final Set<Role> RAR_MANAGERS = EnumSet.of(Role.ADMIN, Role.ORG_MANAGER, Role.ME_OFFICER);
    private static final Set<Role> RAR_FIELD_TEAM = EnumSet.of(Role.ADMIN, Role.ORG_MANAGER, Role.SITE_MANAGER,
            Role.ME_OFFICER, Role.OUTREACH_WORKER);
    private static final Set<Role> ORGANISATION_MEMBERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.ME_OFFICER,
            Role.OUTREACH_WORKER, Role.PROTECTION_OFFICER);
    /** A rapid assessment is read by its organisation's field team and the programme; a protection focal person alone is not on the team. */
    private static final Set<Role> RAR_READERS = EnumSet.complementOf(EnumSet.of(Role.PROTECTION_OFFICER));
    private static final Set<Role> SERVICE_MANAGERS = EnumSet.of(Role.ORG_MANAGER);
    private static final Set<Role> INDICATOR_VIEWERS = EnumSet.of(Role.ADMIN, Role.COORDINATOR, Role.ORG_MANAGER,
            Role.SITE_MANAGER, Role.ME_OFFICER);
    private static final Set<Role> INDICATOR_EDITORS = EnumSet.of(Role.ORG_MANAGER, Role.ME_OFFICER);
    private static final Set<Role> RECORDERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.OUTREACH_WORKER);
    private static final Set<Role> FOLLOW_UP_WORKERS = RECORDERS;
    private static final Set<Role> FOLLOW_UP_MANAGERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER);
    private static final Set<Role> CONTACT_RHYTHM_MANAGERS = EnumSet.of(Role.ORG_MANAGER);
    private static final Set<Role> DIRECTORY_READERS = EnumSet.of(Role.COORDINATOR, Role.ORG_MANAGER, Role.SITE_MANAGER,
            Role.ME_OFFICER, Role.OUTREACH_WORKER, Role.PROTECTION_OFFICER);
    /** Drug reports are read by those who work with clients (ReachUser.readsClientWork), not by a protection officer alone. */
    private static final Set<Role> DRUG_REPORT_READERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.ME_OFFICER,
            Role.OUTREACH_WORKER);
    private static final Set<Role> ALERT_MANAGERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER);
    private static final Set<Role> COORDINATORS = EnumSet.of(Role.COORDINATOR);

    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;
    @Autowired BackgroundJobs jobs;
    @Autowired RapidAssessments rar;

    @Autowired
    PopulationSizes populationSizes;

    @Autowired
    AssessmentFindings assessmentFindings;
    @Autowired HotspotExchange exchange;
    @Autowired ClientRegistry clients;
    @Autowired org.reach.clients.ClientMerges clientMerges;
    @Autowired ServiceCatalogue catalogue;
    @Autowired Encounters encounters;
    @Autowired Referrals referrals;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired AssessmentFramework partnerFramework;
    @Autowired PartnerAssessments partnerAssessments;
    @Autowired ActionPlans partnerActions;
    @Autowired Indicators indicators;
    @Autowired FullIndicatorExport fullExport;
    @Autowired org.reach.safety.Overdoses overdoses;
    @Autowired org.reach.safety.Deaths deaths;
    @Autowired Detentions detentions;
    @Autowired Transfers transfers;
    @Autowired Infections infections;
    @Autowired org.reach.rights.ViolenceReports violenceReports;
    @Autowired OutreachSessions outreachSessions;
    @Autowired Microplans microplans;
    @Autowired org.reach.earlywarning.EarlyWarning earlyWarning;
    @Autowired org.reach.earlywarning.store.EarlyWarningStore earlyWarningStore;
    @Autowired org.reach.field.FieldDevices fieldDevices;
    @Autowired org.reach.field.FieldConflicts fieldConflicts;

    private ProgrammeFixture world;
    private long foreignWaitingReset;
    private ServicesFixture services;
    private org.reach.safety.SafetyFixture safety;
    private FollowUpFixture followUp;
    private org.reach.earlywarning.EarlyWarningFixture drugs;
    private org.reach.rar.Assessment rarHomeAssessment;
    private org.reach.rar.Assessment rarForeignAssessment;
    private Hotspot homeHotspot;
    private Hotspot foreignHotspot;
    private Recommendation homeRecommendation;
    private Recommendation foreignRecommendation;
    private final AtomicInteger counter = new AtomicInteger();
    private String foreignExport;
    private InfectionRecord homeInfection;
    private InfectionRecord foreignInfection;
    private long homeOutreachSession;
    private long foreignOutreachSession;
    private long foreignPlanEntry;

    /** One endpoint: who may use it on their own organisation, and how to call it on each organisation. */
    record Endpoint(String key, Set<Role> allowed, Function<Call, ? extends RequestBuilder> own,
                    Function<Call, ? extends RequestBuilder> foreign) {
    }

    /** What a request is built from: the caller and the fixture. */
    record Call(Role role, ReachUser user, String token, ProgrammeFixture world, int n, ApiTokens tokens) {
    }

    private long foreignOwnIndicator;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        foreignWaitingReset = waitingReset(world.foreignPeer.id(), signIn.reload(world.foreignManager.id()).orElseThrow());
        buildPartners();
        buildRapidAssessments();
        services = new ServicesFixture(world, signIn, clients, catalogue, encounters, referrals, clock);
        foreignOwnIndicator = defineOwnIndicator(signIn.reload(world.foreignManager.id()).orElseThrow());
        safety = new org.reach.safety.SafetyFixture(world, signIn, clients, rar, overdoses, deaths);
        followUp = new FollowUpFixture(world, directory, accounts, signIn, clients, detentions, transfers);
        homeInfection = infections.record(world.user(Role.ORG_MANAGER), new InfectionForm(UUID.randomUUID().toString(),
                services.homeClient.id(), null, InfectionKind.TB_SCREENING, LocalDate.now(ZoneOffset.UTC), "NEGATIVE",
                null, null, null, null, null, null)).record();
        foreignInfection = infections.record(signIn.reload(world.foreignPeer.id()).orElseThrow(), new InfectionForm(
                UUID.randomUUID().toString(), services.foreignClient.id(), null, InfectionKind.TB_SCREENING,
                LocalDate.now(ZoneOffset.UTC), "POSITIVE", null, null, null, null, null, "Notes " + world.marker)).record();
        foreignViolenceReport(); // before the foreign organisation's audit log is counted
        homeOutreachSession = outreachSessions.record(world.user(Role.ORG_MANAGER), outreachSession(world.homeSite.id()))
                .session().id();
        foreignOutreachSession = outreachSessions.record(signIn.reload(world.foreignPeer.id()).orElseThrow(),
                outreachSession(world.foreignSite.id())).session().id();
        foreignPlanEntry = microplans.assign(signIn.reload(world.foreignManager.id()).orElseThrow(), new PlanForm(
                world.foreignSite.id(), world.foreignPeer.id(), foreignHotspot.id(), java.time.DayOfWeek.MONDAY)).id();
        drugs = new org.reach.earlywarning.EarlyWarningFixture(world, signIn, earlyWarning, earlyWarningStore);
        ReachUser foreignPeerUser = signIn.reload(world.foreignPeer.id()).orElseThrow();
        foreignDevice = fieldDevices.enrol(foreignPeerUser, "Phone " + world.marker).device().id();
        foreignConflict = conflict(foreignPeerUser, world.foreignSite.id());
    }

    private long foreignDevice;
    private long foreignConflict;

    /** A plan entry of the home organisation to remove (made again after each removal). */
    private long homePlanEntry() {
        return microplans.assign(world.user(Role.ORG_MANAGER), new PlanForm(world.homeSite.id(),
                world.user(Role.OUTREACH_WORKER).id(), homeHotspot.id(), java.time.DayOfWeek.SUNDAY)).id();
    }

    private String planJson(long siteId, long peerId, long hotspotId) {
        return "{\"siteId\":" + siteId + ",\"peerId\":" + peerId + ",\"hotspotId\":" + hotspotId
                + ",\"weekday\":\"TUESDAY\"}";
    }

    private OutreachSessionForm outreachSession(long siteId) {
        return new OutreachSessionForm(java.util.UUID.randomUUID().toString(), siteId, null, null,
                LocalDate.now(ZoneOffset.UTC), java.time.LocalTime.of(10, 0), java.time.LocalTime.of(12, 0), List.of(),
                List.of(new ContactCount(Gender.MALE, AgeBand.FROM_25_TO_34, 3)), List.of(), 10, 5, 0, 0, 0, null, null, 0,
                List.of(), "test");
    }

    private static String outreachSessionJson(long siteId) {
        return "{\"uuid\":\"" + java.util.UUID.randomUUID() + "\",\"siteId\":" + siteId + ",\"date\":\""
                + LocalDate.now(ZoneOffset.UTC) + "\",\"start\":\"09:00\",\"end\":\"10:00\","
                + "\"contacts\":[{\"sex\":\"FEMALE\",\"ageBand\":\"FROM_18_TO_24\",\"people\":2}],\"condoms\":4}";
    }

    private static String stockJson(long siteId) {
        return "{\"siteId\":" + siteId + ",\"item\":\"CONDOMS\",\"kind\":\"RECEIPT\",\"quantity\":100}";
    }

    @Test
    void everyEndpointIsListedHere() {
        Set<String> declared = new TreeSet<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("org.reach")) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                info.getMethodsCondition().getMethods().forEach(method -> declared.add(method.name() + " " + pattern));
            }
        }
        Set<String> listed = new TreeSet<>(endpoints().stream().map(Endpoint::key).toList());
        assertThat(listed).as("endpoints in the authorization walk").containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void eachRoleReachesExactlyWhatItMayInItsOwnOrganisation() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Endpoint endpoint : endpoints()) {
                MockHttpServletResponse response = mvc.perform(endpoint.own().apply(call(role))).andReturn().getResponse();
                int status = response.getStatus();
                boolean allowed = status < 400;
                if (allowed != endpoint.allowed().contains(role)) {
                    failures.add(role + " " + endpoint.key() + " -> " + status + " " + response.getContentAsString());
                }
                if (role != Role.ADMIN && response.getContentAsString().toLowerCase().contains(world.marker.toLowerCase())) {
                    failures.add(role + " " + endpoint.key() + " leaked a foreign record");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void noRoleOfOneOrganisationReadsOrChangesAnother() throws Exception {
        Organisation foreignBefore = directory.organisation(ReachUser.system(), world.foreign.id());
        Site foreignSiteBefore = directory.site(ReachUser.system(), world.foreignSite.id());
        UserAccount foreignPeerBefore = accounts.account(ReachUser.system(), world.foreignPeer.id());
        foreignExportJob();
        long foreignAuditBefore = audit.search(ReachUser.system(), organisationFilter(), 0, 1).total();
        int foreignSitesBefore = directory.sites(ReachUser.system(), world.foreign.id()).size();
        long foreignAccountsBefore = foreignAccounts();

        List<String> failures = new ArrayList<>();
        java.util.regex.Pattern foreignOrganisationField = java.util.regex.Pattern.compile(
                "\"organisationId\"\\s*:\\s*" + world.foreign.id() + "(?![0-9])");
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.ADMIN))) {
            for (Endpoint endpoint : endpoints()) {
                if (endpoint.foreign() == null) {
                    continue;
                }
                MockHttpServletResponse response = mvc.perform(endpoint.foreign().apply(call(role))).andReturn().getResponse();
                int status = response.getStatus();
                String body = response.getContentAsString();
                boolean isRead = endpoint.key().startsWith("GET");
                boolean rejectedForm = !isRead && !endpoint.key().contains("/api/") && status == 200
                        && body.contains("class=\"error\"");
                boolean refused = status == 403 || status == 404 || (!isRead && status == 400) || rejectedForm;
                boolean emptyList = isRead && status == 200;
                if (!refused && !emptyList) {
                    failures.add(role + " " + endpoint.key() + " on foreign organisation -> " + status + " " + body);
                }
                if (body.toLowerCase().contains(world.marker.toLowerCase())) {
                    failures.add(role + " " + endpoint.key() + " leaked a foreign record: " + body);
                }
                // records without the marker (codes, counts, ids) still name their organisation when they are JSON
                if (isRead && status == 200 && foreignOrganisationField.matcher(body).find()) {
                    failures.add(role + " " + endpoint.key() + " answered with a record of the foreign organisation: " + body);
                }
            }
        }
        assertThat(failures).isEmpty();

        assertThat(directory.organisation(ReachUser.system(), world.foreign.id())).isEqualTo(foreignBefore);
        assertThat(directory.site(ReachUser.system(), world.foreignSite.id())).isEqualTo(foreignSiteBefore);
        assertThat(accounts.account(ReachUser.system(), world.foreignPeer.id())).isEqualTo(foreignPeerBefore);
        assertThat(directory.sites(ReachUser.system(), world.foreign.id())).hasSize(foreignSitesBefore);
        assertThat(foreignAccounts()).isEqualTo(foreignAccountsBefore);
        assertThat(audit.search(ReachUser.system(), organisationFilter(), 0, 1).total())
                .as("no write reached the foreign organisation").isEqualTo(foreignAuditBefore);
    }

    private long foreignAccounts() {
        return accounts.list(ReachUser.system()).stream()
                .filter(a -> a.organisationId() != null && a.organisationId() == world.foreign.id()).count();
    }

    private AuditFilter organisationFilter() {
        return new AuditFilter(null, null, null, null, null, null, world.foreign.id());
    }

    private Call call(Role role) {
        return new Call(role, world.user(role), world.token(role), world, counter.incrementAndGet(), tokens);
    }

    // ---- the table

    private List<Endpoint> endpoints() {
        ProgrammeFixture w = world;
        List<Endpoint> all = new ArrayList<>();

        // API: programmes
        all.add(new Endpoint("GET /api/programmes", ALL, c -> api(get("/api/programmes"), c), c -> api(get("/api/programmes"), c)));
        all.add(new Endpoint("GET /api/programmes/{id}", ALL,
                c -> api(get("/api/programmes/{id}", w.homeProgramme.id()), c),
                c -> api(get("/api/programmes/{id}", w.foreignProgramme.id()), c)));
        all.add(new Endpoint("POST /api/programmes", ADMIN,
                c -> json(api(post("/api/programmes"), c), programme("New programme " + c.n())), null));
        all.add(new Endpoint("PUT /api/programmes/{id}", ADMIN,
                c -> json(api(put("/api/programmes/{id}", w.homeProgramme.id()), c), programme(w.homeProgramme.name())),
                c -> json(api(put("/api/programmes/{id}", w.foreignProgramme.id()), c), programme("Taken over " + c.n()))));
        all.add(new Endpoint("POST /api/programmes/{id}/deactivate", ADMIN,
                c -> api(post("/api/programmes/{id}/deactivate", w.homeProgramme.id()), c),
                c -> api(post("/api/programmes/{id}/deactivate", w.foreignProgramme.id()), c)));
        all.add(new Endpoint("POST /api/programmes/{id}/activate", ADMIN,
                c -> api(post("/api/programmes/{id}/activate", w.homeProgramme.id()), c),
                c -> api(post("/api/programmes/{id}/activate", w.foreignProgramme.id()), c)));

        // API: organisations
        all.add(new Endpoint("GET /api/organisations", ALL, c -> api(get("/api/organisations"), c),
                c -> api(get("/api/organisations"), c)));
        all.add(new Endpoint("GET /api/organisations/{id}", ALL,
                c -> api(get("/api/organisations/{id}", w.home.id()), c),
                c -> api(get("/api/organisations/{id}", w.foreign.id()), c)));
        all.add(new Endpoint("POST /api/organisations", ADMIN,
                c -> json(api(post("/api/organisations"), c), organisation("New org " + c.n(), w.homeProgramme.id())), null));
        all.add(new Endpoint("PUT /api/organisations/{id}", ORGANISATION_EDITORS,
                c -> json(api(put("/api/organisations/{id}", w.home.id()), c), organisation(w.home.name(), w.homeProgramme.id())),
                c -> json(api(put("/api/organisations/{id}", w.foreign.id()), c), organisation("Taken " + c.n(), null))));
        all.add(new Endpoint("GET /api/organisations/{id}/map-background", ALL,
                c -> api(get("/api/organisations/{id}/map-background", w.home.id()), c),
                c -> api(get("/api/organisations/{id}/map-background", w.foreign.id()), c)));
        all.add(new Endpoint("PUT /api/organisations/{id}/map-background", ORGANISATION_EDITORS,
                c -> json(api(put("/api/organisations/{id}/map-background", w.home.id()), c), "{\"kind\":\"NATURAL_EARTH\"}"),
                c -> json(api(put("/api/organisations/{id}/map-background", w.foreign.id()), c), "{\"kind\":\"NATURAL_EARTH\"}")));
        all.add(new Endpoint("PUT /api/organisations/{id}/map-background/pmtiles", ORGANISATION_EDITORS,
                c -> api(put("/api/organisations/{id}/map-background/pmtiles", w.home.id()), c)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(cityTiles()),
                c -> api(put("/api/organisations/{id}/map-background/pmtiles", w.foreign.id()), c)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(cityTiles())));
        all.add(new Endpoint("POST /api/organisations/{id}/deactivate", ADMIN,
                c -> api(post("/api/organisations/{id}/deactivate", w.home.id()), c),
                c -> api(post("/api/organisations/{id}/deactivate", w.foreign.id()), c)));
        all.add(new Endpoint("POST /api/organisations/{id}/activate", ADMIN,
                c -> api(post("/api/organisations/{id}/activate", w.home.id()), c),
                c -> api(post("/api/organisations/{id}/activate", w.foreign.id()), c)));

        // API: sites
        all.add(new Endpoint("GET /api/sites", ALL, c -> api(get("/api/sites"), c),
                c -> api(get("/api/sites").param("organisationId", String.valueOf(w.foreign.id())), c)));
        all.add(new Endpoint("GET /api/sites/{id}", ALL,
                c -> api(get("/api/sites/{id}", w.homeSite.id()), c),
                c -> api(get("/api/sites/{id}", w.foreignSite.id()), c)));
        all.add(new Endpoint("POST /api/sites", ORGANISATION_EDITORS,
                c -> json(api(post("/api/sites"), c), site(w.home.id(), "New site " + c.n())),
                c -> json(api(post("/api/sites"), c), site(w.foreign.id(), "Planted " + c.n()))));
        all.add(new Endpoint("PUT /api/sites/{id}", SITE_EDITORS,
                c -> json(api(put("/api/sites/{id}", w.homeSite.id()), c), site(w.home.id(), w.homeSite.name())),
                c -> json(api(put("/api/sites/{id}", w.foreignSite.id()), c), site(w.foreign.id(), "Renamed " + c.n()))));
        all.add(new Endpoint("POST /api/sites/{id}/deactivate", ORGANISATION_EDITORS,
                c -> api(post("/api/sites/{id}/deactivate", w.homeOtherSite.id()), c),
                c -> api(post("/api/sites/{id}/deactivate", w.foreignSite.id()), c)));
        all.add(new Endpoint("POST /api/sites/{id}/activate", ORGANISATION_EDITORS,
                c -> api(post("/api/sites/{id}/activate", w.homeOtherSite.id()), c),
                c -> api(post("/api/sites/{id}/activate", w.foreignSite.id()), c)));

        // API: the caller's own account and tokens
        all.add(new Endpoint("GET /api/me", ALL, c -> api(get("/api/me"), c), null));
        all.add(new Endpoint("GET /api/me/tokens", ALL, c -> api(get("/api/me/tokens"), c), null));
        all.add(new Endpoint("POST /api/me/tokens", ALL,
                c -> json(api(post("/api/me/tokens"), c), "{\"name\":\"script " + c.n() + "\",\"validForDays\":7}"), null));
        all.add(new Endpoint("DELETE /api/me/tokens/{id}", ALL,
                c -> api(delete("/api/me/tokens/{id}", c.tokens().issue(c.user(), new TokenRequest("t", 1)).token().id()), c),
                c -> api(delete("/api/me/tokens/{id}", foreignTokenId()), c)));

        // API: accounts
        all.add(new Endpoint("GET /api/accounts", ACCOUNT_MANAGERS, c -> api(get("/api/accounts"), c), c -> api(get("/api/accounts"), c)));
        all.add(new Endpoint("GET /api/accounts/{id}", ACCOUNT_MANAGERS,
                c -> api(get("/api/accounts/{id}", w.homePeer2.id()), c),
                c -> api(get("/api/accounts/{id}", w.foreignPeer.id()), c)));
        all.add(new Endpoint("POST /api/accounts", ACCOUNT_MANAGERS,
                c -> json(api(post("/api/accounts"), c), account("fxnew" + c.n() + w.marker.toLowerCase().substring(7), w.home.id(), w.homeSite.id())),
                c -> json(api(post("/api/accounts"), c), account("planted" + c.n() + "x", w.foreign.id(), w.foreignSite.id()))));
        all.add(new Endpoint("PUT /api/accounts/{id}", ACCOUNT_MANAGERS,
                c -> json(api(put("/api/accounts/{id}", w.homePeer2.id()), c), account(w.homePeer2.username(), w.home.id(), w.homeSite.id())),
                c -> json(api(put("/api/accounts/{id}", w.foreignPeer.id()), c), account(w.foreignPeer.username(), w.home.id(), w.homeSite.id()))));
        for (String action : List.of("reset-password", "unlock", "deactivate", "activate")) {
            all.add(new Endpoint("POST /api/accounts/{id}/" + action, ACCOUNT_MANAGERS,
                    c -> api(post("/api/accounts/{id}/" + action, w.homePeer2.id()), c),
                    c -> api(post("/api/accounts/{id}/" + action, w.foreignPeer.id()), c)));
        }

        // API: audit
        all.add(new Endpoint("GET /api/audit", AUDITORS, c -> api(get("/api/audit"), c),
                c -> api(get("/api/audit").param("entityType", "site").param("entityId", String.valueOf(w.foreignSite.id())), c)));
        all.add(new Endpoint("GET /api/audit/clients/{id}", CLIENT_ACCESS_READERS,
                c -> api(get("/api/audit/clients/{id}", homeClient.id()), c),
                c -> api(get("/api/audit/clients/{id}", foreignClient.id()), c)));

        // Background jobs: a person sees only their own
        all.add(new Endpoint("GET /api/jobs/{id}", ALL, c -> api(get("/api/jobs/{id}", ownJob(c)), c),
                c -> api(get("/api/jobs/{id}", foreignJob()), c)));
        all.add(new Endpoint("GET /jobs/{id}", ALL, c -> page(get("/jobs/{id}", ownJob(c)), c),
                c -> page(get("/jobs/{id}", foreignJob()), c)));

        // Pages
        all.add(new Endpoint("GET /", ALL, c -> page(get("/"), c), null));
        all.add(new Endpoint("GET /login", ALL, c -> page(get("/login"), c), null));
        all.add(new Endpoint("GET /programmes", ALL, c -> page(get("/programmes"), c), c -> page(get("/programmes"), c)));
        all.add(new Endpoint("GET /programmes/new", ADMIN, c -> page(get("/programmes/new"), c), null));
        all.add(new Endpoint("POST /programmes/new", ADMIN,
                c -> page(post("/programmes/new").param("name", "Page programme " + c.n()).param("description", "d"), c), null));
        all.add(new Endpoint("GET /programmes/{id}/edit", ADMIN,
                c -> page(get("/programmes/{id}/edit", w.homeProgramme.id()), c),
                c -> page(get("/programmes/{id}/edit", w.foreignProgramme.id()), c)));
        all.add(new Endpoint("POST /programmes/{id}/edit", ADMIN,
                c -> page(post("/programmes/{id}/edit", w.homeProgramme.id()).param("name", w.homeProgramme.name()).param("description", "home"), c),
                c -> page(post("/programmes/{id}/edit", w.foreignProgramme.id()).param("name", "Taken " + c.n()), c)));
        for (String action : List.of("deactivate", "activate")) {
            all.add(new Endpoint("POST /programmes/{id}/" + action, ADMIN,
                    c -> page(post("/programmes/{id}/" + action, w.homeProgramme.id()), c),
                    c -> page(post("/programmes/{id}/" + action, w.foreignProgramme.id()), c)));
        }
        all.add(new Endpoint("GET /organisations", ALL, c -> page(get("/organisations"), c), c -> page(get("/organisations"), c)));
        all.add(new Endpoint("GET /organisations/{id}", ALL,
                c -> page(get("/organisations/{id}", w.home.id()), c),
                c -> page(get("/organisations/{id}", w.foreign.id()), c)));
        all.add(new Endpoint("GET /organisations/new", ADMIN, c -> page(get("/organisations/new"), c), null));
        all.add(new Endpoint("POST /organisations/new", ADMIN,
                c -> page(post("/organisations/new").param("name", "Page org " + c.n()).param("countryCode", "PK")
                        .param("languages", "ur, en"), c), null));
        all.add(new Endpoint("GET /organisations/{id}/edit", ORGANISATION_EDITORS,
                c -> page(get("/organisations/{id}/edit", w.home.id()), c),
                c -> page(get("/organisations/{id}/edit", w.foreign.id()), c)));
        all.add(new Endpoint("POST /organisations/{id}/edit", ORGANISATION_EDITORS,
                c -> page(post("/organisations/{id}/edit", w.home.id()).param("name", w.home.name()).param("countryCode", "PK")
                        .param("languages", "ur, en").param("programmeId", String.valueOf(w.homeProgramme.id())), c),
                c -> page(post("/organisations/{id}/edit", w.foreign.id()).param("name", "Taken " + c.n())
                        .param("countryCode", "KE").param("languages", "sw"), c)));
        for (String action : List.of("deactivate", "activate")) {
            all.add(new Endpoint("POST /organisations/{id}/" + action, ADMIN,
                    c -> page(post("/organisations/{id}/" + action, w.home.id()), c),
                    c -> page(post("/organisations/{id}/" + action, w.foreign.id()), c)));
        }
        // A map background shows places, never clients: the organisation, its programme and administrators see it (a
        // missing tile answers 204); the organisation's manager and administrators change it.
        all.add(new Endpoint("GET /organisations/{id}/map", ORGANISATION_EDITORS,
                c -> page(get("/organisations/{id}/map", w.home.id()), c),
                c -> page(get("/organisations/{id}/map", w.foreign.id()), c)));
        all.add(new Endpoint("POST /organisations/{id}/map", ORGANISATION_EDITORS,
                c -> page(post("/organisations/{id}/map", w.home.id()).param("kind", "NATURAL_EARTH"), c),
                c -> page(post("/organisations/{id}/map", w.foreign.id()).param("kind", "NATURAL_EARTH"), c)));
        all.add(new Endpoint("POST /organisations/{id}/map/pmtiles", ORGANISATION_EDITORS,
                c -> page(post("/organisations/{id}/map/pmtiles", w.home.id()).contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(cityTiles()), c),
                c -> page(post("/organisations/{id}/map/pmtiles", w.foreign.id()).contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(cityTiles()), c)));
        all.add(new Endpoint("GET /map/background", ALL, c -> page(get("/map/background"), c),
                c -> page(get("/map/background"), c)));
        all.add(new Endpoint("GET /map/tiles/{organisationId}/{z}/{x}/{y}", ALL,
                c -> page(get("/map/tiles/{o}/0/0/0", w.home.id()), c),
                c -> page(get("/map/tiles/{o}/0/0/0", w.foreign.id()), c)));
        all.add(new Endpoint("GET /sites", ALL, c -> page(get("/sites"), c),
                c -> page(get("/sites").param("organisation", String.valueOf(w.foreign.id())), c)));
        all.add(new Endpoint("GET /sites/new", ORGANISATION_EDITORS,
                c -> page(get("/sites/new").param("organisation", String.valueOf(w.home.id())), c),
                c -> page(get("/sites/new").param("organisation", String.valueOf(w.foreign.id())), c)));
        all.add(new Endpoint("POST /sites/new", ORGANISATION_EDITORS,
                c -> page(siteForm(post("/sites/new"), w.home.id(), "Page site " + c.n()), c),
                c -> page(siteForm(post("/sites/new"), w.foreign.id(), "Planted " + c.n()), c)));
        all.add(new Endpoint("GET /sites/{id}/edit", SITE_EDITORS,
                c -> page(get("/sites/{id}/edit", w.homeSite.id()), c),
                c -> page(get("/sites/{id}/edit", w.foreignSite.id()), c)));
        all.add(new Endpoint("POST /sites/{id}/edit", SITE_EDITORS,
                c -> page(siteForm(post("/sites/{id}/edit", w.homeSite.id()), w.home.id(), w.homeSite.name()), c),
                c -> page(siteForm(post("/sites/{id}/edit", w.foreignSite.id()), w.foreign.id(), "Renamed " + c.n()), c)));
        for (String action : List.of("deactivate", "activate")) {
            all.add(new Endpoint("POST /sites/{id}/" + action, ORGANISATION_EDITORS,
                    c -> page(post("/sites/{id}/" + action, w.homeOtherSite.id()), c),
                    c -> page(post("/sites/{id}/" + action, w.foreignSite.id()), c)));
        }
        all.add(new Endpoint("GET /accounts", ACCOUNT_MANAGERS, c -> page(get("/accounts"), c), c -> page(get("/accounts"), c)));
        all.add(new Endpoint("GET /accounts/new", ACCOUNT_MANAGERS, c -> page(get("/accounts/new"), c), null));
        all.add(new Endpoint("POST /accounts/new", ACCOUNT_MANAGERS,
                c -> page(accountForm(post("/accounts/new"), "fxpage" + c.n() + w.marker.toLowerCase().substring(7), w.home.id(), w.homeSite.id()), c),
                c -> page(accountForm(post("/accounts/new"), "plantedpage" + c.n() + "x", w.foreign.id(), w.foreignSite.id()), c)));
        all.add(new Endpoint("GET /accounts/{id}", ACCOUNT_MANAGERS,
                c -> page(get("/accounts/{id}", w.homePeer2.id()), c),
                c -> page(get("/accounts/{id}", w.foreignPeer.id()), c)));
        all.add(new Endpoint("POST /accounts/{id}", ACCOUNT_MANAGERS,
                c -> page(accountForm(post("/accounts/{id}", w.homePeer2.id()), w.homePeer2.username(), w.home.id(), w.homeSite.id()), c),
                c -> page(accountForm(post("/accounts/{id}", w.foreignPeer.id()), w.foreignPeer.username(), w.home.id(), w.homeSite.id()), c)));
        for (String action : List.of("reset-password", "unlock", "deactivate", "activate")) {
            all.add(new Endpoint("POST /accounts/{id}/" + action, ACCOUNT_MANAGERS,
                    c -> page(post("/accounts/{id}/" + action, w.homePeer2.id()), c),
                    c -> page(post("/accounts/{id}/" + action, w.foreignPeer.id()), c)));
        }
        all.add(new Endpoint("POST /accounts/resets/{id}/issue", EnumSet.of(Role.ORG_MANAGER),
                c -> page(post("/accounts/resets/{id}/issue", waitingReset(w.homePeer2.id(), w.user(Role.ORG_MANAGER))), c),
                c -> page(post("/accounts/resets/{id}/issue", foreignWaitingReset), c)));
        all.add(new Endpoint("GET /account", ALL, c -> page(get("/account"), c), null));
        all.add(new Endpoint("POST /account/language", ALL, c -> page(post("/account/language").param("language", "en"), c), null));
        all.add(new Endpoint("GET /account/password", ALL, c -> page(get("/account/password"), c), null));
        all.add(new Endpoint("POST /account/password", ALL,
                c -> page(post("/account/password").param("currentPassword", "wrong").param("newPassword", "x")
                        .param("confirmation", "y"), c), null));
        all.add(new Endpoint("POST /account/tokens", ALL,
                c -> page(post("/account/tokens").param("name", "page token").param("validForDays", "3"), c), null));
        all.add(new Endpoint("POST /account/tokens/{id}/revoke", ALL,
                c -> page(post("/account/tokens/{id}/revoke", c.tokens().issue(c.user(), new TokenRequest("t", 1)).token().id()), c),
                c -> page(post("/account/tokens/{id}/revoke", foreignTokenId()), c)));
        all.add(new Endpoint("GET /audit", AUDITORS, c -> page(get("/audit"), c),
                c -> page(get("/audit").param("entityType", "site").param("entityId", String.valueOf(w.foreignSite.id())), c)));
        all.add(new Endpoint("GET /audit/clients/{id}", CLIENT_ACCESS_READERS,
                c -> page(get("/audit/clients/{id}", homeClient.id()), c),
                c -> page(get("/audit/clients/{id}", foreignClient.id()), c)));

        // Partners: assessments, twinning, action plans, capacity building, framework
        Set<Role> coordinators = EnumSet.of(Role.ADMIN, Role.COORDINATOR);
        Set<Role> partnerReaders = EnumSet.of(Role.ADMIN, Role.COORDINATOR, Role.ORG_MANAGER);
        long own = homeAssessment.id();
        long foreignA = foreignAssessment.id();
        all.add(new Endpoint("GET /api/partners/frameworks", ALL, c -> api(get("/api/partners/frameworks"), c), null));
        all.add(new Endpoint("GET /api/partners/frameworks/current", ALL, c -> api(get("/api/partners/frameworks/current"), c), null));
        all.add(new Endpoint("POST /api/partners/frameworks/draft", coordinators, c -> api(post("/api/partners/frameworks/draft"), c), null));
        all.add(new Endpoint("PUT /api/partners/frameworks/questions/{id}", coordinators,
                c -> json(api(put("/api/partners/frameworks/questions/{id}", draftQuestion()), c),
                        "{\"text\":\"Board oversight\",\"anchor1\":\"a\",\"anchor2\":\"b\",\"anchor3\":\"c\",\"anchor4\":\"d\"}"), null));
        all.add(new Endpoint("POST /api/partners/frameworks/{id}/publish", coordinators,
                c -> api(post("/api/partners/frameworks/{id}/publish", partnerFramework.draft(ReachUser.system()).id()), c), null));
        all.add(new Endpoint("GET /api/partners/assessments", ALL, c -> api(get("/api/partners/assessments"), c),
                c -> api(get("/api/partners/assessments"), c)));
        all.add(new Endpoint("POST /api/partners/assessments", coordinators,
                c -> json(api(post("/api/partners/assessments"), c), assessmentJson(w.home.id())),
                c -> json(api(post("/api/partners/assessments"), c), assessmentJson(w.foreign.id()))));
        all.add(new Endpoint("GET /api/partners/assessments/{id}", partnerReaders,
                c -> api(get("/api/partners/assessments/{id}", own), c), c -> api(get("/api/partners/assessments/{id}", foreignA), c)));
        all.add(new Endpoint("GET /api/partners/organisations/{id}/assessments", ALL,
                c -> api(get("/api/partners/organisations/{id}/assessments", w.home.id()), c),
                c -> api(get("/api/partners/organisations/{id}/assessments", w.foreign.id()), c)));
        all.add(new Endpoint("PUT /api/partners/assessments/{id}/scores", coordinators,
                c -> json(api(put("/api/partners/assessments/{id}/scores", own), c), scoresJson()),
                c -> json(api(put("/api/partners/assessments/{id}/scores", foreignA), c), scoresJson())));
        all.add(new Endpoint("PUT /api/partners/assessments/{id}/consensus", coordinators,
                c -> json(api(put("/api/partners/assessments/{id}/consensus", own), c), scoresJson()),
                c -> json(api(put("/api/partners/assessments/{id}/consensus", foreignA), c), scoresJson())));
        all.add(new Endpoint("POST /api/partners/assessments/{id}/finalise", coordinators,
                c -> api(post("/api/partners/assessments/{id}/finalise", scoredAssessment()), c),
                c -> api(post("/api/partners/assessments/{id}/finalise", foreignA), c)));
        all.add(new Endpoint("GET /api/partners/assessments/{id}/twinning-suggestions", coordinators,
                c -> api(get("/api/partners/assessments/{id}/twinning-suggestions", own), c),
                c -> api(get("/api/partners/assessments/{id}/twinning-suggestions", foreignA), c)));
        all.add(new Endpoint("GET /api/partners/twinnings", ALL, c -> api(get("/api/partners/twinnings"), c),
                c -> api(get("/api/partners/twinnings"), c)));
        all.add(new Endpoint("POST /api/partners/twinnings", coordinators,
                c -> json(api(post("/api/partners/twinnings"), c), twinningJson(w.home.id(), partnerSecond.id())),
                c -> json(api(post("/api/partners/twinnings"), c), twinningJson(w.foreign.id(), w.home.id()))));
        all.add(new Endpoint("GET /api/partners/actions", ALL, c -> api(get("/api/partners/actions"), c),
                c -> api(get("/api/partners/actions").param("organisationId", String.valueOf(w.foreign.id())), c)));
        all.add(new Endpoint("POST /api/partners/actions", coordinators,
                c -> json(api(post("/api/partners/actions"), c), actionJson(w.home.id())),
                c -> json(api(post("/api/partners/actions"), c), actionJson(w.foreign.id()))));
        all.add(new Endpoint("POST /api/partners/actions/{id}/progress", partnerReaders,
                c -> json(api(post("/api/partners/actions/{id}/progress", homeAction.id()), c), "{\"status\":\"IN_PROGRESS\"}"),
                c -> json(api(post("/api/partners/actions/{id}/progress", foreignAction.id()), c), "{\"status\":\"DONE\"}")));
        all.add(new Endpoint("GET /api/partners/trainings", ALL, c -> api(get("/api/partners/trainings"), c),
                c -> api(get("/api/partners/trainings"), c)));
        all.add(new Endpoint("POST /api/partners/trainings", coordinators,
                c -> json(api(post("/api/partners/trainings"), c), trainingJson(w.home.id())),
                c -> json(api(post("/api/partners/trainings"), c), trainingJson(w.foreign.id()))));
        all.add(new Endpoint("GET /api/partners/exchange-visits", ALL, c -> api(get("/api/partners/exchange-visits"), c),
                c -> api(get("/api/partners/exchange-visits"), c)));
        all.add(new Endpoint("POST /api/partners/exchange-visits", coordinators,
                c -> json(api(post("/api/partners/exchange-visits"), c), visitJson(w.home.id())),
                c -> json(api(post("/api/partners/exchange-visits"), c), visitJson(w.foreign.id()))));

        all.add(new Endpoint("GET /partners", ALL, c -> page(get("/partners"), c), c -> page(get("/partners"), c)));
        all.add(new Endpoint("GET /partners/organisations/{id}", partnerReaders,
                c -> page(get("/partners/organisations/{id}", w.home.id()), c),
                c -> page(get("/partners/organisations/{id}", w.foreign.id()), c)));
        all.add(new Endpoint("GET /partners/assessments/new", coordinators, c -> page(get("/partners/assessments/new"), c), null));
        all.add(new Endpoint("POST /partners/assessments/new", coordinators,
                c -> page(assessmentForm(post("/partners/assessments/new"), w.home.id()), c),
                c -> page(assessmentForm(post("/partners/assessments/new"), w.foreign.id()), c)));
        all.add(new Endpoint("GET /partners/assessments/{id}", partnerReaders,
                c -> page(get("/partners/assessments/{id}", own), c), c -> page(get("/partners/assessments/{id}", foreignA), c)));
        all.add(new Endpoint("GET /partners/assessments/{id}/scores", coordinators,
                c -> page(get("/partners/assessments/{id}/scores", own), c),
                c -> page(get("/partners/assessments/{id}/scores", foreignA), c)));
        all.add(new Endpoint("POST /partners/assessments/{id}/scores", coordinators,
                c -> page(post("/partners/assessments/{id}/scores", own).param("score_" + firstQuestion, "3"), c),
                c -> page(post("/partners/assessments/{id}/scores", foreignA).param("score_" + firstQuestion, "3"), c)));
        all.add(new Endpoint("POST /partners/assessments/{id}/consensus", coordinators,
                c -> page(post("/partners/assessments/{id}/consensus", own).param("score_" + firstQuestion, "2"), c),
                c -> page(post("/partners/assessments/{id}/consensus", foreignA).param("score_" + firstQuestion, "2"), c)));
        all.add(new Endpoint("POST /partners/assessments/{id}/finalise", coordinators,
                c -> page(post("/partners/assessments/{id}/finalise", scoredAssessment()), c),
                c -> page(post("/partners/assessments/{id}/finalise", foreignA), c)));
        all.add(new Endpoint("GET /partners/assessments/{id}/report.pdf", partnerReaders,
                c -> page(get("/partners/assessments/{id}/report.pdf", own), c),
                c -> page(get("/partners/assessments/{id}/report.pdf", foreignA), c)));
        all.add(new Endpoint("GET /partners/twinnings", ALL, c -> page(get("/partners/twinnings"), c), c -> page(get("/partners/twinnings"), c)));
        all.add(new Endpoint("POST /partners/twinnings", coordinators,
                c -> page(post("/partners/twinnings").param("learningOrganisationId", String.valueOf(w.home.id()))
                        .param("supportingOrganisationId", String.valueOf(partnerSecond.id())).param("domains", "HUMAN_RIGHTS"), c),
                c -> page(post("/partners/twinnings").param("learningOrganisationId", String.valueOf(w.foreign.id()))
                        .param("supportingOrganisationId", String.valueOf(w.home.id())).param("domains", "HUMAN_RIGHTS"), c)));
        all.add(new Endpoint("GET /partners/actions", ALL, c -> page(get("/partners/actions"), c),
                c -> page(get("/partners/actions").param("organisation", String.valueOf(w.foreign.id())), c)));
        all.add(new Endpoint("GET /partners/actions/new", coordinators, c -> page(get("/partners/actions/new"), c),
                c -> page(get("/partners/actions/new").param("assessment", String.valueOf(foreignA)), c)));
        all.add(new Endpoint("POST /partners/actions/new", coordinators,
                c -> page(actionForm(post("/partners/actions/new"), w.home.id()), c),
                c -> page(actionForm(post("/partners/actions/new"), w.foreign.id()), c)));
        all.add(new Endpoint("GET /partners/actions/{id}", ALL, c -> page(get("/partners/actions/{id}", homeAction.id()), c),
                c -> page(get("/partners/actions/{id}", foreignAction.id()), c)));
        all.add(new Endpoint("POST /partners/actions/{id}/progress", partnerReaders,
                c -> page(post("/partners/actions/{id}/progress", homeAction.id()).param("status", "IN_PROGRESS"), c),
                c -> page(post("/partners/actions/{id}/progress", foreignAction.id()).param("status", "DONE"), c)));
        all.add(new Endpoint("GET /partners/capacity", ALL, c -> page(get("/partners/capacity"), c), c -> page(get("/partners/capacity"), c)));
        all.add(new Endpoint("GET /partners/trainings/new", coordinators, c -> page(get("/partners/trainings/new"), c), null));
        all.add(new Endpoint("POST /partners/trainings/new", coordinators,
                c -> page(trainingForm(post("/partners/trainings/new"), w.home.id()), c),
                c -> page(trainingForm(post("/partners/trainings/new"), w.foreign.id()), c)));
        all.add(new Endpoint("GET /partners/exchange-visits/new", coordinators, c -> page(get("/partners/exchange-visits/new"), c), null));
        all.add(new Endpoint("POST /partners/exchange-visits/new", coordinators,
                c -> page(visitForm(post("/partners/exchange-visits/new"), w.home.id()), c),
                c -> page(visitForm(post("/partners/exchange-visits/new"), w.foreign.id()), c)));
        all.add(new Endpoint("GET /partners/framework", ALL, c -> page(get("/partners/framework"), c), null));
        all.add(new Endpoint("GET /partners/framework/{id}", ALL,
                c -> page(get("/partners/framework/{id}", partnerFramework.current().id()), c), null));
        all.add(new Endpoint("POST /partners/framework/draft", coordinators, c -> page(post("/partners/framework/draft"), c), null));
        all.add(new Endpoint("POST /partners/framework/questions/{id}", coordinators,
                c -> page(post("/partners/framework/questions/{id}", draftQuestion()).param("text", "Board oversight")
                        .param("anchor1", "a").param("anchor2", "b").param("anchor3", "c").param("anchor4", "d"), c), null));
        all.add(new Endpoint("POST /partners/framework/{id}/publish", coordinators,
                c -> page(post("/partners/framework/{id}/publish", partnerFramework.draft(ReachUser.system()).id()), c), null));

        // Clients: organisation staff only; coordinators and administrators never see client-level data
        all.add(new Endpoint("GET /api/clients", CLIENT_REGISTRY_READERS, c -> api(get("/api/clients"), c),
                c -> api(get("/api/clients").param("siteId", String.valueOf(w.foreignSite.id())), c)));
        all.add(new Endpoint("POST /api/clients", CLIENT_WRITERS,
                c -> json(api(post("/api/clients"), c), clientJson(code(c.n()), w.homeSite.id())),
                c -> json(api(post("/api/clients"), c), clientJson(code(c.n()), w.foreignSite.id()))));
        all.add(new Endpoint("GET /api/clients/{id}", CLIENT_REGISTRY_READERS,
                c -> api(get("/api/clients/{id}", homeClient.id()), c),
                c -> api(get("/api/clients/{id}", foreignClient.id()), c)));
        all.add(new Endpoint("PUT /api/clients/{id}", CLIENT_WRITERS,
                c -> json(api(put("/api/clients/{id}", homeClient.id()), c), clientJson(null, w.homeSite.id())),
                c -> json(api(put("/api/clients/{id}", foreignClient.id()), c), clientJson(null, w.homeSite.id()))));
        all.add(new Endpoint("POST /api/clients/{id}/status", CLIENT_WRITERS,
                c -> json(api(post("/api/clients/{id}/status", freshClient(c)), c), statusJson()),
                c -> json(api(post("/api/clients/{id}/status", foreignClient.id()), c), statusJson())));
        all.add(new Endpoint("POST /api/clients/{id}/stage", CLIENT_WRITERS,
                c -> json(api(post("/api/clients/{id}/stage", freshClient(c)), c), stageJson()),
                c -> json(api(post("/api/clients/{id}/stage", foreignClient.id()), c), stageJson())));
        all.add(new Endpoint("GET /api/clients/{id}/timeline", CLIENT_REGISTRY_READERS,
                c -> api(get("/api/clients/{id}/timeline", homeClient.id()), c),
                c -> api(get("/api/clients/{id}/timeline", foreignClient.id()), c)));
        all.add(new Endpoint("GET /api/clients/settings", CLIENT_REGISTRY_READERS, c -> api(get("/api/clients/settings"), c), null));
        all.add(new Endpoint("PUT /api/clients/settings", CLIENT_SETTINGS,
                c -> json(api(put("/api/clients/settings"), c), "{\"scheme\":\"PARENTS_SEX_YEAR\",\"activeMonths\":3,\"lostAfterMonths\":9}"),
                null));
        all.add(new Endpoint("POST /api/clients/import", CLIENT_IMPORTERS, c -> api(upload(post("/api/clients/import")), c), null));
        // Merging duplicates: the organisation's manager only; a foreign client is never found
        all.add(new Endpoint("GET /clients/duplicates", CLIENT_SETTINGS, c -> page(get("/clients/duplicates"), c), null));
        all.add(new Endpoint("GET /clients/merges/new", CLIENT_SETTINGS,
                c -> page(get("/clients/merges/new").param("first", String.valueOf(freshClient(c)))
                        .param("second", String.valueOf(otherFreshClient(c))), c),
                c -> page(get("/clients/merges/new").param("first", String.valueOf(freshClient(c)))
                        .param("second", String.valueOf(foreignClient.id())), c)));
        all.add(new Endpoint("POST /clients/merges", CLIENT_SETTINGS,
                c -> page(post("/clients/merges").param("first", String.valueOf(freshClient(c)))
                        .param("second", String.valueOf(otherFreshClient(c))).param("survivorId", String.valueOf(freshClient(c)))
                        .param("reason", "same person"), c),
                c -> page(post("/clients/merges").param("first", String.valueOf(freshClient(c)))
                        .param("second", String.valueOf(foreignClient.id())).param("survivorId", String.valueOf(freshClient(c)))
                        .param("reason", "same person"), c)));
        all.add(new Endpoint("POST /clients/merges/{id}/undo", CLIENT_SETTINGS,
                c -> page(post("/clients/merges/{id}/undo", freshMerge(c)), c), null));
        all.add(new Endpoint("GET /api/clients/duplicates", CLIENT_SETTINGS, c -> api(get("/api/clients/duplicates"), c), null));
        all.add(new Endpoint("GET /api/clients/merges", CLIENT_SETTINGS, c -> api(get("/api/clients/merges"), c), null));
        all.add(new Endpoint("POST /api/clients/merges", CLIENT_SETTINGS,
                c -> json(api(post("/api/clients/merges"), c), "{\"survivorId\":" + freshClient(c) + ",\"mergedId\":"
                        + otherFreshClient(c) + ",\"reason\":\"same person\"}"),
                c -> json(api(post("/api/clients/merges"), c), "{\"survivorId\":" + freshClient(c) + ",\"mergedId\":"
                        + foreignClient.id() + ",\"reason\":\"same person\"}")));
        all.add(new Endpoint("POST /api/clients/merges/{id}/undo", CLIENT_SETTINGS,
                c -> api(post("/api/clients/merges/{id}/undo", freshMerge(c)), c), null));
        all.add(new Endpoint("GET /clients", CLIENT_REGISTRY_READERS, c -> page(get("/clients"), c),
                c -> page(get("/clients").param("site", String.valueOf(w.foreignSite.id())).param("code", "K"), c)));
        all.add(new Endpoint("GET /clients/new", CLIENT_WRITERS, c -> page(get("/clients/new"), c), null));
        all.add(new Endpoint("POST /clients/new", CLIENT_WRITERS,
                c -> page(clientForm(post("/clients/new"), code(c.n()), w.homeSite.id()), c),
                c -> page(clientForm(post("/clients/new"), code(c.n()), w.foreignSite.id()), c)));
        all.add(new Endpoint("GET /clients/{id}", CLIENT_REGISTRY_READERS,
                c -> page(get("/clients/{id}", homeClient.id()), c),
                c -> page(get("/clients/{id}", foreignClient.id()), c)));
        all.add(new Endpoint("GET /clients/{id}/edit", CLIENT_WRITERS,
                c -> page(get("/clients/{id}/edit", homeClient.id()), c),
                c -> page(get("/clients/{id}/edit", foreignClient.id()), c)));
        all.add(new Endpoint("POST /clients/{id}/edit", CLIENT_WRITERS,
                c -> page(clientForm(post("/clients/{id}/edit", homeClient.id()), null, w.homeSite.id()), c),
                c -> page(clientForm(post("/clients/{id}/edit", foreignClient.id()), null, w.homeSite.id()), c)));
        for (String change : List.of("status", "stage")) {
            all.add(new Endpoint("GET /clients/{id}/" + change, CLIENT_WRITERS,
                    c -> page(get("/clients/{id}/" + change, homeClient.id()), c),
                    c -> page(get("/clients/{id}/" + change, foreignClient.id()), c)));
            all.add(new Endpoint("POST /clients/{id}/" + change, CLIENT_WRITERS,
                    c -> page(changeForm(post("/clients/{id}/" + change, freshClient(c))), c),
                    c -> page(changeForm(post("/clients/{id}/" + change, foreignClient.id())), c)));
        }
        all.add(new Endpoint("GET /clients/settings", CLIENT_SETTINGS, c -> page(get("/clients/settings"), c), null));
        all.add(new Endpoint("POST /clients/settings", CLIENT_SETTINGS,
                c -> page(post("/clients/settings").param("scheme", "PARENTS_SEX_YEAR").param("activeMonths", "3")
                        .param("lostAfterMonths", "9"), c), null));
        all.add(new Endpoint("GET /clients/import", CLIENT_IMPORTERS, c -> page(get("/clients/import"), c), null));
        all.add(new Endpoint("POST /clients/import", CLIENT_IMPORTERS, c -> page(upload(post("/clients/import")), c), null));
        all.add(new Endpoint("GET /clients/import/{job}", CLIENT_IMPORTERS,
                c -> page(get("/clients/import/{job}", jobs.start(c.user(), "client-import",
                        progress -> new ImportReport(0, 0, List.of()))), c),
                c -> page(get("/clients/import/{job}", foreignJob()), c)));
        // Services: catalogue, encounters, referrals, import
        ServicesFixture sv = services;
        all.add(new Endpoint("GET /api/services", ALL, c -> api(get("/api/services"), c), c -> api(get("/api/services"), c)));
        all.add(new Endpoint("GET /api/services/{id}", ORGANISATION_MEMBERS,
                c -> api(get("/api/services/{id}", sv.homeService.id()), c),
                c -> api(get("/api/services/{id}", sv.foreignService.id()), c)));
        all.add(new Endpoint("POST /api/services", SERVICE_MANAGERS,
                c -> json(api(post("/api/services"), c), "{\"code\":\"FX_API_" + c.n() + "\",\"name\":\"Kit\","
                        + "\"category\":\"BASIC_NEEDS\",\"unit\":\"COUNT\"}"), null));
        for (String action : List.of("retire", "reinstate")) {
            all.add(new Endpoint("POST /api/services/{id}/" + action, SERVICE_MANAGERS,
                    c -> api(post("/api/services/{id}/" + action, sv.homeService.id()), c),
                    c -> api(post("/api/services/{id}/" + action, sv.foreignService.id()), c)));
        }
        all.add(new Endpoint("DELETE /api/services/{id}", SERVICE_MANAGERS,
                c -> api(delete("/api/services/{id}", sv.freshService(c.n())), c),
                c -> api(delete("/api/services/{id}", sv.foreignService.id()), c)));
        all.add(new Endpoint("GET /api/services/settings", ORGANISATION_MEMBERS, c -> api(get("/api/services/settings"), c), null));
        all.add(new Endpoint("PUT /api/services/settings", SERVICE_MANAGERS,
                c -> json(api(put("/api/services/settings"), c), "{\"syringesPerKg\":220}"), null));
        all.add(new Endpoint("POST /api/encounters", RECORDERS,
                c -> json(api(post("/api/encounters"), c), sv.encounterJson(w.homeSite.id(), sv.homeClient.id())),
                c -> json(api(post("/api/encounters"), c), sv.encounterJson(w.foreignSite.id(), null))));
        all.add(new Endpoint("POST /api/encounters/batch", RECORDERS,
                c -> json(api(post("/api/encounters/batch"), c), "{\"encounters\":[" + sv.encounterJson(w.homeSite.id(), null) + "]}"),
                c -> json(api(post("/api/encounters/batch"), c),
                        "{\"encounters\":[" + sv.encounterJson(w.homeSite.id(), sv.foreignClient.id()) + "]}")));
        all.add(new Endpoint("GET /api/encounters", CLIENT_READERS, c -> api(get("/api/encounters"), c),
                c -> api(get("/api/encounters").param("client", String.valueOf(sv.foreignClient.id())), c)));
        all.add(new Endpoint("GET /api/encounters/{id}", CLIENT_READERS,
                c -> api(get("/api/encounters/{id}", sv.homeEncounter.id()), c),
                c -> api(get("/api/encounters/{id}", sv.foreignEncounter.id()), c)));
        all.add(new Endpoint("POST /api/encounters/import", RECORDERS,
                c -> api(multipart("/api/encounters/import").file(csv(sv.csv(w.homeSite.name()))), c), null));
        all.add(new Endpoint("GET /api/referrals", CLIENT_READERS, c -> api(get("/api/referrals"), c),
                c -> api(get("/api/referrals").param("client", String.valueOf(sv.foreignClient.id())), c)));
        all.add(new Endpoint("POST /api/referrals", RECORDERS,
                c -> json(api(post("/api/referrals"), c), referral(sv.homeClient.id(), sv.today().toString())),
                c -> json(api(post("/api/referrals"), c), referral(sv.foreignClient.id(), sv.today().toString()))));
        all.add(new Endpoint("GET /api/referrals/{id}", CLIENT_READERS,
                c -> api(get("/api/referrals/{id}", sv.freshReferral(false)), c),
                c -> api(get("/api/referrals/{id}", sv.foreignReferral.id()), c)));
        for (String step : List.of("accept", "complete", "fail")) {
            all.add(new Endpoint("POST /api/referrals/{id}/" + step, RECORDERS,
                    c -> json(api(post("/api/referrals/{id}/" + step, sv.freshReferral(step.equals("complete"))), c),
                            "{\"date\":\"" + sv.today() + "\"}"),
                    c -> json(api(post("/api/referrals/{id}/" + step, sv.foreignReferral.id()), c),
                            "{\"date\":\"" + sv.today() + "\"}")));
        }
        all.add(new Endpoint("GET /services", ALL, c -> page(get("/services"), c), c -> page(get("/services"), c)));
        all.add(new Endpoint("POST /services/new", SERVICE_MANAGERS,
                c -> page(post("/services/new").param("code", "FX_PAGE_" + c.n()).param("name", "Kit")
                        .param("category", "BASIC_NEEDS").param("unit", "COUNT"), c), null));
        for (String action : List.of("retire", "reinstate")) {
            all.add(new Endpoint("POST /services/{id}/" + action, SERVICE_MANAGERS,
                    c -> page(post("/services/{id}/" + action, sv.homeService.id()), c),
                    c -> page(post("/services/{id}/" + action, sv.foreignService.id()), c)));
        }
        all.add(new Endpoint("POST /services/{id}/delete", SERVICE_MANAGERS,
                c -> page(post("/services/{id}/delete", sv.freshService(c.n())), c),
                c -> page(post("/services/{id}/delete", sv.foreignService.id()), c)));
        all.add(new Endpoint("POST /services/settings", SERVICE_MANAGERS,
                c -> page(post("/services/settings").param("syringesPerKg", "210"), c), null));
        all.add(new Endpoint("GET /encounters", CLIENT_READERS, c -> page(get("/encounters"), c),
                c -> page(get("/encounters").param("site", String.valueOf(w.foreignSite.id())), c)));
        all.add(new Endpoint("GET /encounters/{id}", CLIENT_READERS,
                c -> page(get("/encounters/{id}", sv.homeEncounter.id()), c),
                c -> page(get("/encounters/{id}", sv.foreignEncounter.id()), c)));
        all.add(new Endpoint("GET /encounters/new", RECORDERS, c -> page(get("/encounters/new"), c), null));
        all.add(new Endpoint("POST /encounters/new", RECORDERS,
                c -> page(post("/encounters/new").param("uuid", java.util.UUID.randomUUID().toString())
                        .param("date", sv.today().toString()).param("siteId", String.valueOf(w.homeSite.id()))
                        .param("anonymous", "true").param("quantities[CONDOMS]", "2"), c),
                c -> page(post("/encounters/new").param("uuid", java.util.UUID.randomUUID().toString())
                        .param("date", sv.today().toString()).param("siteId", String.valueOf(w.foreignSite.id()))
                        .param("anonymous", "true").param("quantities[CONDOMS]", "2"), c)));
        all.add(new Endpoint("GET /encounters/client-check", RECORDERS,
                c -> page(get("/encounters/client-check").param("clientCode", sv.homeClient.uic()), c),
                c -> page(get("/encounters/client-check").param("clientCode", sv.foreignClient.uic()), c)));
        all.add(new Endpoint("GET /encounters/import", RECORDERS, c -> page(get("/encounters/import"), c), null));
        all.add(new Endpoint("POST /encounters/import", RECORDERS,
                c -> page(multipart("/encounters/import").file(csv(sv.csv(w.homeSite.name()))), c), null));
        all.add(new Endpoint("GET /encounters/import/{job}", ALL, c -> page(get("/encounters/import/{job}", ownJob(c)), c),
                c -> page(get("/encounters/import/{job}", foreignJob()), c)));
        all.add(new Endpoint("GET /referrals", CLIENT_READERS, c -> page(get("/referrals").param("days", "0"), c),
                c -> page(get("/referrals").param("days", "0"), c)));
        all.add(new Endpoint("GET /referrals/new", RECORDERS,
                c -> page(get("/referrals/new").param("client", String.valueOf(sv.homeClient.id())), c),
                c -> page(get("/referrals/new").param("client", String.valueOf(sv.foreignClient.id())), c)));
        all.add(new Endpoint("POST /referrals/new", RECORDERS,
                c -> page(referralForm(post("/referrals/new"), sv.homeClient.id(), sv.today().toString()), c),
                c -> page(referralForm(post("/referrals/new"), sv.foreignClient.id(), sv.today().toString()), c)));
        all.add(new Endpoint("GET /referrals/{id}", CLIENT_READERS,
                c -> page(get("/referrals/{id}", sv.freshReferral(false)), c),
                c -> page(get("/referrals/{id}", sv.foreignReferral.id()), c)));
        all.add(new Endpoint("POST /referrals/{id}/{step}", RECORDERS,
                c -> page(post("/referrals/{id}/accept", sv.freshReferral(false)).param("date", sv.today().toString()), c),
                c -> page(post("/referrals/{id}/accept", sv.foreignReferral.id()).param("date", sv.today().toString()), c)));

        // Safety: overdoses, deaths, naloxone kits
        org.reach.safety.SafetyFixture sf = safety;
        String safetyDay = org.reach.safety.SafetyFixture.today().toString();
        all.add(new Endpoint("POST /api/safety/overdoses", RECORDERS, c -> json(api(post("/api/safety/overdoses"), c), sf.homeJson()),
                c -> json(api(post("/api/safety/overdoses"), c), sf.foreignJson())));
        all.add(new Endpoint("GET /api/safety/overdoses", CLIENT_READERS, c -> api(get("/api/safety/overdoses"), c), null));
        all.add(new Endpoint("GET /api/safety/overdoses/{id}", CLIENT_READERS,
                c -> api(get("/api/safety/overdoses/{id}", sf.homeReport.id()), c),
                c -> api(get("/api/safety/overdoses/{id}", sf.foreignReport.id()), c)));
        all.add(new Endpoint("POST /api/safety/overdoses/{id}/follow-up", RECORDERS,
                c -> json(api(post("/api/safety/overdoses/{id}/follow-up", sf.freshHomeReport()), c),
                        "{\"date\":\"" + safetyDay + "\",\"result\":\"SEEN_WELL\"}"),
                c -> json(api(post("/api/safety/overdoses/{id}/follow-up", sf.foreignReport.id()), c),
                        "{\"date\":\"" + safetyDay + "\",\"result\":\"SEEN_WELL\"}")));
        all.add(new Endpoint("GET /api/safety/overdoses/awaiting-follow-up", CLIENT_READERS,
                c -> api(get("/api/safety/overdoses/awaiting-follow-up"), c), null));
        all.add(new Endpoint("POST /api/safety/deaths", RECORDERS,
                c -> json(api(post("/api/safety/deaths"), c), org.reach.safety.SafetyFixture.deathJson(sf.freshClient(c.n()).id(), "TB")),
                c -> json(api(post("/api/safety/deaths"), c), org.reach.safety.SafetyFixture.deathJson(sf.foreignClient.id(), "TB"))));
        all.add(new Endpoint("GET /api/safety/deaths/{id}", CLIENT_READERS,
                c -> api(get("/api/safety/deaths/{id}", sf.homeDeath.id()), c),
                c -> api(get("/api/safety/deaths/{id}", sf.foreignDeath.id()), c)));
        all.add(new Endpoint("PUT /api/safety/deaths/{id}", RECORDERS,
                c -> json(api(put("/api/safety/deaths/{id}", sf.homeDeath.id()), c),
                        org.reach.safety.SafetyFixture.deathJson(sf.homeDeceased.id(), "TB")),
                c -> json(api(put("/api/safety/deaths/{id}", sf.foreignDeath.id()), c),
                        org.reach.safety.SafetyFixture.deathJson(sf.foreignDeceased.id(), "OVERDOSE"))));
        all.add(new Endpoint("GET /api/safety/kits/clients/{id}", CLIENT_READERS,
                c -> api(get("/api/safety/kits/clients/{id}", sf.homeClient.id()), c),
                c -> api(get("/api/safety/kits/clients/{id}", sf.foreignClient.id()), c)));
        all.add(new Endpoint("GET /api/safety/kits/peers", CLIENT_READERS, c -> api(get("/api/safety/kits/peers"), c), null));
        all.add(new Endpoint("GET /safety", CLIENT_READERS, c -> page(get("/safety"), c), null));
        all.add(new Endpoint("GET /safety/overdoses", CLIENT_READERS, c -> page(get("/safety/overdoses"), c), null));
        all.add(new Endpoint("GET /safety/follow-ups", CLIENT_READERS, c -> page(get("/safety/follow-ups"), c), null));
        all.add(new Endpoint("GET /safety/overdoses/new", RECORDERS, c -> page(get("/safety/overdoses/new"), c), null));
        all.add(new Endpoint("POST /safety/overdoses/new", RECORDERS,
                c -> page(overdoseForm(post("/safety/overdoses/new"), w.homeSite.id()), c),
                c -> page(overdoseForm(post("/safety/overdoses/new"), w.foreignSite.id()), c)));
        all.add(new Endpoint("GET /safety/overdoses/{id}", CLIENT_READERS,
                c -> page(get("/safety/overdoses/{id}", sf.homeReport.id()), c),
                c -> page(get("/safety/overdoses/{id}", sf.foreignReport.id()), c)));
        all.add(new Endpoint("POST /safety/overdoses/{id}/follow-up", RECORDERS,
                c -> page(post("/safety/overdoses/{id}/follow-up", sf.freshHomeReport()).param("date", safetyDay)
                        .param("result", "SEEN_WELL"), c),
                c -> page(post("/safety/overdoses/{id}/follow-up", sf.foreignReport.id()).param("date", safetyDay)
                        .param("result", "SEEN_WELL"), c)));
        all.add(new Endpoint("GET /safety/deaths/new", RECORDERS, c -> page(get("/safety/deaths/new"), c),
                c -> page(get("/safety/deaths/new").param("client", String.valueOf(sf.foreignClient.id())), c)));
        all.add(new Endpoint("POST /safety/deaths/new", RECORDERS,
                c -> page(deathForm(post("/safety/deaths/new"), sf.freshClient(c.n()).uic()), c),
                c -> page(deathForm(post("/safety/deaths/new"), sf.foreignClient.uic()), c)));
        all.add(new Endpoint("GET /safety/deaths/{id}", CLIENT_READERS,
                c -> page(get("/safety/deaths/{id}", sf.homeDeath.id()), c),
                c -> page(get("/safety/deaths/{id}", sf.foreignDeath.id()), c)));
        all.add(new Endpoint("GET /safety/deaths/{id}/edit", RECORDERS,
                c -> page(get("/safety/deaths/{id}/edit", sf.homeDeath.id()), c),
                c -> page(get("/safety/deaths/{id}/edit", sf.foreignDeath.id()), c)));
        all.add(new Endpoint("POST /safety/deaths/{id}/edit", RECORDERS,
                c -> page(deathForm(post("/safety/deaths/{id}/edit", sf.homeDeath.id()), sf.homeDeceased.uic()), c),
                c -> page(deathForm(post("/safety/deaths/{id}/edit", sf.foreignDeath.id()), sf.foreignDeceased.uic()), c)));
        all.add(new Endpoint("GET /safety/clients/{id}", CLIENT_READERS,
                c -> page(get("/safety/clients/{id}", sf.homeClient.id()), c),
                c -> page(get("/safety/clients/{id}", sf.foreignClient.id()), c)));
        // Follow-up: worklists, tracing, detentions, transfers, partner directory, flows
        FollowUpFixture fu = followUp;
        long hc = sv.homeClient.id();
        long fc = sv.foreignClient.id();
        String today = sv.today().toString();
        all.add(new Endpoint("GET /followup", FOLLOW_UP_WORKERS, c -> page(get("/followup"), c), null));
        all.add(new Endpoint("GET /api/followup/worklist", FOLLOW_UP_WORKERS, c -> api(get("/api/followup/worklist"), c),
                c -> api(get("/api/followup/worklist"), c)));
        all.add(new Endpoint("GET /followup/assignments", FOLLOW_UP_MANAGERS, c -> page(get("/followup/assignments"), c), null));
        all.add(new Endpoint("POST /followup/assignments", FOLLOW_UP_MANAGERS,
                c -> page(post("/followup/assignments").param("clientId", String.valueOf(hc))
                        .param("peerId", String.valueOf(w.homePeer2.id())), c),
                c -> page(post("/followup/assignments").param("clientId", String.valueOf(fc))
                        .param("peerId", String.valueOf(w.homePeer2.id())), c)));
        all.add(new Endpoint("GET /api/followup/assignments", FOLLOW_UP_MANAGERS,
                c -> api(get("/api/followup/assignments"), c), null));
        all.add(new Endpoint("POST /api/followup/assignments", FOLLOW_UP_MANAGERS,
                c -> json(api(post("/api/followup/assignments"), c), "{\"clientId\":" + hc + ",\"peerId\":" + w.homePeer2.id() + "}"),
                c -> json(api(post("/api/followup/assignments"), c), "{\"clientId\":" + fc + ",\"peerId\":" + w.homePeer2.id() + "}")));
        all.add(new Endpoint("GET /api/followup/contact-rhythm", FOLLOW_UP_WORKERS,
                c -> api(get("/api/followup/contact-rhythm"), c), null));
        all.add(new Endpoint("PUT /api/followup/contact-rhythm", CONTACT_RHYTHM_MANAGERS,
                c -> json(api(put("/api/followup/contact-rhythm"), c), "{\"injectingDays\":7,\"otherDays\":30}"), null));
        all.add(new Endpoint("POST /followup/contact-rhythm", CONTACT_RHYTHM_MANAGERS,
                c -> page(post("/followup/contact-rhythm").param("injectingDays", "7").param("otherDays", "30"), c), null));
        all.add(new Endpoint("GET /followup/clients/{id}", FOLLOW_UP_WORKERS, c -> page(get("/followup/clients/{id}", hc), c),
                c -> page(get("/followup/clients/{id}", fc), c)));
        all.add(new Endpoint("GET /followup/tracing/new", FOLLOW_UP_WORKERS,
                c -> page(get("/followup/tracing/new").param("client", String.valueOf(hc)), c),
                c -> page(get("/followup/tracing/new").param("client", String.valueOf(fc)), c)));
        all.add(new Endpoint("POST /followup/tracing/new", FOLLOW_UP_WORKERS,
                c -> page(tracingForm(post("/followup/tracing/new"), hc, today), c),
                c -> page(tracingForm(post("/followup/tracing/new"), fc, today), c)));
        all.add(new Endpoint("GET /api/followup/tracing", FOLLOW_UP_WORKERS, c -> api(get("/api/followup/tracing"), c),
                c -> api(get("/api/followup/tracing").param("client", String.valueOf(fc)), c)));
        all.add(new Endpoint("POST /api/followup/tracing", FOLLOW_UP_WORKERS,
                c -> json(api(post("/api/followup/tracing"), c), tracing(hc, today)),
                c -> json(api(post("/api/followup/tracing"), c), tracing(fc, today))));
        all.add(new Endpoint("GET /followup/detentions", FOLLOW_UP_WORKERS, c -> page(get("/followup/detentions"), c), null));
        all.add(new Endpoint("GET /followup/detentions/new", FOLLOW_UP_WORKERS,
                c -> page(get("/followup/detentions/new").param("client", String.valueOf(hc)), c),
                c -> page(get("/followup/detentions/new").param("client", String.valueOf(fc)), c)));
        all.add(new Endpoint("POST /followup/detentions/new", FOLLOW_UP_WORKERS,
                c -> page(detentionForm(post("/followup/detentions/new"), fu.freshClient().id(), today), c),
                c -> page(detentionForm(post("/followup/detentions/new"), fc, today), c)));
        all.add(new Endpoint("GET /followup/detentions/{id}", FOLLOW_UP_WORKERS,
                c -> page(get("/followup/detentions/{id}", fu.freshDetention()), c),
                c -> page(get("/followup/detentions/{id}", fu.foreignDetention.id()), c)));
        all.add(new Endpoint("POST /followup/detentions/{id}/release", FOLLOW_UP_WORKERS,
                c -> page(post("/followup/detentions/{id}/release", fu.freshDetention()).param("releasedOn", today)
                        .param("oatInside", "CONTINUED"), c),
                c -> page(post("/followup/detentions/{id}/release", fu.foreignDetention.id()).param("releasedOn", today)
                        .param("oatInside", "CONTINUED"), c)));
        all.add(new Endpoint("GET /api/followup/detentions", FOLLOW_UP_WORKERS, c -> api(get("/api/followup/detentions"), c),
                c -> api(get("/api/followup/detentions").param("client", String.valueOf(fc)), c)));
        all.add(new Endpoint("POST /api/followup/detentions", FOLLOW_UP_WORKERS,
                c -> json(api(post("/api/followup/detentions"), c), detention(fu.freshClient().id(), today)),
                c -> json(api(post("/api/followup/detentions"), c), detention(fc, today))));
        all.add(new Endpoint("GET /api/followup/detentions/{id}", FOLLOW_UP_WORKERS,
                c -> api(get("/api/followup/detentions/{id}", fu.freshDetention()), c),
                c -> api(get("/api/followup/detentions/{id}", fu.foreignDetention.id()), c)));
        all.add(new Endpoint("POST /api/followup/detentions/{id}/release", FOLLOW_UP_WORKERS,
                c -> json(api(post("/api/followup/detentions/{id}/release", fu.freshDetention()), c), release(today)),
                c -> json(api(post("/api/followup/detentions/{id}/release", fu.foreignDetention.id()), c), release(today))));
        all.add(new Endpoint("GET /followup/transfers", FOLLOW_UP_MANAGERS, c -> page(get("/followup/transfers"), c), null));
        all.add(new Endpoint("GET /followup/transfers/new", FOLLOW_UP_MANAGERS,
                c -> page(get("/followup/transfers/new").param("client", String.valueOf(hc)), c),
                c -> page(get("/followup/transfers/new").param("client", String.valueOf(fc)), c)));
        all.add(new Endpoint("POST /followup/transfers/new", FOLLOW_UP_MANAGERS,
                c -> page(transferForm(post("/followup/transfers/new"), fu.freshClient().id(), fu.partnerListing.id(), today), c),
                c -> page(transferForm(post("/followup/transfers/new"), fc, fu.partnerListing.id(), today), c)));
        all.add(new Endpoint("GET /api/followup/transfers", FOLLOW_UP_MANAGERS, c -> api(get("/api/followup/transfers"), c),
                c -> api(get("/api/followup/transfers").param("client", String.valueOf(fc)), c)));
        all.add(new Endpoint("POST /api/followup/transfers", FOLLOW_UP_MANAGERS,
                c -> json(api(post("/api/followup/transfers"), c), transfer(fu.freshClient().id(), fu.partnerListing.id(), today)),
                c -> json(api(post("/api/followup/transfers"), c), transfer(fc, fu.partnerListing.id(), today))));
        all.add(new Endpoint("GET /followup/arrivals/{id}", FOLLOW_UP_MANAGERS,
                c -> page(get("/followup/arrivals/{id}", fu.freshArrival()), c),
                c -> page(get("/followup/arrivals/{id}", fu.outgoingTransfer), c)));
        all.add(new Endpoint("POST /followup/arrivals/{id}/confirm", FOLLOW_UP_MANAGERS,
                c -> page(post("/followup/arrivals/{id}/confirm", fu.freshArrival()).param("arrivedOn", today)
                        .param("existingClientId", String.valueOf(fu.freshClient().id())), c),
                c -> page(post("/followup/arrivals/{id}/confirm", fu.outgoingTransfer).param("arrivedOn", today)
                        .param("existingClientId", String.valueOf(hc)), c)));
        all.add(new Endpoint("POST /followup/arrivals/{id}/no-show", FOLLOW_UP_MANAGERS,
                c -> page(post("/followup/arrivals/{id}/no-show", fu.freshArrival()).param("date", today), c),
                c -> page(post("/followup/arrivals/{id}/no-show", fu.outgoingTransfer).param("date", today), c)));
        all.add(new Endpoint("GET /api/followup/arrivals", FOLLOW_UP_MANAGERS, c -> api(get("/api/followup/arrivals"), c), null));
        all.add(new Endpoint("GET /api/followup/arrivals/{id}", FOLLOW_UP_MANAGERS,
                c -> api(get("/api/followup/arrivals/{id}", fu.freshArrival()), c),
                c -> api(get("/api/followup/arrivals/{id}", fu.outgoingTransfer), c)));
        all.add(new Endpoint("POST /api/followup/arrivals/{id}/confirm", FOLLOW_UP_MANAGERS,
                c -> json(api(post("/api/followup/arrivals/{id}/confirm", fu.freshArrival()), c),
                        "{\"arrivedOn\":\"" + today + "\",\"existingClientId\":" + fu.freshClient().id() + "}"),
                c -> json(api(post("/api/followup/arrivals/{id}/confirm", fu.outgoingTransfer), c),
                        "{\"arrivedOn\":\"" + today + "\",\"existingClientId\":" + hc + "}")));
        all.add(new Endpoint("POST /api/followup/arrivals/{id}/no-show", FOLLOW_UP_MANAGERS,
                c -> json(api(post("/api/followup/arrivals/{id}/no-show", fu.freshArrival()), c), "{\"date\":\"" + today + "\"}"),
                c -> json(api(post("/api/followup/arrivals/{id}/no-show", fu.outgoingTransfer), c), "{\"date\":\"" + today + "\"}")));
        all.add(new Endpoint("GET /followup/directory", DIRECTORY_READERS, c -> page(get("/followup/directory"), c), null));
        all.add(new Endpoint("POST /followup/directory", SERVICE_MANAGERS,
                c -> page(directoryForm(post("/followup/directory"), w.homeSite.id()), c),
                c -> page(directoryForm(post("/followup/directory"), w.foreignSite.id()), c)));
        all.add(new Endpoint("GET /api/followup/directory", DIRECTORY_READERS, c -> api(get("/api/followup/directory"), c), null));
        all.add(new Endpoint("POST /api/followup/directory", SERVICE_MANAGERS,
                c -> json(api(post("/api/followup/directory"), c), listing(w.homeSite.id())),
                c -> json(api(post("/api/followup/directory"), c), listing(w.foreignSite.id()))));
        all.add(new Endpoint("GET /followup/flows", COORDINATORS, c -> page(get("/followup/flows"), c), null));
        all.add(new Endpoint("GET /api/followup/flows", COORDINATORS,
                c -> api(get("/api/followup/flows").param("year", "2026").param("quarter", "1"), c), null));

        // Rapid assessment (org.reach.rar): API
        long ha = rarHomeAssessment.id();
        long fa = rarForeignAssessment.id();
        long hh = homeHotspot.id();
        long fh = foreignHotspot.id();
        all.add(new Endpoint("GET /api/rar/assessments", ALL, c -> api(get("/api/rar/assessments"), c),
                c -> api(get("/api/rar/assessments"), c)));
        all.add(new Endpoint("GET /api/rar/assessments/{id}", RAR_READERS, c -> api(get("/api/rar/assessments/{id}", ha), c),
                c -> api(get("/api/rar/assessments/{id}", fa), c)));
        all.add(new Endpoint("POST /api/rar/assessments", RAR_MANAGERS,
                c -> json(api(post("/api/rar/assessments"), c), assessment(w.home.id(), "API assessment " + c.n())),
                c -> json(api(post("/api/rar/assessments"), c), assessment(w.foreign.id(), "Planted " + c.n()))));
        all.add(new Endpoint("PUT /api/rar/assessments/{id}", RAR_MANAGERS,
                c -> json(api(put("/api/rar/assessments/{id}", ha), c), assessment(w.home.id(), "Home assessment")),
                c -> json(api(put("/api/rar/assessments/{id}", fa), c), assessment(w.foreign.id(), "Taken " + c.n()))));
        all.add(new Endpoint("GET /api/rar/assessments/{id}/hotspots", RAR_READERS,
                c -> api(get("/api/rar/assessments/{id}/hotspots", ha), c),
                c -> api(get("/api/rar/assessments/{id}/hotspots", fa), c)));
        all.add(new Endpoint("POST /api/rar/assessments/{id}/hotspots", RAR_FIELD_TEAM,
                c -> json(api(post("/api/rar/assessments/{id}/hotspots", ha), c), hotspot("API hotspot " + c.n())),
                c -> json(api(post("/api/rar/assessments/{id}/hotspots", fa), c), hotspot("Planted " + c.n()))));
        all.add(new Endpoint("GET /api/rar/hotspots/{id}", RAR_READERS, c -> api(get("/api/rar/hotspots/{id}", hh), c),
                c -> api(get("/api/rar/hotspots/{id}", fh), c)));
        all.add(new Endpoint("PUT /api/rar/hotspots/{id}", RAR_FIELD_TEAM,
                c -> json(api(put("/api/rar/hotspots/{id}", hh), c), hotspot("Home hotspot")),
                c -> json(api(put("/api/rar/hotspots/{id}", fh), c), hotspot("Renamed " + c.n()))));
        all.add(new Endpoint("POST /api/rar/hotspots/{id}/visits", RAR_FIELD_TEAM,
                c -> json(api(post("/api/rar/hotspots/{id}/visits", hh), c), VISIT),
                c -> json(api(post("/api/rar/hotspots/{id}/visits", fh), c), VISIT)));
        all.add(new Endpoint("POST /api/rar/hotspots/{id}/key-informants", RAR_MANAGERS,
                c -> json(api(post("/api/rar/hotspots/{id}/key-informants", hh), c), KEY_INFORMANT),
                c -> json(api(post("/api/rar/hotspots/{id}/key-informants", fh), c), KEY_INFORMANT)));
        all.add(new Endpoint("POST /api/rar/hotspots/{id}/captures", RAR_MANAGERS,
                c -> json(api(post("/api/rar/hotspots/{id}/captures", hh), c), CAPTURE),
                c -> json(api(post("/api/rar/hotspots/{id}/captures", fh), c), CAPTURE)));
        all.add(new Endpoint("POST /api/rar/hotspots/{id}/multipliers", RAR_MANAGERS,
                c -> json(api(post("/api/rar/hotspots/{id}/multipliers", hh), c), MULTIPLIER),
                c -> json(api(post("/api/rar/hotspots/{id}/multipliers", fh), c), MULTIPLIER)));
        all.add(new Endpoint("PUT /api/rar/hotspots/{id}/reached", RAR_MANAGERS,
                c -> json(api(put("/api/rar/hotspots/{id}/reached", hh), c), "{\"ALL\":5,\"WOMEN\":1}"),
                c -> json(api(put("/api/rar/hotspots/{id}/reached", fh), c), "{\"ALL\":5}")));
        all.add(new Endpoint("GET /api/rar/assessments/{id}/estimates", RAR_READERS,
                c -> api(get("/api/rar/assessments/{id}/estimates", ha), c),
                c -> api(get("/api/rar/assessments/{id}/estimates", fa), c)));
        all.add(new Endpoint("GET /api/rar/assessments/{id}/gaps", RAR_READERS,
                c -> api(get("/api/rar/assessments/{id}/gaps", ha), c),
                c -> api(get("/api/rar/assessments/{id}/gaps", fa), c)));

        // Rapid assessment (org.reach.rar): pages
        all.add(new Endpoint("GET /rar", ALL, c -> page(get("/rar"), c), c -> page(get("/rar"), c)));
        all.add(new Endpoint("GET /rar/new", RAR_MANAGERS, c -> page(get("/rar/new"), c), null));
        all.add(new Endpoint("POST /rar/new", RAR_MANAGERS,
                c -> page(rarAssessmentForm(post("/rar/new"), w.home.id(), "Page assessment " + c.n()), c),
                c -> page(rarAssessmentForm(post("/rar/new"), w.foreign.id(), "Planted " + c.n()), c)));
        for (String path : List.of("/rar/{id}", "/rar/{id}/map", "/rar/{id}/hotspots.geojson", "/rar/{id}/gaps",
                "/rar/{id}/findings", "/rar/{id}/report.pdf", "/rar/{id}/report.xlsx")) {
            all.add(new Endpoint("GET " + path, RAR_READERS, c -> page(get(path, ha), c), c -> page(get(path, fa), c)));
        }
        all.add(new Endpoint("GET /rar/{id}/edit", RAR_MANAGERS, c -> page(get("/rar/{id}/edit", ha), c),
                c -> page(get("/rar/{id}/edit", fa), c)));
        all.add(new Endpoint("POST /rar/{id}/edit", RAR_MANAGERS,
                c -> page(rarAssessmentForm(post("/rar/{id}/edit", ha), w.home.id(), "Home assessment"), c),
                c -> page(rarAssessmentForm(post("/rar/{id}/edit", fa), w.foreign.id(), "Taken " + c.n()), c)));
        all.add(new Endpoint("GET /rar/{id}/hotspots/new", RAR_FIELD_TEAM, c -> page(get("/rar/{id}/hotspots/new", ha), c),
                c -> page(get("/rar/{id}/hotspots/new", fa), c)));
        all.add(new Endpoint("POST /rar/{id}/hotspots/new", RAR_FIELD_TEAM,
                c -> page(hotspotParams(post("/rar/{id}/hotspots/new", ha), "Page hotspot " + c.n()), c),
                c -> page(hotspotParams(post("/rar/{id}/hotspots/new", fa), "Planted " + c.n()), c)));
        all.add(new Endpoint("GET /rar/hotspots/{id}", RAR_READERS, c -> page(get("/rar/hotspots/{id}", hh), c),
                c -> page(get("/rar/hotspots/{id}", fh), c)));
        all.add(new Endpoint("GET /rar/hotspots/{id}/edit", RAR_FIELD_TEAM, c -> page(get("/rar/hotspots/{id}/edit", hh), c),
                c -> page(get("/rar/hotspots/{id}/edit", fh), c)));
        all.add(new Endpoint("POST /rar/hotspots/{id}/edit", RAR_FIELD_TEAM,
                c -> page(hotspotParams(post("/rar/hotspots/{id}/edit", hh), "Home hotspot"), c),
                c -> page(hotspotParams(post("/rar/hotspots/{id}/edit", fh), "Renamed " + c.n()), c)));
        all.add(new Endpoint("POST /rar/hotspots/{id}/visits", RAR_FIELD_TEAM,
                c -> page(post("/rar/hotspots/{id}/visits", hh).param("visitedOn", "2026-03-02").param("total", "9"), c),
                c -> page(post("/rar/hotspots/{id}/visits", fh).param("visitedOn", "2026-03-02").param("total", "9"), c)));
        all.add(new Endpoint("POST /rar/hotspots/{id}/key-informants", RAR_MANAGERS,
                c -> page(post("/rar/hotspots/{id}/key-informants", hh).param("informant", "shopkeeper")
                        .param("minimum", "10").param("maximum", "20"), c),
                c -> page(post("/rar/hotspots/{id}/key-informants", fh).param("informant", "shopkeeper")
                        .param("minimum", "10").param("maximum", "20"), c)));
        all.add(new Endpoint("POST /rar/hotspots/{id}/captures", RAR_MANAGERS,
                c -> page(post("/rar/hotspots/{id}/captures", hh).param("marked", "20").param("secondSample", "15")
                        .param("recaptured", "5"), c),
                c -> page(post("/rar/hotspots/{id}/captures", fh).param("marked", "20").param("secondSample", "15")
                        .param("recaptured", "5"), c)));
        all.add(new Endpoint("POST /rar/hotspots/{id}/multipliers", RAR_MANAGERS,
                c -> page(post("/rar/hotspots/{id}/multipliers", hh).param("service", "needles").param("serviceCount", "40")
                        .param("respondents", "50").param("users", "20"), c),
                c -> page(post("/rar/hotspots/{id}/multipliers", fh).param("service", "needles").param("serviceCount", "40")
                        .param("respondents", "50").param("users", "20"), c)));
        all.add(new Endpoint("POST /rar/hotspots/{id}/reached", RAR_MANAGERS,
                c -> page(post("/rar/hotspots/{id}/reached", hh).param("reached_ALL", "6"), c),
                c -> page(post("/rar/hotspots/{id}/reached", fh).param("reached_ALL", "6"), c)));
        all.add(new Endpoint("POST /rar/{id}/notes", RAR_FIELD_TEAM,
                c -> page(post("/rar/{id}/notes", ha).param("kind", "INTERVIEW").param("codes", "BARRIERS")
                        .param("summary", "Clinic hours do not fit"), c),
                c -> page(post("/rar/{id}/notes", fa).param("kind", "INTERVIEW").param("codes", "BARRIERS")
                        .param("summary", "Planted"), c)));
        all.add(new Endpoint("POST /rar/{id}/recommendations", RAR_MANAGERS,
                c -> page(recommendationParams(post("/rar/{id}/recommendations", ha), "Page recommendation " + c.n()), c),
                c -> page(recommendationParams(post("/rar/{id}/recommendations", fa), "Planted " + c.n()), c)));
        all.add(new Endpoint("POST /rar/recommendations/{id}", RAR_MANAGERS,
                c -> page(recommendationParams(post("/rar/recommendations/{id}", homeRecommendation.id()), "Home recommendation"), c),
                c -> page(recommendationParams(post("/rar/recommendations/{id}", foreignRecommendation.id()), "Taken " + c.n()), c)));
        all.add(new Endpoint("GET /rar/{id}/import", RAR_FIELD_TEAM, c -> page(get("/rar/{id}/import", ha), c),
                c -> page(get("/rar/{id}/import", fa), c)));
        all.add(new Endpoint("POST /rar/{id}/import", RAR_FIELD_TEAM,
                c -> rarUpload(multipart("/rar/{id}/import", ha).file(surveyFile(c.n())), c),
                c -> rarUpload(multipart("/rar/{id}/import", fa).file(surveyFile(c.n())), c)));
        all.add(new Endpoint("POST /rar/{id}/import/{upload}", RAR_FIELD_TEAM,
                c -> page(post("/rar/{id}/import/{upload}", ha, upload(c, ha)).param("map_name", "hotspot")
                        .param("map_gps", "gps"), c),
                c -> page(post("/rar/{id}/import/{upload}", fa, upload(c, ha)).param("map_name", "hotspot")
                        .param("map_gps", "gps"), c)));
        all.add(new Endpoint("GET /rar/{id}/import/jobs/{job}", RAR_READERS,
                c -> page(get("/rar/{id}/import/jobs/{job}", ha, importJob(c)), c),
                c -> page(get("/rar/{id}/import/jobs/{job}", fa, importJob(c)), c)));
        all.add(new Endpoint("POST /rar/{id}/import/geojson", RAR_FIELD_TEAM,
                c -> rarUpload(multipart("/rar/{id}/import/geojson", ha).file(geojsonFile("GeoJSON hotspot " + c.n())), c),
                c -> rarUpload(multipart("/rar/{id}/import/geojson", fa).file(geojsonFile("Planted " + c.n())), c)));
        // Indicators: definitions, suppressed values, size estimates, DHIS2, dashboard and exports
        String home = String.valueOf(w.home.id());
        String foreign = String.valueOf(w.foreign.id());
        for (String path : List.of("/api/indicators/values", "/api/indicators/all", "/api/indicators/trend")) {
            all.add(new Endpoint("GET " + path, INDICATOR_VIEWERS,
                    c -> api(get(path).param("indicator", "NALOXONE_KITS").param("period", "2026Q1")
                            .param("disaggregation", "SITE"), c),
                    c -> api(get(path).param("indicator", "NALOXONE_KITS").param("period", "2026Q1")
                            .param("disaggregation", "SITE").param("organisationId", foreign), c)));
        }
        all.add(new Endpoint("GET /api/indicators", INDICATOR_VIEWERS, c -> api(get("/api/indicators"), c),
                c -> api(get("/api/indicators"), c)));
        all.add(new Endpoint("GET /api/indicators/denominators", INDICATOR_VIEWERS,
                c -> api(get("/api/indicators/denominators"), c),
                c -> api(get("/api/indicators/denominators").param("organisationId", foreign), c)));
        all.add(new Endpoint("POST /api/indicators/denominators", INDICATOR_EDITORS,
                c -> json(api(post("/api/indicators/denominators"), c),
                        "{\"population\":\"PEOPLE_WHO_INJECT_DRUGS\",\"area\":\"Lyari\",\"year\":2026,\"estimate\":1200}"),
                c -> json(api(post("/api/indicators/denominators"), c), "{\"organisationId\":" + foreign
                        + ",\"population\":\"PEOPLE_WHO_INJECT_DRUGS\",\"area\":\"Planted\",\"year\":2026,\"estimate\":1}")));
        all.add(new Endpoint("GET /api/indicators/dhis2-mappings", INDICATOR_VIEWERS,
                c -> api(get("/api/indicators/dhis2-mappings").param("organisationId", home), c),
                c -> api(get("/api/indicators/dhis2-mappings").param("organisationId", foreign), c)));
        all.add(new Endpoint("POST /api/indicators/dhis2-mappings", INDICATOR_EDITORS,
                c -> json(api(post("/api/indicators/dhis2-mappings"), c), "{\"indicatorCode\":\"NALOXONE_KITS\","
                        + "\"disaggregation\":\"NONE\",\"dataElement\":\"deNaloxone1\",\"categoryOptionCombo\":\"HllvX50cXC0\","
                        + "\"orgUnit\":\"ouKarachi01\"}"),
                c -> json(api(post("/api/indicators/dhis2-mappings"), c), "{\"organisationId\":" + foreign
                        + ",\"indicatorCode\":\"NALOXONE_KITS\",\"dataElement\":\"deNaloxone1\","
                        + "\"categoryOptionCombo\":\"HllvX50cXC0\",\"orgUnit\":\"ouKarachi01\"}")));
        all.add(new Endpoint("POST /api/indicators/dhis2/push", INDICATOR_EDITORS,
                c -> api(post("/api/indicators/dhis2/push").param("period", "2026Q1").param("organisationId", home), c),
                c -> api(post("/api/indicators/dhis2/push").param("period", "2026Q1").param("organisationId", foreign), c)));
        all.add(new Endpoint("POST /indicators/dhis2", INDICATOR_EDITORS,
                c -> page(post("/indicators/dhis2").param("period", "2026Q1").param("organisationId", home), c),
                c -> page(post("/indicators/dhis2").param("period", "2026Q1").param("organisationId", foreign), c)));
        // Coordinators and administrators see the programme; one organisation's suppressed values beside it
        // would give small counts away, so its DHIS2 payload is for the organisation's own staff.
        all.add(new Endpoint("GET /api/indicators/dhis2", EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.ME_OFFICER),
                c -> api(get("/api/indicators/dhis2").param("period", "2026Q1").param("organisationId", home), c),
                c -> api(get("/api/indicators/dhis2").param("period", "2026Q1").param("organisationId", foreign), c)));
        all.add(new Endpoint("GET /indicators", INDICATOR_VIEWERS,
                c -> page(get("/indicators").param("period", "2026Q1").param("disaggregation", "SITE"), c),
                c -> page(get("/indicators").param("period", "2026Q1").param("organisationId", foreign), c)));
        all.add(new Endpoint("GET /indicators/estimates", INDICATOR_VIEWERS, c -> page(get("/indicators/estimates"), c),
                c -> page(get("/indicators/estimates").param("organisationId", foreign), c)));
        all.add(new Endpoint("GET /api/indicators/own", INDICATOR_VIEWERS, c -> api(get("/api/indicators/own"), c),
                c -> api(get("/api/indicators/own").param("organisationId", foreign), c)));
        all.add(new Endpoint("POST /api/indicators/own", INDICATOR_EDITORS,
                c -> json(api(post("/api/indicators/own"), c), "{\"name\":\"Own " + c.n() + "\","
                        + "\"serviceCode\":\"NALOXONE_KIT\",\"counts\":\"QUANTITY\",\"per\":\"NONE\"}"),
                c -> json(api(post("/api/indicators/own"), c), "{\"organisationId\":" + foreign + ",\"name\":\"Planted "
                        + c.n() + "\",\"serviceCode\":\"NALOXONE_KIT\",\"counts\":\"QUANTITY\",\"per\":\"NONE\"}")));
        all.add(new Endpoint("POST /api/indicators/own/{id}/retire", INDICATOR_EDITORS,
                c -> api(post("/api/indicators/own/{id}/retire", ownIndicator(false)), c),
                c -> api(post("/api/indicators/own/{id}/retire", ownIndicator(true)), c)));
        all.add(new Endpoint("GET /indicators/own", INDICATOR_VIEWERS, c -> page(get("/indicators/own"), c),
                c -> page(get("/indicators/own"), c)));
        all.add(new Endpoint("POST /indicators/own", INDICATOR_EDITORS,
                c -> page(post("/indicators/own").param("name", "Own " + c.n()).param("serviceCode", "NALOXONE_KIT")
                        .param("counts", "PEOPLE").param("per", "REACHED"), c),
                c -> page(post("/indicators/own").param("organisationId", foreign).param("name", "Planted " + c.n())
                        .param("serviceCode", "NALOXONE_KIT").param("counts", "PEOPLE").param("per", "REACHED"), c)));
        all.add(new Endpoint("POST /indicators/own/{id}/retire", INDICATOR_EDITORS,
                c -> page(post("/indicators/own/{id}/retire", ownIndicator(false)), c),
                c -> page(post("/indicators/own/{id}/retire", ownIndicator(true)), c)));
        all.add(new Endpoint("POST /indicators/estimates", INDICATOR_EDITORS,
                c -> page(post("/indicators/estimates").param("population", "OPIOID_DEPENDENT").param("area", "Lyari")
                        .param("year", "2026").param("estimate", "700"), c),
                c -> page(post("/indicators/estimates").param("organisationId", foreign).param("population", "OPIOID_DEPENDENT")
                        .param("area", "Planted").param("year", "2026").param("estimate", "1"), c)));
        // The full export: started by anyone who may read indicators, followed and downloaded only by its starter
        all.add(new Endpoint("POST /indicators/exports", INDICATOR_VIEWERS,
                c -> page(post("/indicators/exports").param("period", "2026Q1").param("format", "CSV"), c),
                c -> page(post("/indicators/exports").param("period", "2026Q1").param("format", "CSV")
                        .param("organisationId", foreign), c)));
        all.add(new Endpoint("GET /indicators/exports/{id}", INDICATOR_VIEWERS,
                c -> page(get("/indicators/exports/{id}", exportJob(c)), c),
                c -> page(get("/indicators/exports/{id}", foreignExportJob()), c)));
        all.add(new Endpoint("GET /indicators/exports/{id}/file", INDICATOR_VIEWERS,
                c -> page(get("/indicators/exports/{id}/file", exportJob(c)), c),
                c -> page(get("/indicators/exports/{id}/file", foreignExportJob()), c)));
        all.add(new Endpoint("POST /api/indicators/exports", INDICATOR_VIEWERS,
                c -> api(post("/api/indicators/exports").param("period", "2026Q1").param("format", "CSV"), c),
                c -> api(post("/api/indicators/exports").param("period", "2026Q1").param("format", "CSV")
                        .param("organisationId", foreign), c)));
        all.add(new Endpoint("GET /api/indicators/exports/{id}", INDICATOR_VIEWERS,
                c -> api(get("/api/indicators/exports/{id}", exportJob(c)), c),
                c -> api(get("/api/indicators/exports/{id}", foreignExportJob()), c)));
        all.add(new Endpoint("GET /api/indicators/exports/{id}/file", INDICATOR_VIEWERS,
                c -> api(get("/api/indicators/exports/{id}/file", exportJob(c)), c),
                c -> api(get("/api/indicators/exports/{id}/file", foreignExportJob()), c)));
        for (String path : List.of("/indicators/export.csv", "/indicators/export.xlsx", "/indicators/report.pdf")) {
            all.add(new Endpoint("GET " + path, INDICATOR_VIEWERS,
                    c -> page(get(path).param("period", "2026Q1").param("disaggregation", "SITE"), c),
                    c -> page(get(path).param("period", "2026Q1").param("organisationId", foreign), c)));
        }

        // Infections: records of a client, the client's panel, the care cascades
        all.add(new Endpoint("POST /api/infections/records", RECORDERS,
                c -> json(api(post("/api/infections/records"), c), infectionJson(sv.homeClient.id())),
                c -> json(api(post("/api/infections/records"), c), infectionJson(sv.foreignClient.id()))));
        all.add(new Endpoint("GET /api/infections/records", CLIENT_READERS, c -> api(get("/api/infections/records"), c),
                c -> api(get("/api/infections/records").param("client", String.valueOf(sv.foreignClient.id())), c)));
        all.add(new Endpoint("GET /api/infections/records/{id}", CLIENT_READERS,
                c -> api(get("/api/infections/records/{id}", homeInfection.id()), c),
                c -> api(get("/api/infections/records/{id}", foreignInfection.id()), c)));
        all.add(new Endpoint("GET /infections/clients/{clientId}", CLIENT_READERS,
                c -> page(get("/infections/clients/{id}", sv.homeClient.id()), c),
                c -> page(get("/infections/clients/{id}", sv.foreignClient.id()), c)));
        all.add(new Endpoint("POST /infections/clients/{clientId}", RECORDERS,
                c -> page(post("/infections/clients/{id}", sv.homeClient.id()), c).param("uuid", UUID.randomUUID().toString())
                        .param("kind", "TB_SCREENING").param("date", LocalDate.now(ZoneOffset.UTC).toString())
                        .param("result", "NEGATIVE"),
                c -> page(post("/infections/clients/{id}", sv.foreignClient.id()), c).param("uuid", UUID.randomUUID().toString())
                        .param("kind", "TB_SCREENING").param("date", LocalDate.now(ZoneOffset.UTC).toString())
                        .param("result", "NEGATIVE")));
        for (String path : List.of("/infections/cascades", "/infections/cascades.csv")) {
            all.add(new Endpoint("GET " + path, INDICATOR_VIEWERS, c -> page(get(path).param("period", "2025"), c),
                    c -> page(get(path).param("period", "2025").param("organisationId", foreign), c)));
        }
        rightsEndpoints(all);
        fieldEndpoints(all);
        // Outreach: sessions and stock
        Set<Role> stockKeepers = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER);
        Set<Role> stockReaders = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.ME_OFFICER);
        all.add(new Endpoint("POST /api/outreach/sessions", RECORDERS,
                c -> json(api(post("/api/outreach/sessions"), c), outreachSessionJson(w.homeSite.id())),
                c -> json(api(post("/api/outreach/sessions"), c), outreachSessionJson(w.foreignSite.id()))));
        all.add(new Endpoint("POST /api/outreach/sessions/batch", RECORDERS,
                c -> json(api(post("/api/outreach/sessions/batch"), c),
                        "{\"sessions\":[" + outreachSessionJson(w.homeSite.id()) + "]}"),
                c -> json(api(post("/api/outreach/sessions/batch"), c),
                        "{\"sessions\":[" + outreachSessionJson(w.foreignSite.id()) + "]}")));
        all.add(new Endpoint("GET /api/outreach/sessions", CLIENT_READERS, c -> api(get("/api/outreach/sessions"), c),
                c -> api(get("/api/outreach/sessions").param("site", String.valueOf(w.foreignSite.id())), c)));
        all.add(new Endpoint("GET /api/outreach/sessions/{id}", CLIENT_READERS,
                c -> api(get("/api/outreach/sessions/{id}", homeOutreachSession), c),
                c -> api(get("/api/outreach/sessions/{id}", foreignOutreachSession), c)));
        all.add(new Endpoint("GET /api/outreach/stock", stockReaders, c -> api(get("/api/outreach/stock"), c),
                c -> api(get("/api/outreach/stock"), c)));
        all.add(new Endpoint("GET /api/outreach/stock/movements", stockReaders,
                c -> api(get("/api/outreach/stock/movements"), c), c -> api(get("/api/outreach/stock/movements"), c)));
        all.add(new Endpoint("POST /api/outreach/stock/movements", stockKeepers,
                c -> json(api(post("/api/outreach/stock/movements"), c), stockJson(w.homeSite.id())),
                c -> json(api(post("/api/outreach/stock/movements"), c), stockJson(w.foreignSite.id()))));
        all.add(new Endpoint("GET /outreach/sessions", CLIENT_READERS, c -> page(get("/outreach/sessions"), c),
                c -> page(get("/outreach/sessions"), c)));
        all.add(new Endpoint("GET /outreach/sessions/new", RECORDERS, c -> page(get("/outreach/sessions/new"), c), null));
        all.add(new Endpoint("POST /outreach/sessions/new", RECORDERS,
                c -> page(post("/outreach/sessions/new").param("uuid", java.util.UUID.randomUUID().toString())
                        .param("siteId", String.valueOf(w.homeSite.id())).param("date", LocalDate.now(ZoneOffset.UTC).toString())
                        .param("start", "09:00").param("end", "10:00").param("condoms", "3"), c),
                c -> page(post("/outreach/sessions/new").param("uuid", java.util.UUID.randomUUID().toString())
                        .param("siteId", String.valueOf(w.foreignSite.id())).param("date", LocalDate.now(ZoneOffset.UTC).toString())
                        .param("start", "09:00").param("end", "10:00").param("condoms", "3"), c)));
        all.add(new Endpoint("GET /outreach/sessions/{id}", CLIENT_READERS,
                c -> page(get("/outreach/sessions/{id}", homeOutreachSession), c),
                c -> page(get("/outreach/sessions/{id}", foreignOutreachSession), c)));
        all.add(new Endpoint("GET /outreach/stock", stockReaders, c -> page(get("/outreach/stock"), c),
                c -> page(get("/outreach/stock"), c)));
        all.add(new Endpoint("POST /outreach/stock", stockKeepers,
                c -> page(post("/outreach/stock").param("siteId", String.valueOf(w.homeSite.id())).param("item", "CONDOMS")
                        .param("kind", "RECEIPT").param("quantity", "10"), c),
                c -> page(post("/outreach/stock").param("siteId", String.valueOf(w.foreignSite.id())).param("item", "CONDOMS")
                        .param("kind", "RECEIPT").param("quantity", "10"), c)));
        Set<Role> planReaders = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.ME_OFFICER, Role.OUTREACH_WORKER);
        all.add(new Endpoint("GET /api/outreach/plan", planReaders, c -> api(get("/api/outreach/plan"), c),
                c -> api(get("/api/outreach/plan"), c)));
        all.add(new Endpoint("POST /api/outreach/plan", stockKeepers,
                c -> json(api(post("/api/outreach/plan"), c), planJson(w.homeSite.id(), w.user(Role.OUTREACH_WORKER).id(),
                        homeHotspot.id())),
                c -> json(api(post("/api/outreach/plan"), c), planJson(w.foreignSite.id(), w.foreignPeer.id(),
                        foreignHotspot.id()))));
        all.add(new Endpoint("DELETE /api/outreach/plan/{id}", stockKeepers,
                c -> api(delete("/api/outreach/plan/{id}", homePlanEntry()), c),
                c -> api(delete("/api/outreach/plan/{id}", foreignPlanEntry), c)));
        all.add(new Endpoint("GET /api/outreach/needs", planReaders, c -> api(get("/api/outreach/needs"), c),
                c -> api(get("/api/outreach/needs"), c)));
        all.add(new Endpoint("GET /api/outreach/my-month", EnumSet.of(Role.OUTREACH_WORKER),
                c -> api(get("/api/outreach/my-month"), c), c -> api(get("/api/outreach/my-month"), c)));
        all.add(new Endpoint("GET /outreach/plan", planReaders, c -> page(get("/outreach/plan"), c),
                c -> page(get("/outreach/plan"), c)));
        all.add(new Endpoint("POST /outreach/plan", stockKeepers,
                c -> page(post("/outreach/plan").param("siteId", String.valueOf(w.homeSite.id()))
                        .param("peerId", String.valueOf(w.user(Role.OUTREACH_WORKER).id()))
                        .param("hotspotId", String.valueOf(homeHotspot.id())).param("weekday", "WEDNESDAY"), c),
                c -> page(post("/outreach/plan").param("siteId", String.valueOf(w.foreignSite.id()))
                        .param("peerId", String.valueOf(w.foreignPeer.id()))
                        .param("hotspotId", String.valueOf(foreignHotspot.id())).param("weekday", "WEDNESDAY"), c)));
        all.add(new Endpoint("POST /outreach/plan/{id}/remove", stockKeepers,
                c -> page(post("/outreach/plan/{id}/remove", homePlanEntry()), c),
                c -> page(post("/outreach/plan/{id}/remove", foreignPlanEntry), c)));

        // Record linkage: staff read hints about their own clients; a coordinator runs linkage and sees runs only
        Set<Role> linkageCoordinators = EnumSet.of(Role.COORDINATOR);
        Set<Role> linkagePage = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.ME_OFFICER, Role.OUTREACH_WORKER,
                Role.PROTECTION_OFFICER, Role.COORDINATOR);
        all.add(new Endpoint("GET /api/linkage/hints", CLIENT_REGISTRY_READERS, c -> api(get("/api/linkage/hints"), c), null));
        all.add(new Endpoint("GET /api/linkage/clients/{id}", CLIENT_REGISTRY_READERS,
                c -> api(get("/api/linkage/clients/{id}", services.homeClient.id()), c),
                c -> api(get("/api/linkage/clients/{id}", services.foreignClient.id()), c)));
        all.add(new Endpoint("POST /api/linkage/runs", linkageCoordinators, c -> api(post("/api/linkage/runs"), c), null));
        all.add(new Endpoint("GET /api/linkage/runs", linkageCoordinators, c -> api(get("/api/linkage/runs"), c), null));
        all.add(new Endpoint("GET /linkage", linkagePage, c -> page(get("/linkage"), c), null));
        all.add(new Endpoint("POST /linkage/runs", linkageCoordinators, c -> page(post("/linkage/runs"), c), null));
        // Early warning (org.reach.earlywarning): API and pages
        org.reach.earlywarning.EarlyWarningFixture ew = drugs;
        String reportDay = earlyWarning.today().toString();
        java.util.function.BiFunction<Long, Integer, String> drugReport = (site, n) -> "{\"uuid\":\""
                + java.util.UUID.randomUUID() + "\",\"reportedOn\":\"" + reportDay + "\",\"siteId\":" + site
                + ",\"soldAsId\":" + ew.heroin + ",\"form\":\"POWDER\",\"route\":\"SMOKING\",\"source\":\"PEER\"}";
        all.add(new Endpoint("POST /api/earlywarning/reports", RECORDERS,
                c -> json(api(post("/api/earlywarning/reports"), c), drugReport.apply(w.homeSite.id(), c.n())),
                c -> json(api(post("/api/earlywarning/reports"), c), drugReport.apply(w.foreignSite.id(), c.n()))));
        all.add(new Endpoint("GET /api/earlywarning/reports", DRUG_REPORT_READERS,
                c -> api(get("/api/earlywarning/reports"), c), c -> api(get("/api/earlywarning/reports"), c)));
        all.add(new Endpoint("GET /api/earlywarning/reports/{id}", DRUG_REPORT_READERS,
                c -> api(get("/api/earlywarning/reports/{id}", ew.homeReport), c),
                c -> api(get("/api/earlywarning/reports/{id}", ew.foreignReport), c)));
        all.add(new Endpoint("GET /api/earlywarning/substances", ALL,
                c -> api(get("/api/earlywarning/substances"), c), null));
        all.add(new Endpoint("POST /api/earlywarning/substances", COORDINATORS,
                c -> json(api(post("/api/earlywarning/substances"), c), "{\"name\":\"Substance " + c.n() + "\"}"),
                null));
        all.add(new Endpoint("GET /api/earlywarning/series", DRUG_REPORT_READERS,
                c -> api(get("/api/earlywarning/series").param("name", "adulterant.FENTANYL"), c), null));
        all.add(new Endpoint("GET /api/earlywarning/alerts", DRUG_REPORT_READERS,
                c -> api(get("/api/earlywarning/alerts"), c), c -> api(get("/api/earlywarning/alerts"), c)));
        all.add(new Endpoint("GET /api/earlywarning/alerts/{id}", DRUG_REPORT_READERS,
                c -> api(get("/api/earlywarning/alerts/{id}", ew.homeAlert), c),
                c -> api(get("/api/earlywarning/alerts/{id}", ew.foreignAlert), c)));
        for (String action : List.of("acknowledge", "close")) {
            all.add(new Endpoint("POST /api/earlywarning/alerts/{id}/" + action, ALERT_MANAGERS,
                    c -> json(api(post("/api/earlywarning/alerts/{id}/" + action, ew.freshAlert(c.n())), c),
                            "{\"note\":\"done\"}"),
                    c -> json(api(post("/api/earlywarning/alerts/{id}/" + action, ew.foreignAlert), c),
                            "{\"note\":\"taken\"}")));
        }
        all.add(new Endpoint("POST /api/earlywarning/detect", ALERT_MANAGERS,
                c -> api(post("/api/earlywarning/detect"), c), null));
        all.add(new Endpoint("GET /earlywarning", DRUG_REPORT_READERS, c -> page(get("/earlywarning"), c), null));
        all.add(new Endpoint("GET /earlywarning/reports/new", RECORDERS,
                c -> page(get("/earlywarning/reports/new"), c), null));
        all.add(new Endpoint("POST /earlywarning/reports/new", RECORDERS,
                c -> page(drugReportForm(post("/earlywarning/reports/new"), w.homeSite.id(), ew.heroin, reportDay), c),
                c -> page(drugReportForm(post("/earlywarning/reports/new"), w.foreignSite.id(), ew.heroin, reportDay), c)));
        all.add(new Endpoint("GET /earlywarning/alerts/{id}", DRUG_REPORT_READERS,
                c -> page(get("/earlywarning/alerts/{id}", ew.homeAlert), c),
                c -> page(get("/earlywarning/alerts/{id}", ew.foreignAlert), c)));
        all.add(new Endpoint("POST /earlywarning/alerts/{id}/{action}", ALERT_MANAGERS,
                c -> page(post("/earlywarning/alerts/{id}/acknowledge", ew.freshAlert(c.n())), c),
                c -> page(post("/earlywarning/alerts/{id}/close", ew.foreignAlert).param("note", "taken"), c)));
        all.add(new Endpoint("POST /earlywarning/alerts/{id}/steps/{step}", ALERT_MANAGERS,
                c -> {
                    long[] step = ew.freshStep(c.n());
                    return page(post("/earlywarning/alerts/{id}/steps/{step}", step[0], step[1]), c);
                },
                c -> page(post("/earlywarning/alerts/{id}/steps/{step}", ew.foreignAlert, ew.foreignStep), c)));
        all.add(new Endpoint("GET /earlywarning/alerts/{id}/flyer.pdf", DRUG_REPORT_READERS,
                c -> page(get("/earlywarning/alerts/{id}/flyer.pdf", ew.homeAlert), c),
                c -> page(get("/earlywarning/alerts/{id}/flyer.pdf", ew.foreignAlert), c)));
        all.add(new Endpoint("POST /earlywarning/detect", ALERT_MANAGERS, c -> page(post("/earlywarning/detect"), c),
                null));
        all.add(new Endpoint("GET /earlywarning/plans", DRUG_REPORT_READERS, c -> page(get("/earlywarning/plans"), c),
                null));
        all.add(new Endpoint("POST /earlywarning/plans", ALERT_MANAGERS,
                c -> page(post("/earlywarning/plans").param("series", "adulterant.XYLAZINE").param("title", "Plan " + c.n())
                        .param("items", "Warn peers | lead | 1"), c), null));
        all.add(new Endpoint("GET /earlywarning/substances", EnumSet.of(Role.COORDINATOR, Role.ORG_MANAGER,
                Role.SITE_MANAGER, Role.ME_OFFICER, Role.OUTREACH_WORKER), c -> page(get("/earlywarning/substances"), c),
                null));
        all.add(new Endpoint("POST /earlywarning/substances", COORDINATORS,
                c -> page(post("/earlywarning/substances").param("name", "Page substance " + c.n()), c), null));
        // trends for planning: aggregates of the person's own organisation or programme
        Set<Role> trendViewers = EnumSet.of(Role.COORDINATOR, Role.ORG_MANAGER, Role.SITE_MANAGER, Role.ME_OFFICER);
        all.add(new Endpoint("GET /api/earlywarning/trends", trendViewers,
                c -> api(get("/api/earlywarning/trends").param("quarters", "1"), c), null));
        for (String path : List.of("/earlywarning/trends", "/earlywarning/trends.csv")) {
            all.add(new Endpoint("GET " + path, trendViewers, c -> page(get(path).param("quarters", "1"), c), null));
        }

        return all;
    }

    private static String infectionJson(long clientId) {
        return "{\"uuid\":\"" + UUID.randomUUID() + "\",\"clientId\":" + clientId + ",\"kind\":\"HCV_ANTIBODY_TEST\","
                + "\"date\":\"" + LocalDate.now(ZoneOffset.UTC) + "\",\"result\":\"NEGATIVE\"}";
    }

    // ---- violence and rights violations: any staff member records; only the protection focal person reads

    private static final Set<Role> VIOLENCE_RECORDERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.ME_OFFICER,
            Role.OUTREACH_WORKER, Role.PROTECTION_OFFICER);
    private static final Set<Role> PROTECTION_OFFICERS = EnumSet.of(Role.PROTECTION_OFFICER);
    private static final Set<Role> ADVOCACY_READERS = EnumSet.of(Role.COORDINATOR, Role.ORG_MANAGER, Role.PROTECTION_OFFICER);
    private Long foreignViolenceReport;

    private void rightsEndpoints(List<Endpoint> all) {
        ProgrammeFixture w = world;
        all.add(new Endpoint("GET /rights/reports/new", VIOLENCE_RECORDERS, c -> page(get("/rights/reports/new"), c), null));
        all.add(new Endpoint("POST /rights/reports/new", VIOLENCE_RECORDERS,
                c -> page(post("/rights/reports/new"), c).params(violenceParams(w.homeSite.id(), c)),
                c -> page(post("/rights/reports/new"), c).params(violenceParams(w.foreignSite.id(), c))));
        all.add(new Endpoint("GET /rights/reports", PROTECTION_OFFICERS, c -> page(get("/rights/reports"), c), null));
        all.add(new Endpoint("GET /rights/reports/{id}", PROTECTION_OFFICERS,
                c -> page(get("/rights/reports/{id}", violenceReport(c)), c),
                c -> page(get("/rights/reports/{id}", foreignViolenceReport()), c)));
        all.add(new Endpoint("POST /rights/reports/{id}/responses", PROTECTION_OFFICERS,
                c -> page(post("/rights/reports/{id}/responses", violenceReport(c)).param("kind", "LEGAL_AID"), c),
                c -> page(post("/rights/reports/{id}/responses", foreignViolenceReport()).param("kind", "LEGAL_AID"), c)));
        all.add(new Endpoint("POST /rights/reports/{id}/close", PROTECTION_OFFICERS,
                c -> page(post("/rights/reports/{id}/close", violenceReport(c)).param("outcome", "SUPPORTED"), c),
                c -> page(post("/rights/reports/{id}/close", foreignViolenceReport()).param("outcome", "SUPPORTED"), c)));
        for (String path : List.of("/rights/advocacy", "/rights/advocacy.pdf", "/rights/advocacy.xlsx")) {
            all.add(new Endpoint("GET " + path, ADVOCACY_READERS, c -> page(get(path), c), null));
        }
        all.add(new Endpoint("POST /api/rights/reports", VIOLENCE_RECORDERS,
                c -> json(api(post("/api/rights/reports"), c), violenceJson(w.homeSite.id(), c)),
                c -> json(api(post("/api/rights/reports"), c), violenceJson(w.foreignSite.id(), c))));
        all.add(new Endpoint("GET /api/rights/reports", PROTECTION_OFFICERS, c -> api(get("/api/rights/reports"), c), null));
        all.add(new Endpoint("GET /api/rights/reports/{id}", PROTECTION_OFFICERS,
                c -> api(get("/api/rights/reports/{id}", violenceReport(c)), c),
                c -> api(get("/api/rights/reports/{id}", foreignViolenceReport()), c)));
        all.add(new Endpoint("POST /api/rights/reports/{id}/responses", PROTECTION_OFFICERS,
                c -> json(api(post("/api/rights/reports/{id}/responses", violenceReport(c)), c), "{\"kind\":\"LEGAL_AID\"}"),
                c -> json(api(post("/api/rights/reports/{id}/responses", foreignViolenceReport()), c),
                        "{\"kind\":\"LEGAL_AID\"}")));
        all.add(new Endpoint("POST /api/rights/reports/{id}/close", PROTECTION_OFFICERS,
                c -> json(api(post("/api/rights/reports/{id}/close", violenceReport(c)), c), "{\"outcome\":\"SUPPORTED\"}"),
                c -> json(api(post("/api/rights/reports/{id}/close", foreignViolenceReport()), c),
                        "{\"outcome\":\"SUPPORTED\"}")));
        all.add(new Endpoint("GET /api/rights/advocacy", ADVOCACY_READERS, c -> api(get("/api/rights/advocacy"), c), null));
    }

    private static org.springframework.util.MultiValueMap<String, String> violenceParams(long site, Call c) {
        org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        params.add("uuid", java.util.UUID.randomUUID().toString());
        params.add("occurredOn", LocalDate.now(ZoneOffset.UTC).toString());
        params.add("siteId", String.valueOf(site));
        params.add("types", "ARBITRARY_ARREST");
        params.add("perpetrators", "POLICE");
        params.add("gender", "MALE");
        params.add("ageBand", "FROM_25_TO_34");
        params.add("wantsHelp", "false");
        return params;
    }

    private static String violenceJson(long site, Call c) {
        return """
                {"uuid":"%s","occurredOn":"%s","siteId":%d,"types":["RAID"],"perpetrators":["POLICE"],
                 "gender":"MALE","ageBand":"FROM_18_TO_24","wantsHelp":false}"""
                .formatted(java.util.UUID.randomUUID(), LocalDate.now(ZoneOffset.UTC), site);
    }

    /** A fresh report of the home organisation, recorded by its peer. */
    private long violenceReport(Call c) {
        return violenceReports.record(world.user(Role.OUTREACH_WORKER), new org.reach.rights.ViolenceReportForm(
                java.util.UUID.randomUUID().toString(), LocalDate.now(ZoneOffset.UTC), world.homeSite.id(), null, null,
                Gender.FEMALE, org.reach.rights.AgeBand.FROM_18_TO_24, Set.of(org.reach.rights.ViolenceType.VERBAL),
                Set.of(org.reach.rights.Perpetrator.COMMUNITY), false, Set.of(), null, null)).number();
    }

    private long foreignViolenceReport() {
        if (foreignViolenceReport == null) {
            foreignViolenceReport = violenceReports.record(signIn.reload(world.foreignPeer.id()).orElseThrow(),
                    new org.reach.rights.ViolenceReportForm(java.util.UUID.randomUUID().toString(),
                            LocalDate.now(ZoneOffset.UTC), world.foreignSite.id(), null, null, Gender.MALE,
                            org.reach.rights.AgeBand.FROM_25_TO_34, Set.of(org.reach.rights.ViolenceType.RAID),
                            Set.of(org.reach.rights.Perpetrator.POLICE), false, Set.of(), null, null)).number();
        }
        return foreignViolenceReport;
    }

    // ---- partners fixture: a second partner in the home programme, an assessment and an action on each side

    private Organisation partnerSecond;
    private Assessment homeAssessment;
    private Assessment foreignAssessment;
    private PartnerAction homeAction;
    private PartnerAction foreignAction;
    private long firstQuestion;

    private void buildPartners() {
        ReachUser system = ReachUser.system();
        partnerSecond = directory.createOrganisation(system, new OrganisationForm("Second " + world.homeProgramme.name(),
                "KE", List.of("sw"), world.homeProgramme.id()));
        homeAssessment = partnerAssessments.create(world.user(Role.COORDINATOR), new AssessmentForm(world.home.id(),
                AssessmentKind.BASELINE, LocalDate.now(clock), LocalDate.now(clock), null, List.of(), null));
        foreignAssessment = partnerAssessments.create(system, new AssessmentForm(world.foreign.id(), AssessmentKind.BASELINE,
                LocalDate.now(clock), LocalDate.now(clock), "Sites " + world.marker, List.of(), world.marker));
        firstQuestion = partnerFramework.version(homeAssessment.frameworkId()).questions().get(0).id();
        homeAction = partnerActions.create(system, new ActionForm(world.home.id(), ActionSource.ASSESSMENT, homeAssessment.id(),
                null, null, "Home action", "FINANCE", "Manager", null, LocalDate.now(clock).plusDays(10)));
        foreignAction = partnerActions.create(system, new ActionForm(world.foreign.id(), ActionSource.RAR, null, null,
                "RAR " + world.marker, "Action " + world.marker, "FINANCE", "Owner " + world.marker, null,
                LocalDate.now(clock).plusDays(10)));
    }

    private long draftQuestion() {
        return partnerFramework.draft(ReachUser.system()).questions().get(0).id();
    }

    /** A fresh assessment of the home partner with every question scored alike, ready to finalise. */
    private long scoredAssessment() {
        ReachUser coordinator = world.user(Role.COORDINATOR);
        Assessment assessment = partnerAssessments.create(coordinator, new AssessmentForm(world.home.id(),
                AssessmentKind.FOLLOW_UP, LocalDate.now(clock), LocalDate.now(clock), null, List.of(), null));
        partnerAssessments.saveMyScores(coordinator, assessment.id(), new ScoresForm(partnerFramework
                .version(assessment.frameworkId()).questions().stream().map(q -> new ScoreEntry(q.id(), 3, null)).toList()));
        return assessment.id();
    }

    private String scoresJson() {
        return "{\"scores\":[{\"questionId\":" + firstQuestion + ",\"score\":3,\"evidence\":\"seen\"}]}";
    }

    private String assessmentJson(long organisationId) {
        LocalDate today = LocalDate.now(clock);
        return "{\"organisationId\":" + organisationId + ",\"kind\":\"BASELINE\",\"visitStart\":\"" + today
                + "\",\"visitEnd\":\"" + today + "\"}";
    }

    private static String twinningJson(long learning, long supporting) {
        return "{\"learningOrganisationId\":" + learning + ",\"supportingOrganisationId\":" + supporting
                + ",\"domains\":[\"HUMAN_RIGHTS\"]}";
    }

    private String actionJson(long organisationId) {
        return "{\"organisationId\":" + organisationId + ",\"source\":\"RAR\",\"rarReference\":\"RAR 1\","
                + "\"title\":\"Train peers\",\"domainCode\":\"HARM_REDUCTION\",\"owner\":\"Manager\",\"dueDate\":\""
                + LocalDate.now(clock).plusDays(5) + "\"}";
    }

    private String trainingJson(long trainer) {
        return "{\"topic\":\"Harm reduction\",\"date\":\"" + LocalDate.now(clock) + "\",\"trainerOrganisationId\":"
                + trainer + ",\"participants\":[{\"organisationId\":" + partnerSecond.id()
                + ",\"role\":\"Peer\",\"preScore\":40,\"postScore\":80}]}";
    }

    private String visitJson(long host) {
        return "{\"hostOrganisationId\":" + host + ",\"visitStart\":\"" + LocalDate.now(clock) + "\",\"visitEnd\":\""
                + LocalDate.now(clock) + "\",\"purpose\":\"Learn\",\"visitors\":[{\"organisationId\":"
                + partnerSecond.id() + ",\"people\":2}]}";
    }

    private MockHttpServletRequestBuilder assessmentForm(MockHttpServletRequestBuilder request, long organisationId) {
        return request.param("organisationId", String.valueOf(organisationId)).param("kind", "BASELINE")
                .param("visitStart", LocalDate.now(clock).toString()).param("visitEnd", LocalDate.now(clock).toString());
    }

    private MockHttpServletRequestBuilder actionForm(MockHttpServletRequestBuilder request, long organisationId) {
        return request.param("organisationId", String.valueOf(organisationId)).param("source", "RAR")
                .param("rarReference", "RAR 2").param("title", "Train peers").param("domainCode", "FINANCE")
                .param("owner", "Manager").param("dueDate", LocalDate.now(clock).plusDays(3).toString());
    }

    private MockHttpServletRequestBuilder trainingForm(MockHttpServletRequestBuilder request, long trainer) {
        return request.param("topic", "Harm reduction").param("date", LocalDate.now(clock).toString())
                .param("trainerOrganisationId", String.valueOf(trainer))
                .param("participantOrganisation", String.valueOf(partnerSecond.id())).param("participantRole", "Peer")
                .param("participantPre", "40").param("participantPost", "80");
    }

    private MockHttpServletRequestBuilder visitForm(MockHttpServletRequestBuilder request, long host) {
        return request.param("hostOrganisationId", String.valueOf(host)).param("visitStart", LocalDate.now(clock).toString())
                .param("visitEnd", LocalDate.now(clock).toString()).param("purpose", "Learn")
                .param("visitorOrganisation", String.valueOf(partnerSecond.id())).param("visitorPeople", "2");
    }

    // ---- clients

    /** The registry is read by every member of staff: a protection focal person opens the client a report names. */
    private static final Set<Role> CLIENT_REGISTRY_READERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.ME_OFFICER,
            Role.OUTREACH_WORKER, Role.PROTECTION_OFFICER);
    private static final Set<Role> CLIENT_READERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.ME_OFFICER, Role.OUTREACH_WORKER);
    private static final Set<Role> CLIENT_WRITERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.OUTREACH_WORKER);
    private static final Set<Role> CLIENT_IMPORTERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER);
    private static final Set<Role> CLIENT_SETTINGS = EnumSet.of(Role.ORG_MANAGER);

    private Client homeClient;
    private Client foreignClient;

    @BeforeEach
    void registerClients() {
        homeClient = clients.register(world.user(Role.OUTREACH_WORKER), new ClientRegistration(null, "HOHOM80",
                Gender.MALE, 1980, Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), null, null, null, world.homeSite.id(),
                "Home hotspot", null, LocalDate.now(clock), "Home alias", null, null)).client();
        ReachUser foreignPeer = signIn.reload(world.foreignPeer.id()).orElseThrow();
        foreignClient = clients.register(foreignPeer, new ClientRegistration(null, "HOHOM80", Gender.FEMALE, 1985,
                Set.of(KeyPopulation.SEX_WORKER), null, null, null, world.foreignSite.id(), "Hotspot " + world.marker, null,
                LocalDate.now(clock), world.marker, null, null)).client();
    }

    /**
     * A well-formed code (mother 2, father 2, sex, year) that differs from every other call's code and from
     * the home client's HOHOM80 in at least two places, so no near match stops a registration.
     */
    private static String code(int n) {
        char a = (char) ('A' + n % 26);
        char b = (char) ('A' + (n / 26) % 26);
        int r = (n / 676) % 10;
        return "" + a + b + a + b + "F" + r + (9 - r);
    }

    private long freshClient(Call call) {
        return clients.register(world.user(Role.ORG_MANAGER), new ClientRegistration(null, code(call.n()), Gender.MALE,
                1990, Set.of(), null, null, null, world.homeSite.id(), null, null, LocalDate.now(clock), null,
                null, null)).client().id();
    }

    /** A second client of the call, two characters or more away from every {@link #freshClient} code. */
    private long otherFreshClient(Call call) {
        String code = code(call.n());
        String other = "" + code.charAt(0) + "Q" + code.charAt(1) + "X" + "M" + code.substring(5);
        return clients.register(world.user(Role.ORG_MANAGER), new ClientRegistration(null, other, Gender.MALE,
                1990, Set.of(), null, null, null, world.homeSite.id(), null, null, LocalDate.now(clock), null,
                org.reach.clients.DuplicateDecision.REJECTED_DIFFERENT, null)).client().id();
    }

    /** A merge of the home organisation that is in force, made by its manager. */
    private long freshMerge(Call call) {
        return clientMerges.merge(world.user(Role.ORG_MANAGER), freshClient(call), otherFreshClient(call), "same person")
                .id();
    }

    private String clientJson(String code, long siteId) {
        return "{" + (code == null ? "" : "\"code\":\"" + code + "\",") + "\"gender\":\"MALE\",\"birthYear\":1980,"
                + "\"keyPopulations\":[\"PEOPLE_WHO_INJECT_DRUGS\"],\"enrolmentSiteId\":" + siteId + ",\"enrolmentHotspot\":\"Home hotspot\","
                + "\"firstContact\":\"" + LocalDate.now(clock) + "\"}";
    }

    private String statusJson() {
        return "{\"status\":\"DETAINED\",\"date\":\"" + LocalDate.now(clock) + "\",\"reason\":\"Police sweep\"}";
    }

    private String stageJson() {
        return "{\"stage\":\"TREATMENT\",\"date\":\"" + LocalDate.now(clock) + "\"}";
    }

    private MockHttpServletRequestBuilder clientForm(MockHttpServletRequestBuilder request, String code, long siteId) {
        if (code != null) {
            request.param("code", code);
        }
        return request.param("gender", "MALE").param("birthYear", "1980").param("keyPopulations", "PEOPLE_WHO_INJECT_DRUGS")
                .param("enrolmentSiteId", String.valueOf(siteId)).param("enrolmentHotspot", "Home hotspot")
                .param("firstContact", LocalDate.now(clock).toString());
    }

    private MockHttpServletRequestBuilder changeForm(MockHttpServletRequestBuilder request) {
        String today = LocalDate.now(clock).toString();
        return request.param("status", "DETAINED").param("stage", "TREATMENT").param("date", today).param("reason", "Police sweep");
    }

    private static MockHttpServletRequestBuilder upload(MockHttpServletRequestBuilder request) {
        byte[] csv = String.join(",", ClientImportWork.IMPORT_COLUMNS).concat("\n").getBytes(StandardCharsets.UTF_8);
        return request.contentType(MediaType.MULTIPART_FORM_DATA).with(servletRequest -> {
            servletRequest.addPart(new MockPart("file", "clients.csv", csv) {
                @Override
                public void delete() {
                    // nothing was written to disk
                }
            });
            return servletRequest;
        });
    }

    // ---- rapid assessment fixture: an assessment, hotspot and recommendation on each side

    private void buildRapidAssessments() {
        ReachUser system = ReachUser.system();
        rarHomeAssessment = rar.createAssessment(system, new org.reach.rar.AssessmentForm(world.home.id(), "Home assessment", "Karachi",
                null, null, "team", null, org.reach.rar.AssessmentStatus.FIELDWORK));
        rarForeignAssessment = rar.createAssessment(system, new org.reach.rar.AssessmentForm(world.foreign.id(), "Assessment " + world.marker,
                "Area " + world.marker, null, null, world.marker, world.marker, org.reach.rar.AssessmentStatus.FIELDWORK));
        homeHotspot = rar.createHotspot(system, rarHomeAssessment.id(), hotspotForm("Home hotspot"));
        foreignHotspot = rar.createHotspot(system, rarForeignAssessment.id(), hotspotForm("Hotspot " + world.marker));
        populationSizes.addVisit(system, foreignHotspot.id(), new VisitForm(java.time.LocalDate.of(2026, 3, 1), null, 12, 4, 8, 1, 2, 0));
        assessmentFindings.addNote(system, rarForeignAssessment.id(), new NoteForm(foreignHotspot.id(), NoteKind.INTERVIEW, null,
                List.of(FindingCode.NEEDS), "Note " + world.marker, "Quote " + world.marker, true));
        homeRecommendation = assessmentFindings.addRecommendation(system, rarHomeAssessment.id(), new RecommendationForm("Home recommendation",
                List.of(FindingCode.NEEDS), Priority.HIGH, "manager", RecommendationStatus.PROPOSED));
        foreignRecommendation = assessmentFindings.addRecommendation(system, rarForeignAssessment.id(), new RecommendationForm(
                "Recommendation " + world.marker, List.of(), Priority.LOW, world.marker, RecommendationStatus.PROPOSED));
    }

    private static HotspotForm hotspotForm(String name) {
        return new HotspotForm(name, "Lyari", 24.87, 66.99, 10.0, null, Typology.GRAVEYARD, UseType.MIXED,
                List.of("HEROIN"), List.of(GatheringReason.PRIVACY), List.of(TimeOfDay.EVENING), List.of(), true, false, false);
    }

    private static final String VISIT = "{\"visitedOn\":\"2026-03-01\",\"total\":10,\"injecting\":3,\"nonInjecting\":7,"
            + "\"women\":1,\"youth\":2,\"transgender\":0}";
    private static final String KEY_INFORMANT = "{\"informant\":\"tea stall\",\"minimum\":10,\"maximum\":30}";
    private static final String CAPTURE = "{\"marked\":20,\"secondSample\":18,\"recaptured\":6}";
    private static final String MULTIPLIER = "{\"service\":\"needles\",\"serviceCount\":60,\"respondents\":40,\"users\":12}";

    private static String assessment(long organisationId, String title) {
        return "{\"organisationId\":" + organisationId + ",\"title\":\"" + title + "\",\"area\":\"Karachi\","
                + "\"status\":\"FIELDWORK\"}";
    }

    private static String hotspot(String name) {
        return "{\"name\":\"" + name + "\",\"district\":\"Lyari\",\"latitude\":24.87,\"longitude\":66.99,"
                + "\"typology\":\"PARK\",\"useType\":\"INJECTING\",\"drugs\":[\"HEROIN\"]}";
    }

    private static MockHttpServletRequestBuilder rarAssessmentForm(MockHttpServletRequestBuilder request, long organisationId,
                                                                String title) {
        return request.param("organisationId", String.valueOf(organisationId)).param("title", title)
                .param("area", "Karachi").param("status", "FIELDWORK");
    }

    private static MockHttpServletRequestBuilder hotspotParams(MockHttpServletRequestBuilder request, String name) {
        return request.param("name", name).param("district", "Lyari").param("latitude", "24.87")
                .param("longitude", "66.99").param("typology", "PARK").param("useType", "MIXED").param("drugs", "HEROIN");
    }

    private static MockHttpServletRequestBuilder recommendationParams(MockHttpServletRequestBuilder request, String text) {
        return request.param("text", text).param("codes", "NEEDS").param("priority", "HIGH").param("owner", "manager")
                .param("status", "AGREED");
    }

    private static MockMultipartFile surveyFile(int n) {
        String csv = "hotspot,gps,district\nKobo hotspot " + n + ",24.86 67.01 12 8,Saddar\n";
        return new MockMultipartFile("file", "kobo.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static MockMultipartFile geojsonFile(String name) {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + "{\"type\":\"Point\",\"coordinates\":[67.0,24.86]},\"properties\":{\"name\":\"" + name + "\"}}]}";
        return new MockMultipartFile("file", "hotspots.geojson", "application/geo+json",
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An upload by the caller, or a made-up id when the caller may not upload (the request then answers 404). */
    private String upload(Call call, long assessmentId) {
        try {
            return exchange.upload(call.user(), assessmentId, "kobo.csv",
                    new java.io.ByteArrayInputStream(surveyFile(call.n()).getBytes())).id();
        } catch (RuntimeException | java.io.IOException refused) {
            return "none";
        }
    }

    private String importJob(Call call) {
        return jobs.start(call.user(), "rar-import", progress -> new ImportResult(0, 0, List.of()));
    }

    private static MockMultipartHttpServletRequestBuilder rarUpload(MockMultipartHttpServletRequestBuilder request, Call call) {
        return request.with(user(call.user())).with(csrf());
    }

    private String ownJob(Call call) {
        return jobs.start(call.user(), "test", progress -> "done");
    }

    private String foreignJob() {
        return jobs.start(signIn.reload(world.foreignManager.id()).orElseThrow(), "test", progress -> world.marker);
    }

    /**
     * A finished full export of the caller's own organisation or programme; for someone who may not export, a job
     * of another kind of theirs, which the export pages must not show either.
     */
    private String exportJob(Call call) {
        String id;
        try {
            IndicatorScope scope = indicators.scope(call.user(), null, null, null);
            id = fullExport.start(call.user(), scope, Period.quarter(2026, 1), ExportFormat.CSV, java.util.Locale.ENGLISH);
        } catch (Forbidden | NotFound refused) {
            return ownJob(call);
        }
        for (int i = 0; i < 600 && !jobs.status(call.user(), id).finished(); i++) {
            sleep();
        }
        return id;
    }

    /** A fresh own indicator of the home organisation, or the foreign one's (made before its writes are counted). */
    private long ownIndicator(boolean foreign) {
        return foreign ? foreignOwnIndicator : defineOwnIndicator(world.user(Role.ORG_MANAGER));
    }

    private long defineOwnIndicator(ReachUser manager) {
        return indicators.defineOwnIndicator(manager, new org.reach.indicators.OwnIndicatorForm(null, "Retired soon",
                "NALOXONE_KIT", org.reach.indicators.OwnIndicator.Counts.PEOPLE, org.reach.indicators.OwnIndicator.Per.NONE)).id();
    }

    /** One export of the foreign manager's, started once: starting it is an audited export of theirs. */
    private String foreignExportJob() {
        if (foreignExport == null) {
            ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
            foreignExport = fullExport.start(foreignManager, indicators.scope(foreignManager, null, null, null),
                    Period.quarter(2026, 1), ExportFormat.XLSX, java.util.Locale.ENGLISH);
        }
        return foreignExport;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** An administrator's reset of an organisation's account leaves its one-time password to the manager. */
    private long waitingReset(long accountId, ReachUser manager) {
        accounts.resetPassword(world.user(Role.ADMIN), accountId);
        return accounts.resetNotices(manager).stream()
                .filter(notice -> notice.accountId() == accountId && notice.awaitingHandover())
                .findFirst().orElseThrow().id();
    }

    private long foreignTokenId() {
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        return tokens.mine(foreignManager).get(0).id();
    }

    private static byte[] cityTiles() {
        return new org.reach.organisations.tiles.PmTilesWriter()
                .tile(0, 0, 0, org.reach.organisations.tiles.PmTilesWriter.PNG).bytes();
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B api(B request, Call call) {
        return request.header("Authorization", "Bearer " + call.token()).accept(MediaType.APPLICATION_JSON);
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B page(B request, Call call) {
        return request.with(user(call.user())).with(csrf());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder drugReportForm(MockHttpServletRequestBuilder request, long siteId,
                                                                long substanceId, String day) {
        return request.param("uuid", java.util.UUID.randomUUID().toString()).param("reportedOn", day)
                .param("siteId", String.valueOf(siteId)).param("soldAsId", String.valueOf(substanceId))
                .param("form", "POWDER").param("route", "SMOKING").param("source", "PEER");
    }

    private static MockMultipartFile csv(String content) {
        return new MockMultipartFile("file", "encounters.csv", "text/csv", content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String referral(long clientId, String madeOn) {
        return "{\"clientId\":" + clientId + ",\"providerType\":\"ART_CLINIC\",\"providerName\":\"Civil Hospital\",\"madeOn\":\""
                + madeOn + "\"}";
    }

    private static MockHttpServletRequestBuilder referralForm(MockHttpServletRequestBuilder request, long clientId, String madeOn) {
        return request.param("clientId", String.valueOf(clientId)).param("providerType", "ART_CLINIC")
                .param("providerName", "Civil Hospital").param("madeOn", madeOn);
    }

    private static MockHttpServletRequestBuilder tracingForm(MockHttpServletRequestBuilder request, long clientId, String date) {
        return request.param("clientId", String.valueOf(clientId)).param("method", "PHONE").param("date", date)
                .param("outcome", "NOT_FOUND");
    }

    private static String tracing(long clientId, String date) {
        return "{\"clientId\":" + clientId + ",\"method\":\"PHONE\",\"date\":\"" + date + "\",\"outcome\":\"NOT_FOUND\"}";
    }

    private static MockHttpServletRequestBuilder detentionForm(MockHttpServletRequestBuilder request, long clientId, String date) {
        return request.param("clientId", String.valueOf(clientId)).param("facilityType", "POLICE_LOCKUP")
                .param("startedOn", date).param("oatInside", "UNKNOWN");
    }

    private static String detention(long clientId, String date) {
        return "{\"clientId\":" + clientId + ",\"facilityType\":\"POLICE_LOCKUP\",\"startedOn\":\"" + date + "\"}";
    }

    private static String release(String date) {
        return "{\"releasedOn\":\"" + date + "\",\"oatInside\":\"NOT_ON_OAT\"}";
    }

    private static MockHttpServletRequestBuilder transferForm(MockHttpServletRequestBuilder request, long clientId,
                                                              long partnerServiceId, String date) {
        return request.param("clientId", String.valueOf(clientId)).param("kind", "REFERRAL")
                .param("partnerServiceId", String.valueOf(partnerServiceId)).param("consent", "true").param("consentOn", date);
    }

    /** The field app: device tokens for the device endpoints (a personal token is refused there). */
    private void fieldEndpoints(List<Endpoint> all) {
        ProgrammeFixture w = world;
        Set<Role> supervisors = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER);
        Set<Role> orgManagers = EnumSet.of(Role.ORG_MANAGER);
        Function<Call, String> device = c -> fieldDevices.mayEnrol(c.user())
                ? fieldDevices.enrol(c.user(), "walk").token() : c.token();
        all.add(new Endpoint("GET /field", RECORDERS, c -> page(get("/field"), c), null));
        for (String path : List.of("/field/sw.js", "/field/manifest.webmanifest")) {
            all.add(new Endpoint("GET " + path, ALL, c -> page(get(path), c), null));
        }
        all.add(new Endpoint("GET /field/icon-{name}", ALL, c -> page(get("/field/icon-192.png"), c), null));
        all.add(new Endpoint("POST /field/devices", RECORDERS,
                c -> json(page(post("/field/devices"), c), "{\"label\":\"walk\"}"), null));
        all.add(new Endpoint("GET /field/devices", RECORDERS, c -> page(get("/field/devices"), c),
                c -> page(get("/field/devices"), c)));
        all.add(new Endpoint("POST /field/devices/{id}/revoke", orgManagers,
                c -> page(post("/field/devices/{id}/revoke", homeDevice()), c),
                c -> page(post("/field/devices/{id}/revoke", foreignDevice), c)));
        all.add(new Endpoint("GET /field/conflicts", supervisors, c -> page(get("/field/conflicts"), c),
                c -> page(get("/field/conflicts"), c)));
        all.add(new Endpoint("POST /field/conflicts/{id}/resolve", supervisors,
                c -> page(post("/field/conflicts/{id}/resolve", homeConflict()), c).param("resolution", "KEPT_SERVER"),
                c -> page(post("/field/conflicts/{id}/resolve", foreignConflict), c)
                        .param("resolution", "KEPT_SERVER")));
        all.add(new Endpoint("GET /api/field/device", RECORDERS,
                c -> get("/api/field/device").header("Authorization", "Bearer " + device.apply(c)), null));
        all.add(new Endpoint("GET /api/field/delta", RECORDERS,
                c -> get("/api/field/delta").header("Authorization", "Bearer " + device.apply(c)),
                c -> get("/api/field/delta").header("Authorization", "Bearer " + device.apply(c))));
        all.add(new Endpoint("POST /api/field/conflicts", RECORDERS,
                c -> json(api(post("/api/field/conflicts"), c), conflictJson(w.homeSite.id())),
                c -> json(api(post("/api/field/conflicts"), c), conflictJson(w.foreignSite.id()))));
        all.add(new Endpoint("GET /api/field/conflicts", supervisors, c -> api(get("/api/field/conflicts"), c),
                c -> api(get("/api/field/conflicts"), c)));
        all.add(new Endpoint("GET /api/field/conflicts/{id}", supervisors,
                c -> api(get("/api/field/conflicts/{id}", homeConflict()), c),
                c -> api(get("/api/field/conflicts/{id}", foreignConflict), c)));
        all.add(new Endpoint("POST /api/field/conflicts/{id}/resolve", supervisors,
                c -> json(api(post("/api/field/conflicts/{id}/resolve", homeConflict()), c), "{\"resolution\":\"KEPT_SERVER\"}"),
                c -> json(api(post("/api/field/conflicts/{id}/resolve", foreignConflict), c),
                        "{\"resolution\":\"KEPT_SERVER\"}")));
        all.add(new Endpoint("GET /api/field/devices", RECORDERS, c -> api(get("/api/field/devices"), c),
                c -> api(get("/api/field/devices"), c)));
        all.add(new Endpoint("POST /api/field/devices/{id}/revoke", orgManagers,
                c -> api(post("/api/field/devices/{id}/revoke", homeDevice()), c),
                c -> api(post("/api/field/devices/{id}/revoke", foreignDevice), c)));
    }

    private long homeDevice() {
        return fieldDevices.enrol(world.user(Role.OUTREACH_WORKER), "walk").device().id();
    }

    private long homeConflict() {
        return conflict(world.user(Role.OUTREACH_WORKER), world.homeSite.id());
    }

    private long conflict(ReachUser by, long siteId) {
        String uuid = UUID.randomUUID().toString();
        return fieldConflicts.report(by, null, new org.reach.field.ConflictReport(org.reach.field.ConflictKind.ENCOUNTER,
                uuid, "field-1", siteId, java.util.Map.of("uuid", uuid, "note", "Kept " + counter.incrementAndGet()),
                List.of("services"))).id();
    }

    private static String conflictJson(long siteId) {
        return "{\"kind\":\"ENCOUNTER\",\"uuid\":\"" + UUID.randomUUID() + "\",\"siteId\":" + siteId
                + ",\"record\":{\"services\":[]},\"differences\":[\"services\"]}";
    }

    private static String transfer(long clientId, long partnerServiceId, String date) {
        return "{\"clientId\":" + clientId + ",\"kind\":\"REFERRAL\",\"partnerServiceId\":" + partnerServiceId
                + ",\"consent\":true,\"consentOn\":\"" + date + "\",\"shared\":[\"CODE\"]}";
    }

    private static MockHttpServletRequestBuilder directoryForm(MockHttpServletRequestBuilder request, long siteId) {
        return request.param("siteId", String.valueOf(siteId)).param("servicesOffered", "NSP, OAT")
                .param("openingHours", "Daily").param("womenWelcome", "true").param("nonInjectorsWelcome", "true");
    }

    private static String listing(long siteId) {
        return "{\"siteId\":" + siteId + ",\"servicesOffered\":\"NSP\",\"openingHours\":\"Daily\","
                + "\"womenWelcome\":true,\"nonInjectorsWelcome\":false}";
    }

    private static String programme(String name) {
        return "{\"name\":\"" + name + "\",\"description\":\"home\"}";
    }

    private static String organisation(String name, Long programmeId) {
        return "{\"name\":\"" + name + "\",\"countryCode\":\"PK\",\"languages\":[\"ur\",\"en\"],\"programmeId\":" + programmeId + "}";
    }

    private static String site(long organisationId, String name) {
        return "{\"organisationId\":" + organisationId + ",\"name\":\"" + name + "\",\"type\":\"DROP_IN_CENTRE\","
                + "\"area\":\"Lyari\",\"city\":\"Karachi\",\"latitude\":24.8687,\"longitude\":66.9936,\"openingStatus\":\"OPEN\"}";
    }

    private static String account(String username, long organisationId, long siteId) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"Peer\",\"organisationId\":" + organisationId
                + ",\"roles\":[\"OUTREACH_WORKER\"],\"siteIds\":[" + siteId + "],\"language\":\"en\"}";
    }

    private static MockHttpServletRequestBuilder overdoseForm(MockHttpServletRequestBuilder request, long siteId) {
        return request.param("uuid", java.util.UUID.randomUUID().toString())
                .param("occurredAt", org.reach.safety.SafetyFixture.hoursAgo(1).toString())
                .param("siteId", String.valueOf(siteId)).param("naloxoneDoses", "1").param("naloxoneGivers", "PEER")
                .param("outcome", "SURVIVED");
    }

    private static MockHttpServletRequestBuilder deathForm(MockHttpServletRequestBuilder request, String code) {
        return request.param("clientCode", code).param("diedOn", org.reach.safety.SafetyFixture.today().minusDays(1).toString())
                .param("cause", "TB").param("source", "FAMILY");
    }

    private static MockHttpServletRequestBuilder siteForm(MockHttpServletRequestBuilder request, long organisationId, String name) {
        return request.param("organisationId", String.valueOf(organisationId)).param("name", name)
                .param("type", "DROP_IN_CENTRE").param("area", "Lyari").param("city", "Karachi").param("latitude", "24.8687")
                .param("longitude", "66.9936").param("openingStatus", "OPEN");
    }

    private static MockHttpServletRequestBuilder accountForm(MockHttpServletRequestBuilder request, String username,
                                                             long organisationId, long siteId) {
        return request.param("username", username).param("displayName", "Peer")
                .param("organisationId", String.valueOf(organisationId)).param("roles", "OUTREACH_WORKER")
                .param("siteIds", String.valueOf(siteId)).param("language", "en");
    }
}
