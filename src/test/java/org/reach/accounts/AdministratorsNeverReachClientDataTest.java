package org.reach.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditFilter;
import org.reach.audit.AuditTrail;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Defect 1 of issue 10: an administrator gave itself a client-level role, or reset a peer's password and
 * signed in as the peer, and read clients. Neither path exists now.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AdministratorsNeverReachClientDataTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;

    private ProgrammeFixture world;
    private String adminToken;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        adminToken = world.token(Role.ADMIN);
    }

    @Test
    void anAdministratorCannotGiveItselfAClientLevelRole() throws Exception {
        long admin = world.user(Role.ADMIN).id();
        mvc.perform(put("/api/accounts/{id}", admin).header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Admin\",\"organisationId\":" + world.home.id()
                                + ",\"roles\":[\"ADMIN\",\"ORG_MANAGER\"],\"language\":\"en\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field=='roles')].code").value("account.error.adminWithClientRole"));

        assertThat(accounts.account(ReachUser.system(), admin).roles()).containsExactly(Role.ADMIN);
        mvc.perform(get("/api/clients").header("Authorization", "Bearer " + adminToken)).andExpect(status().isForbidden());
    }

    @Test
    void noAccountIsCreatedOrChangedToHoldAdminWithAClientLevelRole() throws Exception {
        for (String role : new String[] {"ORG_MANAGER", "SITE_MANAGER", "ME_OFFICER", "OUTREACH_WORKER"}) {
            mvc.perform(post("/api/accounts").header("Authorization", "Bearer " + adminToken)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"twohats" + role.length() + world.marker.toLowerCase().substring(7)
                                    + "\",\"displayName\":\"Two hats\",\"organisationId\":" + world.home.id()
                                    + ",\"roles\":[\"ADMIN\",\"" + role + "\"],\"siteIds\":[" + world.homeSite.id()
                                    + "],\"language\":\"en\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field=='roles')].code").value("account.error.adminWithClientRole"));
        }
        mvc.perform(put("/api/accounts/{id}", world.homePeer2.id()).header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Peer\",\"organisationId\":" + world.home.id()
                                + ",\"roles\":[\"ADMIN\",\"OUTREACH_WORKER\"],\"siteIds\":[" + world.homeSite.id()
                                + "],\"language\":\"en\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='roles')].code").value("account.error.adminWithClientRole"));
        assertThat(accounts.account(ReachUser.system(), world.homePeer2.id()).roles()).containsExactly(Role.OUTREACH_WORKER);

        // The page shows the same refusal beside the roles.
        String page = mvc.perform(post("/accounts/{id}", world.homePeer2.id()).with(user(world.user(Role.ADMIN))).with(csrf())
                        .param("username", world.homePeer2.username()).param("displayName", "Peer")
                        .param("organisationId", String.valueOf(world.home.id()))
                        .param("roles", "ADMIN", "OUTREACH_WORKER").param("siteIds", String.valueOf(world.homeSite.id()))
                        .param("language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("class=\"error\"").contains("cannot also hold a role that sees client records");
    }

    @Test
    void nobodyChangesTheirOwnRolesNorMovesAnAccountToAnotherOrganisation() throws Exception {
        long admin = world.user(Role.ADMIN).id();
        mvc.perform(put("/api/accounts/{id}", admin).header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Admin\",\"programmeId\":" + world.homeProgramme.id()
                                + ",\"roles\":[\"ADMIN\",\"COORDINATOR\"],\"language\":\"en\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='roles')].code").value("account.error.ownRoles"));
        mvc.perform(put("/api/accounts/{id}", world.homePeer2.id()).header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Peer\",\"organisationId\":" + world.foreign.id()
                                + ",\"roles\":[\"OUTREACH_WORKER\"],\"siteIds\":[" + world.foreignSite.id() + "],\"language\":\"en\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='organisationId')].code").value("account.error.organisationFixed"));
        assertThat(accounts.account(ReachUser.system(), world.homePeer2.id()).organisationId()).isEqualTo(world.home.id());
    }

    @Test
    void anAdministratorsResetGivesItNoPasswordAndTheManagerIssuesOne() throws Exception {
        String peer = world.user(Role.OUTREACH_WORKER).getUsername();
        MockHttpSession peerSession = signIn(peer, ProgrammeFixture.PASSWORD);
        mvc.perform(get("/").session(peerSession)).andExpect(status().isOk());
        String peerToken = world.token(Role.OUTREACH_WORKER);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + peerToken)).andExpect(status().isOk());

        String answer = mvc.perform(post("/api/accounts/{id}/reset-password", world.user(Role.OUTREACH_WORKER).id())
                        .header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.temporaryPassword").doesNotExist())
                .andExpect(jsonPath("$.awaitingManager").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain(ProgrammeFixture.PASSWORD);

        // the peer's session has ended, its token is revoked and its old password no longer works
        mvc.perform(get("/").session(peerSession)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + peerToken)).andExpect(status().isUnauthorized());
        mvc.perform(post("/login").with(csrf()).with(from("10.30.0.1")).param("username", peer)
                .param("password", ProgrammeFixture.PASSWORD)).andExpect(redirectedUrl("/login?error"));

        // the organisation's manager hears of it on the start page and in the audit log, and issues the password
        MockHttpSession manager = signIn(world.user(Role.ORG_MANAGER).getUsername(), ProgrammeFixture.PASSWORD);
        String home = mvc.perform(get("/").session(manager)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("password-resets").contains(peer);
        Matcher issue = Pattern.compile("/accounts/resets/(\\d+)/issue").matcher(home);
        assertThat(issue.find()).isTrue();
        assertThat(audit.search(world.user(Role.ORG_MANAGER),
                new AuditFilter(null, null, null, AuditAction.PASSWORD_RESET, null, null, null), 0, 10).events())
                .anySatisfy(event -> assertThat(event.entityId()).isEqualTo(String.valueOf(world.user(Role.OUTREACH_WORKER).id())));

        // the administrator cannot issue it itself
        mvc.perform(post("/accounts/resets/{id}/issue", issue.group(1)).with(user(world.user(Role.ADMIN))).with(csrf()))
                .andExpect(status().isNotFound());

        String issued = mvc.perform(post("/accounts/resets/{id}/issue", issue.group(1)).session(manager).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher secret = Pattern.compile("id=\"temporary-password\">([^<]+)<").matcher(issued);
        assertThat(secret.find()).isTrue();
        mvc.perform(post("/login").with(csrf()).with(from("10.30.0.1")).param("username", peer)
                .param("password", secret.group(1))).andExpect(redirectedUrl("/"));
        // shown once: the waiting reset is gone
        mvc.perform(post("/accounts/resets/{id}/issue", issue.group(1)).session(manager).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAdministratorCreatingAFurtherAccountOfAnOrganisationGetsNoPassword() throws Exception {
        mvc.perform(post("/api/accounts").header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"late" + world.marker.toLowerCase().substring(7)
                                + "\",\"displayName\":\"Late peer\",\"organisationId\":" + world.home.id()
                                + ",\"roles\":[\"OUTREACH_WORKER\"],\"siteIds\":[" + world.homeSite.id()
                                + "],\"language\":\"en\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.temporaryPassword").doesNotExist())
                .andExpect(jsonPath("$.awaitingManager").value(true));
        assertThat(accounts.resetNotices(world.user(Role.ORG_MANAGER)))
                .anySatisfy(notice -> assertThat(notice.username()).isEqualTo("late" + world.marker.toLowerCase().substring(7)));
    }

    @Test
    void aManagersResetGivesTheManagerTheOneTimePasswordAndEndsTheSessionsAndTokens() throws Exception {
        String peer = world.user(Role.OUTREACH_WORKER).getUsername();
        MockHttpSession peerSession = signIn(peer, ProgrammeFixture.PASSWORD);
        String answer = mvc.perform(post("/api/accounts/{id}/reset-password", world.user(Role.OUTREACH_WORKER).id())
                        .header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.awaitingManager").value(false))
                .andReturn().getResponse().getContentAsString();
        String temporary = JsonPath.read(answer, "$.temporaryPassword");
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(12);
        mvc.perform(get("/").session(peerSession)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER)))
                .andExpect(status().isUnauthorized());
        MockHttpSession fresh = signIn(peer, temporary);
        mvc.perform(get("/sites").session(fresh)).andExpect(redirectedUrl("/account/password"));
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).with(from("10.30.0.2"))
                        .param("username", username).param("password", password))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
