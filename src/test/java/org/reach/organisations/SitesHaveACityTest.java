package org.reach.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every site created or edited names its city, so indicators can be split by city; older sites may have none. */
@SpringBootTest
@AutoConfigureMockMvc
class SitesHaveACityTest {

    private static final String CITY_OF_101 = "K".repeat(101);

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
    void theApiTakesTheCityTrimmedAndGivesItBack() throws Exception {
        String created = mvc.perform(api(post("/api/sites"), Role.ORG_MANAGER)
                        .content(site(world.home.id(), "Anarkali outreach base", "  Lahore ")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.city").value("Lahore"))
                .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(created, "$.id");

        mvc.perform(api(get("/api/sites/{id}", id), Role.ME_OFFICER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.city").value("Lahore"));

        mvc.perform(api(put("/api/sites/{id}", id), Role.ORG_MANAGER)
                        .content(site(world.home.id(), "Anarkali outreach base", "Karachi")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.city").value("Karachi"));
        assertThat(directory.site(ReachUser.system(), id).city()).isEqualTo("Karachi");
    }

    @Test
    void theApiRefusesAMissingOrTooLongCityBesideTheFieldAndWritesNothing() throws Exception {
        int sitesBefore = directory.sites(ReachUser.system(), world.home.id()).size();

        mvc.perform(api(post("/api/sites"), Role.ORG_MANAGER).content(site(world.home.id(), "No city", null)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:reach:problem:invalid-input"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("city"))
                .andExpect(jsonPath("$.errors[0].code").value("error.required"));

        mvc.perform(api(post("/api/sites"), Role.ORG_MANAGER).content(site(world.home.id(), "Long city", CITY_OF_101)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("city"))
                .andExpect(jsonPath("$.errors[0].code").value("error.tooLong"))
                .andExpect(jsonPath("$.errors[0].reason").value("Use at most 100 characters."));
        assertThat(directory.sites(ReachUser.system(), world.home.id())).hasSize(sitesBefore);

        mvc.perform(api(put("/api/sites/{id}", world.homeSite.id()), Role.SITE_MANAGER)
                        .content(site(world.home.id(), world.homeSite.name(), "   ")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("city"))
                .andExpect(jsonPath("$.errors[0].code").value("error.required"));
        assertThat(directory.site(ReachUser.system(), world.homeSite.id()).city()).isEqualTo("Karachi");

        // 100 characters is the limit itself, and still fits the column on every database
        mvc.perform(api(post("/api/sites"), Role.ORG_MANAGER).content(site(world.home.id(), "Long city", "K".repeat(100))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.city").value("K".repeat(100)));
    }

    @Test
    void theSiteFormsTakeTheCityAndTheListShowsIt() throws Exception {
        mvc.perform(page(post("/sites/new"), Role.ORG_MANAGER)
                        .param("organisationId", String.valueOf(world.home.id())).param("name", "Clifton safe space")
                        .param("type", "SAFE_SPACE").param("area", "Clifton Block 2").param("city", " Karachi ")
                        .param("openingStatus", "OPEN"))
                .andExpect(redirectedUrl("/organisations/" + world.home.id() + "?saved"));
        Site created = directory.sites(ReachUser.system(), world.home.id()).stream()
                .filter(s -> s.name().equals("Clifton safe space")).findFirst().orElseThrow();
        assertThat(created.city()).isEqualTo("Karachi");

        mvc.perform(page(siteForm(post("/sites/{id}/edit", world.homeSite.id()), world.homeSite.name(), "Hyderabad"),
                        Role.SITE_MANAGER))
                .andExpect(redirectedUrl("/organisations/" + world.home.id() + "?saved"));
        assertThat(directory.site(ReachUser.system(), world.homeSite.id()).city()).isEqualTo("Hyderabad");

        mvc.perform(page(get("/sites").param("organisation", String.valueOf(world.home.id())), Role.ME_OFFICER)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<th>City</th>")))
                .andExpect(content().string(containsString("<td>Hyderabad</td>")))
                .andExpect(content().string(not(containsString("city not recorded"))));
    }

    @Test
    void aTooLongCityIsShownBesideTheFieldAndNothingChanges() throws Exception {
        mvc.perform(page(siteForm(post("/sites/{id}/edit", world.homeSite.id()), world.homeSite.name(), CITY_OF_101),
                        Role.SITE_MANAGER).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "<p class=\"error\" id=\"city-error\">Use at most 100 characters.</p>")))
                .andExpect(content().string(containsString("value=\"" + CITY_OF_101 + "\"")));
        assertThat(directory.site(ReachUser.system(), world.homeSite.id()).city()).isEqualTo("Karachi");

        mvc.perform(page(siteForm(post("/sites/new"), "Site without a city", "")
                                .param("organisationId", String.valueOf(world.home.id())), Role.ORG_MANAGER)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<p class=\"error\" id=\"city-error\">Please fill this in.</p>")));
        assertThat(directory.sites(ReachUser.system(), world.home.id())).noneMatch(s -> s.name().equals("Site without a city"));
    }

    @Test
    void aSiteFromBeforeCitiesShowsThatItsCityIsNotRecordedUntilItIsEdited() throws Exception {
        // what V21 leaves on rows that existed before it
        jdbc.sql("UPDATE sites SET city = NULL WHERE id = ?").param(world.homeOtherSite.id()).update();

        mvc.perform(api(get("/api/sites/{id}", world.homeOtherSite.id()), Role.ORG_MANAGER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.city").doesNotExist());
        mvc.perform(page(get("/organisations/{id}", world.home.id()), Role.ORG_MANAGER).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td class=\"muted\">city not recorded</td>")));

        // the edit form suggests the cities already used, and only those the person may see
        mvc.perform(page(get("/sites/{id}/edit", world.homeOtherSite.id()), Role.ORG_MANAGER))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"Karachi\"></option>")))
                .andExpect(content().string(not(containsString(world.marker))));

        mvc.perform(page(siteForm(post("/sites/{id}/edit", world.homeOtherSite.id()), world.homeOtherSite.name(), "Karachi"),
                        Role.ORG_MANAGER))
                .andExpect(redirectedUrl("/organisations/" + world.home.id() + "?saved"));
        assertThat(directory.site(ReachUser.system(), world.homeOtherSite.id()).city()).isEqualTo("Karachi");
    }

    private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, Role role) {
        return request.header("Authorization", "Bearer " + world.token(role)).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON);
    }

    private MockHttpServletRequestBuilder page(MockHttpServletRequestBuilder request, Role role) {
        return request.with(user(world.user(role))).with(csrf());
    }

    private static String site(long organisationId, String name, String city) {
        return "{\"organisationId\":" + organisationId + ",\"name\":\"" + name + "\",\"type\":\"OUTREACH_BASE\","
                + "\"area\":\"Anarkali Bazaar\"," + (city == null ? "" : "\"city\":\"" + city + "\",")
                + "\"openingStatus\":\"OPEN\"}";
    }

    private static MockHttpServletRequestBuilder siteForm(MockHttpServletRequestBuilder request, String name, String city) {
        return request.param("name", name).param("type", "DROP_IN_CENTRE").param("area", "Lyari").param("city", city)
                .param("openingStatus", "OPEN");
    }
}
