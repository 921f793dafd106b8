package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.OrganisationDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The NUL character (U+0000) is refused wherever text arrives, naming the field, and nothing is written: in a JSON
 * body, in query and form parameters of the API and the pages, and in uploaded tables.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TextWithNulIsRefusedTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;

    private ProgrammeFixture world;

    @BeforeEach
    void world() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
    }

    @Test
    void aJsonBodyNamesTheFieldAndWritesNothing() throws Exception {
        String body = """
                {"organisationId": %d, "name": "Lyari\\u0000drop-in", "type": "DROP_IN_CENTRE", "area": "Lyari",
                 "city": "Karachi", "openingStatus": "OPEN"}""".formatted(world.home.id());
        mvc.perform(post("/api/sites").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "en").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].code").value("error.nul"))
                .andExpect(jsonPath("$.errors[0].reason").value("Text may not contain the NUL character (U+0000)."));
        assertThat(directory.sites(ReachUser.system(), world.home.id()))
                .noneMatch(s -> s.name().startsWith("Lyari"));
    }

    @Test
    void aQueryParameterOfTheApiIsRefused() throws Exception {
        mvc.perform(get("/api/clients").param("code", "AB\0CD").header("Authorization", "Bearer "
                        + world.token(Role.ORG_MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].code").value("error.nul"));
    }

    @Test
    void aFormFieldOfAPageIsRefusedOnThePageNamingIt() throws Exception {
        mvc.perform(post("/sites/new").param("organisationId", String.valueOf(world.home.id()))
                        .param("name", "Korangi\0").param("type", "CLINIC").param("city", "Karachi")
                        .param("openingStatus", "OPEN").header("Accept-Language", "en")
                        .with(user(world.user(Role.ORG_MANAGER))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-field=\"name\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("NUL character")));
        assertThat(directory.sites(ReachUser.system(), world.home.id()))
                .noneMatch(s -> s.name().startsWith("Korangi"));
    }

    @Test
    void anUploadedTableIsRefused() {
        byte[] csv = "code,site\nAB12\0,Lyari\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TableReader.read("clients.csv", new ByteArrayInputStream(csv)))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.problems())
                        .containsExactly(FieldProblem.of("file", "error.nul")));
    }
}
