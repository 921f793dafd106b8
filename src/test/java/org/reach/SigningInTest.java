package org.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditFilter;
import org.reach.audit.AuditTrail;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class SigningInTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;

    private ProgrammeFixture world;
    private String username;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        username = world.user(Role.OUTREACH_WORKER).getUsername();
    }

    @Test
    void theRightPasswordSignsInAndChangesTheSessionId() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcResult result = mvc.perform(post("/login").session(session).with(csrf())
                        .param("username", username).param("password", ProgrammeFixture.PASSWORD))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/")).andReturn();
        MockHttpSession after = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).as("session fixation protection").isNotEqualTo(before);
        mvc.perform(get("/").session(after)).andExpect(status().isOk());
        assertThat(audit.search(ReachUser.system(), new AuditFilter(null, null, username, AuditAction.LOGIN, null, null, null), 0, 5)
                .total()).isEqualTo(1);
    }

    @Test
    void signingInWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", username).param("password", ProgrammeFixture.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesSendStrangersToTheLoginPage() throws Exception {
        mvc.perform(get("/sites")).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
    }

    @Test
    void fiveWrongPasswordsMakeTheNextAttemptWaitWithoutLockingTheAccount() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(post("/login").with(csrf()).with(from("10.20.0.1")).param("username", username)
                            .param("password", "wrong-" + attempt))
                    .andExpect(redirectedUrl("/login?error"));
        }
        String answer = mvc.perform(post("/login").with(csrf()).with(from("10.20.0.2")).param("username", username)
                        .param("password", ProgrammeFixture.PASSWORD))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(answer).as("even the right password waits").startsWith("/login?wait=");
        assertThat(accounts.account(ReachUser.system(), world.user(Role.OUTREACH_WORKER).id()).locked()).isFalse();
        assertThat(audit.search(ReachUser.system(),
                new AuditFilter(null, null, username, AuditAction.LOGIN_FAILED, null, null, null), 0, 5).total()).isEqualTo(5);

        accounts.unlock(ReachUser.system(), world.user(Role.OUTREACH_WORKER).id());
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", ProgrammeFixture.PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void aDeactivatedPersonIsSignedOutAtTheirNextClick() throws Exception {
        MvcResult signedIn = mvc.perform(post("/login").with(csrf()).param("username", username)
                .param("password", ProgrammeFixture.PASSWORD)).andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());

        accounts.setActive(world.user(Role.ORG_MANAGER), world.user(Role.OUTREACH_WORKER).id(), false);

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", ProgrammeFixture.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aOneTimePasswordMustBeReplacedBeforeAnythingElse() throws Exception {
        String temporary = accounts.resetPassword(world.user(Role.ORG_MANAGER), world.user(Role.OUTREACH_WORKER).id())
                .temporaryPassword();
        MvcResult signedIn = mvc.perform(post("/login").with(csrf()).param("username", username).param("password", temporary))
                .andExpect(redirectedUrl("/")).andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
        mvc.perform(get("/sites").session(session)).andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", temporary)
                .param("newPassword", "short").param("confirmation", "short")).andExpect(status().isOk());
        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", temporary)
                        .param("newPassword", "a much better passphrase").param("confirmation", "a much better passphrase"))
                .andExpect(redirectedUrl("/account?passwordChanged"));
        mvc.perform(get("/sites").session(session)).andExpect(status().isOk());
    }
}
