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
import org.reach.services.Encounters;
import org.reach.services.InMemoryClients;
import org.reach.services.InMemoryClientsConfiguration;
import org.reach.services.Referrals;
import org.reach.services.ServiceCatalogue;
import org.reach.services.ServicesFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpServletResponse;
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
@Import(InMemoryClientsConfiguration.class)
class EveryEndpointRespectsRolesAndOrganisationsTest {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> ORGANISATION_EDITORS = EnumSet.of(Role.ADMIN, Role.ORG_MANAGER);
    private static final Set<Role> SITE_EDITORS = EnumSet.of(Role.ADMIN, Role.ORG_MANAGER, Role.SITE_MANAGER);
    private static final Set<Role> ACCOUNT_MANAGERS = EnumSet.of(Role.ADMIN, Role.ORG_MANAGER, Role.SITE_MANAGER);
    private static final Set<Role> AUDITORS = EnumSet.of(Role.ADMIN, Role.ORG_MANAGER);
    private static final Set<Role> ORGANISATION_MEMBERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.ME_OFFICER,
            Role.OUTREACH_WORKER);
    private static final Set<Role> SERVICE_MANAGERS = EnumSet.of(Role.ORG_MANAGER);
    private static final Set<Role> RECORDERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.OUTREACH_WORKER);
    private static final Set<Role> CLIENT_READERS = ORGANISATION_MEMBERS;

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;
    @Autowired BackgroundJobs jobs;
    @Autowired InMemoryClients clients;
    @Autowired ServiceCatalogue catalogue;
    @Autowired Encounters encounters;
    @Autowired Referrals referrals;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private ProgrammeFixture world;
    private ServicesFixture services;
    private final AtomicInteger counter = new AtomicInteger();

    /** One endpoint: who may use it on their own organisation, and how to call it on each organisation. */
    record Endpoint(String key, Set<Role> allowed, Function<Call, ? extends RequestBuilder> own,
                    Function<Call, ? extends RequestBuilder> foreign) {
    }

    /** What a request is built from: the caller and the fixture. */
    record Call(Role role, ReachUser user, String token, ProgrammeFixture world, int n, ApiTokens tokens) {
    }

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        services = new ServicesFixture(world, signIn, clients, catalogue, encounters, referrals);
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
        return all;
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

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B api(B request, Call call) {
        return request.header("Authorization", "Bearer " + call.token()).accept(MediaType.APPLICATION_JSON);
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B page(B request, Call call) {
        return request.with(user(call.user())).with(csrf());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
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
