package org.reach.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Defect 7 of issue 10: tokens that never expired, tokens minted by a token that outlived its revocation,
 * and tokens that kept working through a password reset or while a one-time password was to be replaced.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokensAreBoundedTest {

    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;

    private ProgrammeFixture world;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
    }

    @Test
    void aTokenWithoutAStatedLifetimeEndsAfterNinetyDays() throws Exception {
        assertThat(tokens.issue(world.user(Role.ME_OFFICER), new TokenRequest("from my account page", null)).token().expiresAt())
                .isBetween(clock.instant().plus(Duration.ofDays(89)), clock.instant().plus(Duration.ofDays(91)));
        String yearLong = tokens.issue(world.user(Role.ME_OFFICER), new TokenRequest("a year", 366)).secret();
        String issued = issue(yearLong, "{\"name\":\"no end given\"}");
        Instant expires = Instant.parse(JsonPath.read(issued, "$.token.expiresAt"));
        assertThat(expires).isBetween(clock.instant().plus(Duration.ofDays(89)), clock.instant().plus(Duration.ofDays(91)));
        mvc.perform(post("/api/me/tokens").header("Authorization", "Bearer " + world.token(Role.ME_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"forever\",\"validForDays\":367}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void tokensIssuedByATokenAreRevokedWithItAndEndNoLater() throws Exception {
        String parent = issue(world.token(Role.ME_OFFICER), "{\"name\":\"parent\",\"validForDays\":2}");
        String parentSecret = JsonPath.read(parent, "$.secret");
        int parentId = JsonPath.read(parent, "$.token.id");
        String child = issue(parentSecret, "{\"name\":\"child\",\"validForDays\":300}");
        String childSecret = JsonPath.read(child, "$.secret");
        String grandchild = issue(childSecret, "{\"name\":\"grandchild\"}");
        String grandchildSecret = JsonPath.read(grandchild, "$.secret");
        assertThat(Instant.parse(JsonPath.read(child, "$.token.expiresAt")))
                .isBeforeOrEqualTo(Instant.parse(JsonPath.read(parent, "$.token.expiresAt")));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + grandchildSecret)).andExpect(status().isOk());

        mvc.perform(delete("/api/me/tokens/{id}", parentId).header("Authorization", "Bearer " + world.token(Role.ME_OFFICER)))
                .andExpect(status().isNoContent());

        for (String secret : new String[] {parentSecret, childSecret, grandchildSecret}) {
            mvc.perform(get("/api/me").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + world.token(Role.ME_OFFICER))).andExpect(status().isOk());
    }

    @Test
    void aPasswordResetRevokesTheAccountsTokens() throws Exception {
        String token = world.token(Role.OUTREACH_WORKER);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        CreatedAccount reset = accounts.resetPassword(world.user(Role.ORG_MANAGER), world.user(Role.OUTREACH_WORKER).id());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        // choosing a new password does not bring the revoked token back
        accounts.changeOwnPassword(world.user(Role.OUTREACH_WORKER),
                new PasswordChange(reset.temporaryPassword(), "seven quiet herons at dusk", "seven quiet herons at dusk"));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void noTokenWorksWhileAOneTimePasswordIsToBeReplaced() throws Exception {
        ReachUser manager = world.user(Role.ORG_MANAGER);
        CreatedAccount created = accounts.create(manager, new AccountForm("fresh" + world.marker.toLowerCase().substring(7),
                "Fresh peer", null, null, EnumSet.of(Role.OUTREACH_WORKER), Set.of(world.homeSite.id()), "en"));
        ReachUser fresh = signIn.loadUserByUsername(created.account().username());
        assertThat(fresh.passwordChangeRequired()).isTrue();
        String token = tokens.issue(fresh, new TokenRequest("before choosing", 5)).secret();
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());

        accounts.changeOwnPassword(fresh, new PasswordChange(created.temporaryPassword(), "seven quiet herons at dusk",
                "seven quiet herons at dusk"));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    private String issue(String withToken, String body) throws Exception {
        return mvc.perform(post("/api/me/tokens").header("Authorization", "Bearer " + withToken)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }
}
