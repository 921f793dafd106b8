package org.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.rar.Assessment;
import org.reach.rar.AssessmentForm;
import org.reach.rar.AssessmentStatus;
import org.reach.rar.FindingCode;
import org.reach.rar.GatheringReason;
import org.reach.rar.Hotspot;
import org.reach.rar.HotspotExchange;
import org.reach.rar.HotspotForm;
import org.reach.rar.ImportResult;
import org.reach.rar.NoteForm;
import org.reach.rar.NoteKind;
import org.reach.rar.Priority;
import org.reach.rar.RapidAssessments;
import org.reach.rar.Recommendation;
import org.reach.rar.RecommendationForm;
import org.reach.rar.RecommendationStatus;
import org.reach.rar.TimeOfDay;
import org.reach.rar.Typology;
import org.reach.rar.UseType;
import org.reach.rar.VisitForm;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
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
    private static final Set<Role> RAR_MANAGERS = EnumSet.of(Role.ADMIN, Role.ORG_MANAGER, Role.ME_OFFICER);
    private static final Set<Role> RAR_FIELD_TEAM = EnumSet.of(Role.ADMIN, Role.ORG_MANAGER, Role.SITE_MANAGER,
            Role.ME_OFFICER, Role.OUTREACH_WORKER);

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;
    @Autowired BackgroundJobs jobs;
    @Autowired RapidAssessments rar;
    @Autowired HotspotExchange exchange;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private ProgrammeFixture world;
    private Assessment homeAssessment;
    private Assessment foreignAssessment;
    private Hotspot homeHotspot;
    private Hotspot foreignHotspot;
    private Recommendation homeRecommendation;
    private Recommendation foreignRecommendation;
    private final AtomicInteger counter = new AtomicInteger();

    /** One endpoint: who may use it on their own organisation, and how to call it on each organisation. */
    record Endpoint(String key, Set<Role> allowed, Function<Call, RequestBuilder> own,
                    Function<Call, RequestBuilder> foreign) {
    }

    /** What a request is built from: the caller and the fixture. */
    record Call(Role role, ReachUser user, String token, ProgrammeFixture world, int n, ApiTokens tokens) {
    }

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        ReachUser system = ReachUser.system();
        homeAssessment = rar.createAssessment(system, new AssessmentForm(world.home.id(), "Home assessment", "Karachi",
                null, null, "team", null, AssessmentStatus.FIELDWORK));
        foreignAssessment = rar.createAssessment(system, new AssessmentForm(world.foreign.id(), "Assessment " + world.marker,
                "Area " + world.marker, null, null, world.marker, world.marker, AssessmentStatus.FIELDWORK));
        homeHotspot = rar.createHotspot(system, homeAssessment.id(), hotspotForm("Home hotspot"));
        foreignHotspot = rar.createHotspot(system, foreignAssessment.id(), hotspotForm("Hotspot " + world.marker));
        rar.addVisit(system, foreignHotspot.id(), new VisitForm(java.time.LocalDate.of(2026, 3, 1), null, 12, 4, 8, 1, 2, 0));
        rar.addNote(system, foreignAssessment.id(), new NoteForm(foreignHotspot.id(), NoteKind.INTERVIEW, null,
                List.of(FindingCode.NEEDS), "Note " + world.marker, "Quote " + world.marker, true));
        homeRecommendation = rar.addRecommendation(system, homeAssessment.id(), new RecommendationForm("Home recommendation",
                List.of(FindingCode.NEEDS), Priority.HIGH, "manager", RecommendationStatus.PROPOSED));
        foreignRecommendation = rar.addRecommendation(system, foreignAssessment.id(), new RecommendationForm(
                "Recommendation " + world.marker, List.of(), Priority.LOW, world.marker, RecommendationStatus.PROPOSED));
    }

    private static HotspotForm hotspotForm(String name) {
        return new HotspotForm(name, "Lyari", 24.87, 66.99, 10.0, null, Typology.GRAVEYARD, UseType.MIXED,
                List.of("HEROIN"), List.of(GatheringReason.PRIVACY), List.of(TimeOfDay.EVENING), List.of(), true, false, false);
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
        long foreignAuditBefore = audit.search(ReachUser.system(), organisationFilter(), 0, 1).total();
        int foreignSitesBefore = directory.sites(ReachUser.system(), world.foreign.id()).size();
        long foreignAccountsBefore = foreignAccounts();

        List<String> failures = new ArrayList<>();
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

        // Rapid assessment (org.reach.rar): API
        long ha = homeAssessment.id();
        long fa = foreignAssessment.id();
        long hh = homeHotspot.id();
        long fh = foreignHotspot.id();
        all.add(new Endpoint("GET /api/rar/assessments", ALL, c -> api(get("/api/rar/assessments"), c),
                c -> api(get("/api/rar/assessments"), c)));
        all.add(new Endpoint("GET /api/rar/assessments/{id}", ALL, c -> api(get("/api/rar/assessments/{id}", ha), c),
                c -> api(get("/api/rar/assessments/{id}", fa), c)));
        all.add(new Endpoint("POST /api/rar/assessments", RAR_MANAGERS,
                c -> json(api(post("/api/rar/assessments"), c), assessment(w.home.id(), "API assessment " + c.n())),
                c -> json(api(post("/api/rar/assessments"), c), assessment(w.foreign.id(), "Planted " + c.n()))));
        all.add(new Endpoint("PUT /api/rar/assessments/{id}", RAR_MANAGERS,
                c -> json(api(put("/api/rar/assessments/{id}", ha), c), assessment(w.home.id(), "Home assessment")),
                c -> json(api(put("/api/rar/assessments/{id}", fa), c), assessment(w.foreign.id(), "Taken " + c.n()))));
        all.add(new Endpoint("GET /api/rar/assessments/{id}/hotspots", ALL,
                c -> api(get("/api/rar/assessments/{id}/hotspots", ha), c),
                c -> api(get("/api/rar/assessments/{id}/hotspots", fa), c)));
        all.add(new Endpoint("POST /api/rar/assessments/{id}/hotspots", RAR_FIELD_TEAM,
                c -> json(api(post("/api/rar/assessments/{id}/hotspots", ha), c), hotspot("API hotspot " + c.n())),
                c -> json(api(post("/api/rar/assessments/{id}/hotspots", fa), c), hotspot("Planted " + c.n()))));
        all.add(new Endpoint("GET /api/rar/hotspots/{id}", ALL, c -> api(get("/api/rar/hotspots/{id}", hh), c),
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
        all.add(new Endpoint("GET /api/rar/assessments/{id}/estimates", ALL,
                c -> api(get("/api/rar/assessments/{id}/estimates", ha), c),
                c -> api(get("/api/rar/assessments/{id}/estimates", fa), c)));
        all.add(new Endpoint("GET /api/rar/assessments/{id}/gaps", ALL,
                c -> api(get("/api/rar/assessments/{id}/gaps", ha), c),
                c -> api(get("/api/rar/assessments/{id}/gaps", fa), c)));

        // Rapid assessment (org.reach.rar): pages
        all.add(new Endpoint("GET /rar", ALL, c -> page(get("/rar"), c), c -> page(get("/rar"), c)));
        all.add(new Endpoint("GET /rar/new", RAR_MANAGERS, c -> page(get("/rar/new"), c), null));
        all.add(new Endpoint("POST /rar/new", RAR_MANAGERS,
                c -> page(assessmentForm(post("/rar/new"), w.home.id(), "Page assessment " + c.n()), c),
                c -> page(assessmentForm(post("/rar/new"), w.foreign.id(), "Planted " + c.n()), c)));
        for (String path : List.of("/rar/{id}", "/rar/{id}/map", "/rar/{id}/hotspots.geojson", "/rar/{id}/gaps",
                "/rar/{id}/findings", "/rar/{id}/report.pdf", "/rar/{id}/report.xlsx")) {
            all.add(new Endpoint("GET " + path, ALL, c -> page(get(path, ha), c), c -> page(get(path, fa), c)));
        }
        all.add(new Endpoint("GET /rar/{id}/edit", RAR_MANAGERS, c -> page(get("/rar/{id}/edit", ha), c),
                c -> page(get("/rar/{id}/edit", fa), c)));
        all.add(new Endpoint("POST /rar/{id}/edit", RAR_MANAGERS,
                c -> page(assessmentForm(post("/rar/{id}/edit", ha), w.home.id(), "Home assessment"), c),
                c -> page(assessmentForm(post("/rar/{id}/edit", fa), w.foreign.id(), "Taken " + c.n()), c)));
        all.add(new Endpoint("GET /rar/{id}/hotspots/new", RAR_FIELD_TEAM, c -> page(get("/rar/{id}/hotspots/new", ha), c),
                c -> page(get("/rar/{id}/hotspots/new", fa), c)));
        all.add(new Endpoint("POST /rar/{id}/hotspots/new", RAR_FIELD_TEAM,
                c -> page(hotspotParams(post("/rar/{id}/hotspots/new", ha), "Page hotspot " + c.n()), c),
                c -> page(hotspotParams(post("/rar/{id}/hotspots/new", fa), "Planted " + c.n()), c)));
        all.add(new Endpoint("GET /rar/hotspots/{id}", ALL, c -> page(get("/rar/hotspots/{id}", hh), c),
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
                c -> upload(multipart("/rar/{id}/import", ha).file(surveyFile(c.n())), c),
                c -> upload(multipart("/rar/{id}/import", fa).file(surveyFile(c.n())), c)));
        all.add(new Endpoint("POST /rar/{id}/import/{upload}", RAR_FIELD_TEAM,
                c -> page(post("/rar/{id}/import/{upload}", ha, upload(c, ha)).param("map_name", "hotspot")
                        .param("map_gps", "gps"), c),
                c -> page(post("/rar/{id}/import/{upload}", fa, upload(c, ha)).param("map_name", "hotspot")
                        .param("map_gps", "gps"), c)));
        all.add(new Endpoint("GET /rar/{id}/import/jobs/{job}", ALL,
                c -> page(get("/rar/{id}/import/jobs/{job}", ha, importJob(c)), c),
                c -> page(get("/rar/{id}/import/jobs/{job}", fa, importJob(c)), c)));
        all.add(new Endpoint("POST /rar/{id}/import/geojson", RAR_FIELD_TEAM,
                c -> upload(multipart("/rar/{id}/import/geojson", ha).file(geojsonFile("GeoJSON hotspot " + c.n())), c),
                c -> upload(multipart("/rar/{id}/import/geojson", fa).file(geojsonFile("Planted " + c.n())), c)));
        return all;
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

    private static MockHttpServletRequestBuilder assessmentForm(MockHttpServletRequestBuilder request, long organisationId,
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

    private String ownJob(Call call) {
        return jobs.start(call.user(), "test", progress -> "done");
    }

    private String foreignJob() {
        return jobs.start(signIn.reload(world.foreignManager.id()).orElseThrow(), "test", progress -> world.marker);
    }

    private long foreignTokenId() {
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        return tokens.mine(foreignManager).get(0).id();
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, Call call) {
        return request.header("Authorization", "Bearer " + call.token()).accept(MediaType.APPLICATION_JSON);
    }

    private static MockHttpServletRequestBuilder page(MockHttpServletRequestBuilder request, Call call) {
        return request.with(user(call.user())).with(csrf());
    }

    private static MockMultipartHttpServletRequestBuilder upload(MockMultipartHttpServletRequestBuilder request, Call call) {
        return request.with(user(call.user())).with(csrf());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String programme(String name) {
        return "{\"name\":\"" + name + "\",\"description\":\"home\"}";
    }

    private static String organisation(String name, Long programmeId) {
        return "{\"name\":\"" + name + "\",\"countryCode\":\"PK\",\"languages\":[\"ur\",\"en\"],\"programmeId\":" + programmeId + "}";
    }

    private static String site(long organisationId, String name) {
        return "{\"organisationId\":" + organisationId + ",\"name\":\"" + name + "\",\"type\":\"DROP_IN_CENTRE\","
                + "\"area\":\"Lyari\",\"latitude\":24.8687,\"longitude\":66.9936,\"openingStatus\":\"OPEN\"}";
    }

    private static String account(String username, long organisationId, long siteId) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"Peer\",\"organisationId\":" + organisationId
                + ",\"roles\":[\"OUTREACH_WORKER\"],\"siteIds\":[" + siteId + "],\"language\":\"en\"}";
    }

    private static MockHttpServletRequestBuilder siteForm(MockHttpServletRequestBuilder request, long organisationId, String name) {
        return request.param("organisationId", String.valueOf(organisationId)).param("name", name)
                .param("type", "DROP_IN_CENTRE").param("area", "Lyari").param("latitude", "24.8687")
                .param("longitude", "66.9936").param("openingStatus", "OPEN");
    }

    private static MockHttpServletRequestBuilder accountForm(MockHttpServletRequestBuilder request, String username,
                                                             long organisationId, long siteId) {
        return request.param("username", username).param("displayName", "Peer")
                .param("organisationId", String.valueOf(organisationId)).param("roles", "OUTREACH_WORKER")
                .param("siteIds", String.valueOf(siteId)).param("language", "en");
    }
}
