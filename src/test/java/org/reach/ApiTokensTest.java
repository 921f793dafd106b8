package org.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ApiTokensTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    private ProgrammeFixture world;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
    }

    @Test
    void aNewTokenWorksIsStoredOnlyAsAHashAndStopsWorkingWhenRevoked() throws Exception {
        String issued = mvc.perform(post("/api/me/tokens").header("Authorization", "Bearer " + world.token(Role.ME_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"dhis2 sync\",\"validForDays\":30}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(issued, "$.secret");
        int id = JsonPath.read(issued, "$.token.id");

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(world.user(Role.ME_OFFICER).getUsername()));

        List<String> stored = jdbc.sql("SELECT token_hash FROM api_tokens WHERE id = ?").param(id).query(String.class).list();
        assertThat(stored).containsExactly(sha256(secret));
        long rowsHoldingTheSecret = jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE token_hash = ? OR token_prefix = ? OR name = ?")
                .params(secret, secret, secret).query(Long.class).single();
        assertThat(rowsHoldingTheSecret).isZero();

        mvc.perform(delete("/api/me/tokens/{id}", id).header("Authorization", "Bearer " + secret))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void anUnknownTokenOrNoTokenIsUnauthorized() throws Exception {
        mvc.perform(get("/api/sites").header("Authorization", "Bearer reach_not-a-real-token")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/sites")).andExpect(status().isUnauthorized());
    }

    @Test
    void aDeactivatedPersonsTokensStopWorking() throws Exception {
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))).andExpect(status().isOk());
        accounts.setActive(world.user(Role.ORG_MANAGER), world.user(Role.OUTREACH_WORKER).id(), false);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tokenValidityIsChecked() throws Exception {
        mvc.perform(post("/api/me/tokens").header("Authorization", "Bearer " + world.token(Role.ME_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"validForDays\":1000}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='name')].code").value("error.required"))
                .andExpect(jsonPath("$.errors[?(@.field=='validForDays')].code").value("token.error.validity"));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
