package org.reach.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Defect 8 of issue 10: five wrong passwords locked an account and stopped its tokens, so anyone knowing a
 * username could shut its owner out; and "?locked" told real usernames from unknown ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInIsThrottledNotLockedTest {

    private static int nextAddress = 1;

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
    void guessingPasswordsSlowsTheGuesserDownButLocksNothingAndStopsNoToken() throws Exception {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        RequestPostProcessor attacker = from(newAddress());
        List<String> answers = new ArrayList<>();
        for (int attempt = 1; attempt <= 10; attempt++) {
            answers.add(attempt(peer.getUsername(), "wrong-guess-" + attempt, attacker));
        }
        assertThat(answers.subList(0, 5)).containsOnly("/login?error");
        assertThat(answers.get(5)).startsWith("/login?wait=");
        assertThat(answers).noneMatch(answer -> answer.contains("locked"));

        // the token holder's API access goes on, and the account is not locked
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))).andExpect(status().isOk());
        assertThat(accounts.account(ReachUser.system(), peer.id()).locked()).isFalse();

        // while the username must wait, even the right password is turned away, without being checked
        String wait = attempt(peer.getUsername(), ProgrammeFixture.PASSWORD, from(newAddress()));
        assertThat(wait).startsWith("/login?wait=");
        long seconds = Long.parseLong(wait.substring("/login?wait=".length()));
        assertThat(seconds).isBetween(1L, 15 * 60L);
        String page = mvc.perform(get(wait)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Too many attempts. Try again in " + seconds + " seconds.");

        // a manager can clear the wait (the old "unlock"), and the right password then works
        accounts.unlock(world.user(Role.ORG_MANAGER), peer.id());
        assertThat(attempt(peer.getUsername(), ProgrammeFixture.PASSWORD, from(newAddress()))).isEqualTo("/");
    }

    @Test
    void knownAndUnknownUsernamesGetTheSameAnswers() throws Exception {
        String known = world.user(Role.ME_OFFICER).getUsername();
        String unknown = "nobody" + world.marker.toLowerCase().substring(7);
        RequestPostProcessor first = from(newAddress());
        RequestPostProcessor second = from(newAddress());
        List<String> knownAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            knownAnswers.add(attempt(known, "wrong-guess-" + attempt, first).replaceAll("\\d+$", "N"));
            unknownAnswers.add(attempt(unknown, "wrong-guess-" + attempt, second).replaceAll("\\d+$", "N"));
        }
        assertThat(knownAnswers).isEqualTo(unknownAnswers);
        assertThat(knownAnswers).contains("/login?wait=N");

        // a deactivated account answers the same, even to its right password
        ReachUser deactivated = world.user(Role.COORDINATOR);
        accounts.setActive(ReachUser.system(), deactivated.id(), false);
        assertThat(attempt(deactivated.getUsername(), ProgrammeFixture.PASSWORD, from(newAddress()))).isEqualTo("/login?error");

        // and all take about as long: unknown usernames and deactivated accounts have a password hashed too
        long[] knownTimes = new long[3];
        long[] unknownTimes = new long[3];
        long[] deactivatedTimes = new long[3];
        for (int i = 0; i < 3; i++) {
            knownTimes[i] = timed(world.user(Role.SITE_MANAGER).getUsername(), from(newAddress()));
            unknownTimes[i] = timed(unknown + "x" + i, from(newAddress()));
            deactivatedTimes[i] = timed(deactivated.getUsername(), from(newAddress()));
        }
        Arrays.sort(knownTimes);
        Arrays.sort(unknownTimes);
        Arrays.sort(deactivatedTimes);
        assertThat(unknownTimes[1]).isBetween(knownTimes[1] / 10, knownTimes[1] * 10);
        assertThat(deactivatedTimes[1]).isBetween(knownTimes[1] / 10, knownTimes[1] * 10);
    }

    @Test
    void manyWrongPasswordsFromOneAddressSlowThatAddressDown() throws Exception {
        RequestPostProcessor sprayer = from(newAddress());
        List<String> answers = new ArrayList<>();
        for (int attempt = 1; attempt <= 22; attempt++) {
            answers.add(attempt("sprayed" + attempt + world.marker.toLowerCase().substring(7), "Winter2026!", sprayer));
        }
        assertThat(answers.subList(0, 20)).containsOnly("/login?error");
        assertThat(answers.get(20)).startsWith("/login?wait=");
        // a colleague at another address is not affected
        assertThat(attempt(world.user(Role.ME_OFFICER).getUsername(), ProgrammeFixture.PASSWORD, from(newAddress())))
                .isEqualTo("/");
    }

    private long timed(String username, RequestPostProcessor address) throws Exception {
        long start = System.nanoTime();
        attempt(username, "wrong-guess", address);
        return System.nanoTime() - start;
    }

    private String attempt(String username, String password, RequestPostProcessor address) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(address).param("username", username).param("password", password))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    private static synchronized String newAddress() {
        int n = nextAddress++;
        return "10.80." + (n / 250) + "." + (n % 250 + 1);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
