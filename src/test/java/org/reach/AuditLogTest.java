package org.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditEvent;
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
class AuditLogTest {

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
    void aWriteRecordsWhoWhatWhichRecordAndFromWhere() throws Exception {
        mvc.perform(post("/api/sites/{id}/deactivate", world.homeOtherSite.id())
                        .header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .with(request -> { request.setRemoteAddr("10.1.2.3"); return request; }))
                .andExpect(status().isOk());
        AuditEvent event = audit.search(ReachUser.system(), new AuditFilter(null, null, null, AuditAction.DEACTIVATE, "site",
                String.valueOf(world.homeOtherSite.id()), null), 0, 5).events().get(0);
        assertThat(event.actorUsername()).isEqualTo(world.user(Role.ORG_MANAGER).getUsername());
        assertThat(event.actorId()).isEqualTo(world.user(Role.ORG_MANAGER).id());
        assertThat(event.organisationId()).isEqualTo(world.home.id());
        assertThat(event.remoteAddress()).isEqualTo("10.1.2.3");
        assertThat(event.occurredAt()).isNotNull();
    }

    @Test
    void theRecordTypeIsChosenFromTheTypesInTheManagersOwnLog() throws Exception {
        String page = mvc.perform(get("/audit").header("Accept-Language", "en").with(user(world.user(Role.ORG_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int at = page.lastIndexOf("<select", page.indexOf("id=\"entityType\""));
        String select = page.substring(at, page.indexOf("</select>", at));
        assertThat(select).as("a choice list, named in the reader's language").contains("<option value=\"site\">Site</option>");
        String chosen = mvc.perform(get("/audit").param("entityType", "site").header("Accept-Language", "en")
                        .with(user(world.user(Role.ORG_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chosen).contains("<option value=\"site\" selected=\"selected\">Site</option>")
                .contains(world.homeSite.name());
    }

    @Test
    void managersSeeTheirOwnOrganisationsLogOnlyAndCanFilterIt() throws Exception {
        mvc.perform(get("/api/audit").param("action", "CREATE").param("entityType", "site")
                        .header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.events[*].organisationId").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is((int) world.home.id()))));
        mvc.perform(get("/audit").param("action", "CREATE").with(user(world.user(Role.ORG_MANAGER))))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains(world.homeSite.name()).doesNotContain(world.marker));
    }

    @Test
    void theFilterSwapsOnlyTheResultsForHtmx() throws Exception {
        String fragment = mvc.perform(get("/audit").header("HX-Request", "true").with(user(world.user(Role.ORG_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"audit-results\"").doesNotContain("<html");
    }

    @Test
    void theAuditServiceOffersNoWayToChangeOrRemoveEntries() {
        assertThat(Arrays.stream(AuditTrail.class.getMethods()).map(Method::getName))
                .noneMatch(name -> name.startsWith("update") || name.startsWith("delete") || name.startsWith("remove")
                        || name.startsWith("edit") || name.startsWith("purge"));
    }
}
