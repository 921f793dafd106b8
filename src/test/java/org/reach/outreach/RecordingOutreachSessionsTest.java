package org.reach.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistry;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.rar.AssessmentForm;
import org.reach.rar.AssessmentStatus;
import org.reach.rar.GatheringReason;
import org.reach.rar.Hotspot;
import org.reach.rar.HotspotForm;
import org.reach.rar.RapidAssessments;
import org.reach.rar.TimeOfDay;
import org.reach.rar.Typology;
import org.reach.rar.UseType;
import org.reach.services.ServicesFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A session with people met without a code, two known clients and commodities arrives once however often a
 * device sends it; a refused session leaves nothing behind, not even the encounters of its known clients.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RecordingOutreachSessionsTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired RapidAssessments rar;
    @Autowired JdbcClient jdbc;

    private ProgrammeFixture world;
    private Client first;
    private Client second;
    private Client foreignClient;
    private Hotspot hotspot;
    private Hotspot foreignHotspot;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        ReachUser manager = world.user(Role.ORG_MANAGER);
        first = ServicesFixture.register(clients, manager, "OSOSM80", world.homeSite.id());
        second = ServicesFixture.register(clients, manager, "OTOTF85", world.homeSite.id());
        foreignClient = ServicesFixture.register(clients, signIn.reload(world.foreignManager.id()).orElseThrow(), "OSOSM80",
                world.foreignSite.id());
        ReachUser system = ReachUser.system();
        long home = rar.createAssessment(system, new AssessmentForm(world.home.id(), "Lyari mapping", "Karachi", null, null,
                "team", null, AssessmentStatus.FIELDWORK)).id();
        long foreign = rar.createAssessment(system, new AssessmentForm(world.foreign.id(), "Mapping " + world.marker,
                "Mombasa", null, null, "team", null, AssessmentStatus.FIELDWORK)).id();
        hotspot = rar.createHotspot(system, home, hotspot("Graveyard <script>alert(1)</script>"));
        foreignHotspot = rar.createHotspot(system, foreign, hotspot("Bridge " + world.marker));
    }

    private static HotspotForm hotspot(String name) {
        return new HotspotForm(name, "Lyari", 24.87, 66.99, 10.0, null, Typology.GRAVEYARD, UseType.MIXED,
                List.of("HEROIN"), List.of(GatheringReason.PRIVACY), List.of(TimeOfDay.EVENING), List.of(), true, false, false);
    }

    private String session(String uuid, String knownClients, String extra) {
        return "{\"uuid\":\"" + uuid + "\",\"siteId\":" + world.homeSite.id() + ",\"hotspotId\":" + hotspot.id()
                + ",\"date\":\"" + today + "\",\"start\":\"18:00\",\"end\":\"20:30\",\"peerIds\":["
                + world.user(Role.OUTREACH_WORKER).id() + "," + world.homePeer2.id() + "],"
                + "\"contacts\":[{\"sex\":\"MALE\",\"ageBand\":\"FROM_25_TO_34\",\"people\":7},"
                + "{\"sex\":\"FEMALE\",\"ageBand\":\"FROM_18_TO_24\",\"people\":2}],"
                + "\"knownClients\":" + knownClients + ",\"needlesSyringes\":120,\"condoms\":40,\"naloxone\":3,"
                + "\"foilPipes\":10,\"informationMaterial\":15,\"returnedSyringes\":80,\"referrals\":2,"
                + "\"incidents\":[{\"code\":\"POLICE_HARASSMENT\",\"times\":1}],\"formVersion\":\"field-1\"" + extra + "}";
    }

    private String twoClients() {
        return "[{\"clientCode\":\"" + first.uic() + "\",\"services\":[{\"code\":\"NEEDLES_SYRINGES\",\"quantity\":20}]},"
                + "{\"clientCode\":\"" + second.uic() + "\",\"services\":[{\"code\":\"CONDOMS\",\"quantity\":5},"
                + "{\"code\":\"NALOXONE_KIT\",\"quantity\":1}]}]";
    }

    private ResultActions send(String path, String body, Role role) throws Exception {
        return mvc.perform(post(path).header("Authorization", "Bearer " + world.token(role))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(body));
    }

    private long sessions() {
        return jdbc.sql("SELECT COUNT(*) FROM outreach_sessions WHERE organisation_id = ?").param(world.home.id())
                .query(Long.class).single();
    }

    private long encounters() {
        return jdbc.sql("SELECT COUNT(*) FROM encounters WHERE organisation_id = ?").param(world.home.id())
                .query(Long.class).single();
    }

    @Test
    void aSessionWithAnonymousContactsAndTwoKnownClientsArrivesExactlyOnce() throws Exception {
        String uuid = UUID.randomUUID().toString();
        String body = session(uuid, twoClients(), "");
        String created = send("/api/outreach/sessions", body, Role.OUTREACH_WORKER).andExpect(status().isCreated())
                .andExpect(jsonPath("$.served.length()").value(2))
                .andExpect(jsonPath("$.hotspotName").value(hotspot.name()))
                .andExpect(jsonPath("$.formVersion").value("field-1"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        assertThat(sessions()).isEqualTo(1);
        assertThat(encounters()).as("one encounter per known client, kept by the services capability").isEqualTo(2);
        assertThat(jdbc.sql("SELECT SUM(people) FROM outreach_session_contacts WHERE session_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(9);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM encounters WHERE organisation_id = ? AND client_id IN (?, ?) "
                        + "AND hotspot = ? AND encounter_date = ?").params(world.home.id(), first.id(), second.id(),
                hotspot.name(), today).query(Long.class).single()).isEqualTo(2);

        // the device did not hear the answer and sends it again, alone and in a batch, twice
        send("/api/outreach/sessions", body, Role.OUTREACH_WORKER).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        String batch = "{\"sessions\":[" + body + "," + session(UUID.randomUUID().toString(), "[]", "") + "]}";
        send("/api/outreach/sessions/batch", batch, Role.OUTREACH_WORKER).andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(1)).andExpect(jsonPath("$.repeated").value(1))
                .andExpect(jsonPath("$.ids[0]").value(id));
        send("/api/outreach/sessions/batch", batch, Role.OUTREACH_WORKER).andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(0)).andExpect(jsonPath("$.repeated").value(2));
        assertThat(sessions()).as("the same batch sent twice stores nothing new").isEqualTo(2);
        assertThat(encounters()).isEqualTo(2);

        // the same uuid with other content is a conflict, and the stored session stays as it was
        send("/api/outreach/sessions", body.replace("\"condoms\":40", "\"condoms\":41"), Role.OUTREACH_WORKER)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("uuid"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("supervisor")));
        mvc.perform(get("/api/outreach/sessions/{id}", id).header("Authorization", "Bearer " + world.token(Role.ME_OFFICER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.condoms").value(40));

        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM audit_events e JOIN audit_event_clients c ON c.event_id = e.id
                        WHERE e.entity_type = 'outreach_session' AND c.client_id = ?""").param(first.id())
                .query(Long.class).single()).as("the write and the read name the clients").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRefusedSessionNamesEveryProblemAndLeavesNothingBehind() throws Exception {
        String bad = "[{\"clientCode\":\"" + first.uic() + "\",\"services\":[{\"code\":\"CONDOMS\",\"quantity\":2}]},"
                + "{\"clientCode\":\"" + second.uic() + "\",\"services\":[{\"code\":\"NO_SUCH\",\"quantity\":1}]},"
                + "{\"clientCode\":\"ZZZZZ99\",\"services\":[{\"code\":\"CONDOMS\",\"quantity\":1}]}]";
        String body = session(UUID.randomUUID().toString(), bad, "")
                .replace("\"people\":7", "\"people\":-1").replace("\"needlesSyringes\":120", "\"needlesSyringes\":10000000")
                .replace("\"end\":\"20:30\"", "\"end\":\"17:00\"");
        send("/api/outreach/sessions", body, Role.OUTREACH_WORKER).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("contacts[0].people")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("needlesSyringes")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("end")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("knownClients[2].clientCode")));
        // the session's own fields are right, one service is unknown: the first client's encounter is not kept either
        String unknownService = bad.substring(0, bad.lastIndexOf(",{")) + "]";
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), unknownService, ""), Role.OUTREACH_WORKER)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("knownClients[1].services[0].code")));
        assertThat(sessions()).isZero();
        assertThat(encounters()).as("no encounter of a refused session").isZero();

        // fractional and textual counts are refused, not rounded
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), "[]", "").replace("\"condoms\":40",
                "\"condoms\":4.5"), Role.OUTREACH_WORKER).andExpect(status().isBadRequest());
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), "[]", "").replace("\"referrals\":2",
                "\"referrals\":-2"), Role.OUTREACH_WORKER).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("referrals"));
        assertThat(sessions()).isZero();
    }

    @Test
    void anotherOrganisationsSitesHotspotsClientsAndSessionsAreOutOfReach() throws Exception {
        String foreignSite = session(UUID.randomUUID().toString(), "[]", "")
                .replace("\"siteId\":" + world.homeSite.id(), "\"siteId\":" + world.foreignSite.id());
        send("/api/outreach/sessions", foreignSite, Role.OUTREACH_WORKER).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("siteId"));
        String foreignSpot = session(UUID.randomUUID().toString(), "[]", "")
                .replace("\"hotspotId\":" + hotspot.id(), "\"hotspotId\":" + foreignHotspot.id());
        send("/api/outreach/sessions", foreignSpot, Role.OUTREACH_WORKER).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hotspotId"));
        String foreignPeer = session(UUID.randomUUID().toString(), "[]", "")
                .replace("\"peerIds\":[", "\"peerIds\":[" + world.foreignPeer.id() + ",");
        send("/api/outreach/sessions", foreignPeer, Role.OUTREACH_WORKER).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("peerIds"));

        // the foreign organisation's session, with its client, is not found from home
        String theirs = "{\"uuid\":\"" + UUID.randomUUID() + "\",\"siteId\":" + world.foreignSite.id() + ",\"date\":\""
                + today + "\",\"start\":\"10:00\",\"end\":\"11:00\",\"knownClients\":[{\"clientCode\":\""
                + foreignClient.uic() + "\",\"services\":[{\"code\":\"CONDOMS\",\"quantity\":1}]}]}";
        String stored = mvc.perform(post("/api/outreach/sessions").header("Authorization", "Bearer " + world.foreignManagerToken())
                .contentType(MediaType.APPLICATION_JSON).content(theirs)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long foreignId = ((Number) JsonPath.read(stored, "$.id")).longValue();
        for (Role role : List.of(Role.ORG_MANAGER, Role.ME_OFFICER, Role.OUTREACH_WORKER)) {
            mvc.perform(get("/api/outreach/sessions/{id}", foreignId).header("Authorization", "Bearer " + world.token(role)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/outreach/sessions/{id}", foreignId).with(user(world.user(role)))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/outreach/sessions").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sessions[*].id", not(hasItem((int) foreignId))));
        mvc.perform(get("/api/outreach/sessions").header("Authorization", "Bearer " + world.token(Role.COORDINATOR)))
                .andExpect(status().isForbidden());
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), "[]", ""), Role.ME_OFFICER)
                .andExpect(status().isForbidden());
    }

    @Test
    void thePageRecordsASessionAndShowsEveryTextAsText() throws Exception {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        String form = mvc.perform(get("/outreach/sessions/new").with(user(peer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        String uuid = UUID.randomUUID().toString();
        // wrong first: a fraction and an end before the start come back beside their fields, nothing is kept
        mvc.perform(post("/outreach/sessions/new").with(user(peer)).with(csrf()).param("uuid", uuid)
                        .param("siteId", String.valueOf(world.homeSite.id())).param("hotspotId", String.valueOf(hotspot.id()))
                        .param("date", today.toString()).param("start", "18:00").param("end", "17:00")
                        .param("condoms", "2.5").param("knownClients[1].clientCode", "NOPE").param("knownClients[1].serviceCode", "CONDOMS"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"condoms-error\"")))
                .andExpect(content().string(containsString("knownClients[1].clientCode")));
        assertThat(sessions()).isZero();
        mvc.perform(post("/outreach/sessions/new").with(user(peer)).with(csrf()).param("uuid", uuid)
                        .param("siteId", String.valueOf(world.homeSite.id())).param("hotspotId", String.valueOf(hotspot.id()))
                        .param("date", today.toString()).param("start", "18:00").param("end", "19:00")
                        .param("peerIds", String.valueOf(peer.id()))
                        .param("contacts[0].sex", "FEMALE").param("contacts[0].ageBand", "UNDER_18").param("contacts[0].people", "3")
                        .param("knownClients[1].clientCode", first.uic()).param("knownClients[1].serviceCode", "CONDOMS")
                        .param("knownClients[1].quantity", "4").param("condoms", "30"))
                .andExpect(redirectedUrlPattern("/outreach/sessions/*?saved"));
        assertThat(sessions()).isEqualTo(1);
        long id = jdbc.sql("SELECT id FROM outreach_sessions WHERE organisation_id = ?").param(world.home.id())
                .query(Long.class).single();
        mvc.perform(get("/outreach/sessions/{id}", id).with(user(peer))).andExpect(status().isOk())
                .andExpect(content().string(containsString(first.uic())))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("&lt;script&gt;")));
        mvc.perform(get("/outreach/sessions").with(user(world.user(Role.ME_OFFICER)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-session=\"" + id + "\"")));
        // the peer's own month is on their start page, and their caseload (none yet) against the norm
        mvc.perform(get("/").with(user(peer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"notice-my-month\"")))
                .andExpect(content().string(containsString("id=\"notice-my-caseload\"")));
    }
}
