package org.reach.services;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistry;
import org.reach.organisations.OpeningStatus;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.organisations.SiteType;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Recording keeps each organisation's service catalogue and sites at hand rather than reading them for every
 * encounter; a change to either counts from the next encounter on: a new own service and a new site are accepted at
 * once, a retired service and a closed site refused at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RecordingFollowsCatalogueAndSiteChangesAtOnceTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired ServiceCatalogue catalogue;

    private ProgrammeFixture world;
    private ReachUser manager;
    private Client client;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        manager = world.user(Role.ORG_MANAGER);
        client = ServicesFixture.register(clients, manager, "KLMNF" + (10 + (int) (Math.random() * 80)), world.homeSite.id());
    }

    @Test
    void aChangedCatalogueOrSiteCountsFromTheNextEncounter() throws Exception {
        long site = world.homeSite.id();
        record(site, "NEEDLES_SYRINGES").andExpect(status().isCreated()); // the catalogue and sites are now kept
        record(site, "CONDOMS").andExpect(status().isCreated());

        String own = "KIT_" + world.marker.toUpperCase().replaceAll("[^A-Z]", "");
        record(site, own).andExpect(status().isBadRequest());
        catalogue.create(manager, new ServiceForm(own, "Winter kit", ServiceCategory.BASIC_NEEDS, ServiceUnit.COUNT));
        record(site, own).andExpect(status().isCreated())
                .andExpect(jsonPath("$.encounter.services[0].code").value(own))
                .andExpect(jsonPath("$.encounter.services[0].name").value("Winter kit"));

        long condoms = catalogue.services(manager).stream().filter(s -> s.code().equals("CONDOMS")).findFirst()
                .orElseThrow().id();
        catalogue.setActive(manager, condoms, false);
        record(site, "CONDOMS").andExpect(status().isBadRequest());
        catalogue.setActive(manager, condoms, true);
        record(site, "CONDOMS").andExpect(status().isCreated());

        Site opened = directory.createSite(ReachUser.system(), new SiteForm(world.home.id(), "Night van " + world.marker,
                SiteType.OUTREACH_BASE, "Lyari", "Karachi", null, null, OpeningStatus.OPEN));
        record(opened.id(), "CONDOMS").andExpect(status().isCreated());
        directory.setSiteActive(ReachUser.system(), opened.id(), false);
        record(opened.id(), "CONDOMS").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("siteId"));
    }

    private ResultActions record(long siteId, String serviceCode) throws Exception {
        String body = "{\"uuid\":\"" + UUID.randomUUID() + "\",\"date\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(1)
                + "\",\"siteId\":" + siteId + ",\"clientId\":" + client.id() + ",\"anonymous\":false,\"services\":[{\"code\":\""
                + serviceCode + "\",\"quantity\":2}]}";
        return mvc.perform(post("/api/encounters").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
