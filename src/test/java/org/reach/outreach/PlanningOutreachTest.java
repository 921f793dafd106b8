package org.reach.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Gender;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.rar.AssessmentForm;
import org.reach.rar.AssessmentStatus;
import org.reach.rar.GatheringReason;
import org.reach.rar.Hotspot;
import org.reach.rar.HotspotForm;
import org.reach.rar.PopulationSizes;
import org.reach.rar.RapidAssessments;
import org.reach.rar.TimeOfDay;
import org.reach.rar.Typology;
import org.reach.rar.UseType;
import org.reach.rar.VisitForm;
import org.reach.services.ServiceLine;
import org.reach.services.ServicesFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A constructed microplan: two peers share a graveyard where 40 people gather, 20 of whom inject; the first also
 * covers a bridge with 10 who do not. Targets, the syringe gap and the peer's start page follow by hand.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanningOutreachTest {

    /** Stands in for the follow-up capability: every peer follows 45 clients, below the norm. */
    @TestConfiguration
    static class FortyFiveEach {
        @Bean
        @Primary
        PeerCaseloads caseloads() {
            return (actor, peerId) -> OptionalInt.of(45);
        }
    }

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired RapidAssessments rar;

    @Autowired
    PopulationSizes populationSizes;
    @Autowired ClientRegistry clients;
    @Autowired Microplans microplans;
    @Autowired OutreachSessions sessions;

    private ProgrammeFixture world;
    private Hotspot graveyard;
    private Hotspot bridge;
    private Hotspot foreignHotspot;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        ReachUser system = ReachUser.system();
        long home = rar.createAssessment(system, new AssessmentForm(world.home.id(), "Plan mapping", "Karachi", null, null,
                "team", null, AssessmentStatus.FIELDWORK)).id();
        graveyard = rar.createHotspot(system, home, hotspot("Graveyard <b>east</b>"));
        bridge = rar.createHotspot(system, home, hotspot("Bridge"));
        populationSizes.addVisit(system, graveyard.id(), new VisitForm(today.minusDays(40), null, 40, 20, 20, 5, 3, 0));
        populationSizes.addVisit(system, bridge.id(), new VisitForm(today.minusDays(40), null, 10, 0, 10, 2, 1, 0));
        long foreign = rar.createAssessment(system, new AssessmentForm(world.foreign.id(), "Mapping " + world.marker,
                "Mombasa", null, null, "team", null, AssessmentStatus.FIELDWORK)).id();
        foreignHotspot = rar.createHotspot(system, foreign, hotspot("Spot " + world.marker));
    }

    private static HotspotForm hotspot(String name) {
        return new HotspotForm(name, "Lyari", 24.87, 66.99, 10.0, null, Typology.GRAVEYARD, UseType.MIXED,
                List.of("HEROIN"), List.of(GatheringReason.PRIVACY), List.of(TimeOfDay.EVENING), List.of(), true, false, false);
    }

    @Test
    void targetsGapsAndThePeersOwnMonthFollowFromThePlan() throws Exception {
        ReachUser siteManager = world.user(Role.SITE_MANAGER);
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        long site = world.homeSite.id();
        microplans.assign(siteManager, new PlanForm(site, peer.id(), graveyard.id(), DayOfWeek.MONDAY));
        microplans.assign(siteManager, new PlanForm(site, peer.id(), graveyard.id(), DayOfWeek.MONDAY)); // a repeat
        microplans.assign(siteManager, new PlanForm(site, peer.id(), bridge.id(), DayOfWeek.THURSDAY));
        mvc.perform(post("/api/outreach/plan").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"siteId\":" + site + ",\"peerId\":"
                                + world.homePeer2.id() + ",\"hotspotId\":" + graveyard.id() + ",\"weekday\":\"FRIDAY\"}"))
                .andExpect(status().isCreated());
        assertThat(microplans.plan(peer)).hasSize(3);

        Client client = ServicesFixture.register(clients, world.user(Role.ORG_MANAGER), "PLPLM88", site);
        sessions.record(peer, new OutreachSessionForm(UUID.randomUUID().toString(), site, graveyard.id(), null, today,
                LocalTime.of(18, 0), LocalTime.of(20, 0), List.of(peer.id()),
                List.of(new ContactCount(Gender.MALE, AgeBand.FROM_25_TO_34, 9)),
                List.of(new KnownClient(client.uic(), null, List.of(ServiceLine.of("CONDOMS", 2)))), 300, 25, 2, 0, 0,
                null, null, 0, List.of(), "test"));

        mvc.perform(get("/api/outreach/needs").header("Authorization", "Bearer " + world.token(Role.ME_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.hotspotId==" + graveyard.id() + ")].estimatedInjecting").value(20))
                .andExpect(jsonPath("$[?(@.hotspotId==" + graveyard.id() + ")].syringesNeeded").value(1200))
                .andExpect(jsonPath("$[?(@.hotspotId==" + graveyard.id() + ")].syringesGiven").value(300))
                .andExpect(jsonPath("$[?(@.hotspotId==" + graveyard.id() + ")].gap").value(900))
                .andExpect(jsonPath("$[?(@.hotspotId==" + bridge.id() + ")].gap").value(0));

        // graveyard (20 × 4 + 20 × 1) / 2 peers = 50, bridge 10 × 1 = 10
        mvc.perform(get("/api/outreach/my-month").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.contacts").value(10)).andExpect(jsonPath("$.target").value(60))
                .andExpect(jsonPath("$.syringes").value(300)).andExpect(jsonPath("$.caseload").value(45));
        assertThat(microplans.month(signIn.reload(world.homePeer2.id()).orElseThrow()).target()).isEqualTo(50);
        mvc.perform(get("/").with(user(peer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("This month: 10 contacts of your target of 60")))
                .andExpect(content().string(containsString("id=\"notice-my-caseload\"")))
                .andExpect(content().string(containsString("You follow 45 clients (the norm is 60 to 90)")));
        mvc.perform(get("/api/outreach/my-month").header("Authorization", "Bearer " + world.token(Role.SITE_MANAGER)))
                .andExpect(status().isForbidden());

        mvc.perform(get("/outreach/plan").with(user(siteManager))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Graveyard &lt;b&gt;east&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<b>east</b>"))))
                .andExpect(content().string(containsString("id=\"plan-form\"")));
        mvc.perform(get("/outreach/plan").with(user(peer))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"plan-form\""))));
    }

    @Test
    void onlyManagersPlanAndOnlyTheirOwnPeersHotspotsAndSites() throws Exception {
        long site = world.homeSite.id();
        String entry = "{\"siteId\":%d,\"peerId\":%d,\"hotspotId\":%d,\"weekday\":\"MONDAY\"}";
        long peer = world.user(Role.OUTREACH_WORKER).id();
        mvc.perform(post("/api/outreach/plan").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                .contentType(MediaType.APPLICATION_JSON).content(entry.formatted(site, peer, graveyard.id())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/outreach/plan").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content(entry.formatted(site, peer, foreignHotspot.id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("hotspotId"));
        mvc.perform(post("/api/outreach/plan").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(entry.formatted(site, world.foreignPeer.id(), graveyard.id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("peerId"));
        mvc.perform(post("/api/outreach/plan").header("Authorization", "Bearer " + world.token(Role.SITE_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(entry.formatted(world.homeOtherSite.id(), peer, graveyard.id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("siteId"));
        mvc.perform(post("/outreach/plan").with(user(world.user(Role.SITE_MANAGER))).with(csrf())
                        .param("siteId", String.valueOf(site)).param("peerId", String.valueOf(peer))
                        .param("hotspotId", String.valueOf(foreignHotspot.id())).param("weekday", "MONDAY"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"hotspotId-error\"")));
        assertThat(microplans.plan(world.user(Role.ORG_MANAGER))).isEmpty();
        PlanEntry made = microplans.assign(world.user(Role.ORG_MANAGER), new PlanForm(site, peer, graveyard.id(), DayOfWeek.SUNDAY));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/outreach/plan/{id}", made.id())
                .header("Authorization", "Bearer " + world.foreignManagerToken())).andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/outreach/plan/{id}", made.id())
                .header("Authorization", "Bearer " + world.token(Role.SITE_MANAGER))).andExpect(status().isNoContent());
        assertThat(microplans.plan(world.user(Role.ORG_MANAGER))).isEmpty();
    }
}
