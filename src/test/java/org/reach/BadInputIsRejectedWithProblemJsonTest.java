package org.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class BadInputIsRejectedWithProblemJsonTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;

    private ProgrammeFixture world;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
    }

    @Test
    void everyBadFieldOfASiteIsNamedAndNothingIsWritten() throws Exception {
        int sitesBefore = directory.sites(ReachUser.system(), world.home.id()).size();
        mvc.perform(post("/api/sites").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisationId\":" + world.home.id() + ",\"name\":\" \",\"type\":\"CLINIC\","
                                + "\"city\":\"Karachi\",\"latitude\":95.0,\"openingStatus\":\"OPEN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:reach:problem:invalid-input"))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[?(@.field=='name')].reason").value("Please fill this in."))
                .andExpect(jsonPath("$.errors[?(@.field=='latitude')].code").value("site.error.latitude"))
                .andExpect(jsonPath("$.errors[?(@.field=='longitude')].code").value("site.error.coordinatePair"));
        assertThat(directory.sites(ReachUser.system(), world.home.id())).hasSize(sitesBefore);
    }

    @Test
    void reasonsComeInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/sites").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisationId\":" + world.home.id() + ",\"name\":\"\",\"type\":\"CLINIC\",\"openingStatus\":\"OPEN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.not("Please fill this in.")));
    }

    @Test
    void aWrongTypeNamesTheField() throws Exception {
        mvc.perform(post("/api/sites").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisationId\":" + world.home.id() + ",\"name\":\"x\",\"type\":\"CASTLE\",\"openingStatus\":\"OPEN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
    }

    @Test
    void aRejectedAccountLeavesNoAccountAndNoAuditLine() throws Exception {
        long auditBefore = audit.search(ReachUser.system(),
                new AuditFilter(null, null, null, AuditAction.CREATE, "account", null, world.home.id()), 0, 1).total();
        mvc.perform(post("/api/accounts").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"Bad Name!\",\"displayName\":\"\",\"roles\":[\"ADMIN\"],\"language\":\"fr\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='username')].code").value("account.error.username"))
                .andExpect(jsonPath("$.errors[?(@.field=='displayName')].code").value("error.required"))
                .andExpect(jsonPath("$.errors[?(@.field=='roles')].code").value("account.error.roleNotAllowed"))
                .andExpect(jsonPath("$.errors[?(@.field=='language')].code").value("account.error.language"));
        assertThat(audit.search(ReachUser.system(),
                new AuditFilter(null, null, null, AuditAction.CREATE, "account", null, world.home.id()), 0, 1).total())
                .isEqualTo(auditBefore);
    }

    @Test
    void aDuplicateSiteNameIsRefusedBesideTheField() throws Exception {
        mvc.perform(put("/api/sites/{id}", world.homeOtherSite.id()).header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisationId\":" + world.home.id() + ",\"name\":\"" + world.homeSite.name()
                                + "\",\"type\":\"CLINIC\",\"city\":\"Karachi\",\"openingStatus\":\"OPEN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].code").value("error.nameTaken"));
    }
}
