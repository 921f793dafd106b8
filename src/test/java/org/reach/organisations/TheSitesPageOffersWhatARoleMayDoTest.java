package org.reach.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sites page shows "Edit" and "New site" to exactly those who may follow them, by the same rule the directory
 * applies when the form is opened: nobody is led to "your role does not allow this".
 */
@SpringBootTest
@AutoConfigureMockMvc
class TheSitesPageOffersWhatARoleMayDoTest {

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
    void everyOfferedLinkOpensAndNothingRefusedIsOffered() throws Exception {
        String editHome = "href=\"/sites/" + world.homeSite.id() + "/edit\"";
        for (Role role : new Role[] {Role.OUTREACH_WORKER, Role.ME_OFFICER, Role.SITE_MANAGER, Role.ORG_MANAGER}) {
            ReachUser person = world.user(role);
            String page = page("/sites", person);
            boolean mayEdit = directory.mayEdit(person, directory.site(person, world.homeSite.id()));
            assertThat(page.contains(editHome)).as(role + " is offered Edit exactly when allowed").isEqualTo(mayEdit);
            if (mayEdit) {
                mvc.perform(get("/sites/{id}/edit", world.homeSite.id()).with(user(person))).andExpect(status().isOk());
            }
            boolean mayCreate = directory.mayCreateSite(person, world.home.id());
            assertThat(page.contains("href=\"/sites/new?organisation=" + world.home.id() + "\""))
                    .as(role + " is offered New site exactly when allowed").isEqualTo(mayCreate);
            if (mayCreate) {
                mvc.perform(get("/sites/new").param("organisation", String.valueOf(world.home.id())).with(user(person)))
                        .andExpect(status().isOk());
            }
        }
        assertThat(page("/sites", world.user(Role.OUTREACH_WORKER))).doesNotContain("/edit\"");
        assertThat(page("/sites", world.user(Role.ORG_MANAGER))).contains(editHome);
    }

    private String page(String path, ReachUser person) throws Exception {
        return mvc.perform(get(path).with(user(person)).header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
