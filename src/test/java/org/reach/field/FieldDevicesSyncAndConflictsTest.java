package org.reach.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.organisations.OrganisationDirectory;
import org.reach.outreach.Microplans;
import org.reach.outreach.PlanForm;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The field app's server side through its API and pages: a peer enrols a phone from a signed-in session and the
 * phone works with its own token; the organisation manager revokes it and its next contact is told to wipe; the delta
 * download gives the peer's own caseload page by page, resumes after a lost page and then gives only what changed;
 * a record sent again under its uuid with other content is kept beside the stored one until a supervisor resolves it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FieldDevicesSyncAndConflictsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired RapidAssessments rar;
    @Autowired Microplans microplans;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private ProgrammeFixture world;
    private ReachUser peer;
    private ReachUser manager;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        peer = world.user(Role.OUTREACH_WORKER);
        manager = world.user(Role.ORG_MANAGER);
    }

    private String enrol(ReachUser person, String label) throws Exception {
        String body = mvc.perform(post("/field/devices").with(user(person)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"" + label + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("token").asString();
    }

    private ResultActions api(String token, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token));
    }

    private JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private Client register(ReachUser by, long site, Long peerId) {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        String code = (letters + "ABCD").substring(0, 4) + "M" + (10 + (int) (Math.random() * 89));
        // first seen almost nine months ago and never since: about to be lost, so due on the worklist
        return clients.register(by, new ClientRegistration(null, code, Gender.MALE, 1988,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING, site, "Lyari",
                peerId, today.minusMonths(9).plusDays(5), null, null, null)).client();
    }

    // ---- devices

    @Test
    void aPeerEnrolsAPhoneAndTheManagerRevokesItSoItsNextContactIsToldToWipe() throws Exception {
        String device = enrol(peer, "Blue phone");
        assertThat(device).startsWith("reachdev_");
        api(device, get("/api/field/device")).andExpect(status().isOk()).andExpect(jsonPath("$.label").value("Blue phone"));
        // the device acts for its peer in the field app, but cannot mint personal tokens that would outlive it
        api(device, post("/api/me/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(status().isForbidden());

        long id = json(api(world.token(Role.ORG_MANAGER), get("/api/field/devices"))).findValues("id").stream()
                .mapToLong(JsonNode::asLong).max().orElseThrow();
        // nobody else revokes it: not the peer, not a site manager, not another organisation's manager
        api(world.token(Role.OUTREACH_WORKER), post("/api/field/devices/{id}/revoke", id)).andExpect(status().isNotFound());
        api(world.token(Role.SITE_MANAGER), post("/api/field/devices/{id}/revoke", id)).andExpect(status().isNotFound());
        api(world.foreignManagerToken(), post("/api/field/devices/{id}/revoke", id)).andExpect(status().isNotFound());
        api(device, get("/api/field/device")).andExpect(status().isOk());

        mvc.perform(get("/field/devices").with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Blue phone")));
        mvc.perform(post("/field/devices/{id}/revoke", id).with(user(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        api(device, get("/api/field/delta")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:reach:problem:device-revoked"));
        api(device, get("/api/encounters")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:reach:problem:device-revoked"));
        // the peer's own personal token is another credential and keeps working; an unknown token is only unauthorised
        api(world.token(Role.OUTREACH_WORKER), get("/api/encounters")).andExpect(status().isOk());
        api("reachdev_" + "x".repeat(43), get("/api/encounters")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:reach:problem:unauthorized"));
        mvc.perform(get("/field/devices").with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("revoked and told to clear itself")));
    }

    @Test
    void onlyStaffWhoRecordClientWorkEnrolAndTheShellNamesNoClient() throws Exception {
        mvc.perform(post("/field/devices").with(user(world.user(Role.ME_OFFICER))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/field/devices").with(user(peer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"  \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/field").with(user(peer))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/field/manifest.webmanifest")));
        mvc.perform(get("/field/sw.js")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/javascript"));
        mvc.perform(get("/field/manifest.webmanifest")).andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("/field"));
        mvc.perform(get("/field/icon-192.png")).andExpect(status().isOk());
    }

    // ---- delta download

    private Hotspot hotspot(String name) {
        long assessment = rar.createAssessment(ReachUser.system(), new AssessmentForm(world.home.id(), "Field mapping " + name,
                "Karachi", null, null, "team", null, AssessmentStatus.FIELDWORK)).id();
        return rar.createHotspot(ReachUser.system(), assessment, new HotspotForm(name, "Lyari", 24.87, 66.99, 10.0, null,
                Typology.GRAVEYARD, UseType.MIXED, List.of("HEROIN"), List.of(GatheringReason.PRIVACY),
                List.of(TimeOfDay.EVENING), List.of(), true, false, false));
    }

    /** Downloads page by page from a cursor until the end; answers the items and the last cursor. */
    private Map.Entry<List<JsonNode>, String> download(String device, String cursor, int size) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        boolean more = true;
        int pages = 0;
        while (more) {
            var request = get("/api/field/delta").param("size", String.valueOf(size));
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = json(api(device, request).andExpect(status().isOk()));
            page.get("items").forEach(items::add);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(size);
            cursor = page.get("cursor").asString();
            more = page.get("more").asBoolean();
            assertThat(++pages).isLessThan(500);
        }
        return Map.entry(items, cursor);
    }

    private static List<String> keys(List<JsonNode> items) {
        return items.stream().map(i -> i.get("key").asString()).toList();
    }

    @Test
    void theDeltaGivesThePeersOwnCaseloadPageByPageThenOnlyWhatChanged() throws Exception {
        Hotspot graveyard = hotspot("Graveyard east");
        Hotspot elsewhere = hotspot("Bridge");
        microplans.assign(manager, new PlanForm(world.homeSite.id(), peer.id(), graveyard.id(), DayOfWeek.MONDAY));
        microplans.assign(manager, new PlanForm(world.homeSite.id(), world.homePeer2.id(), elsewhere.id(), DayOfWeek.MONDAY));
        Client mine = register(manager, world.homeSite.id(), peer.id());
        Client theirs = register(manager, world.homeSite.id(), world.homePeer2.id());
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        Client foreign = register(foreignManager, world.foreignSite.id(), null);
        String device = enrol(peer, "Field phone");

        var first = download(device, null, 3);
        List<String> keys = keys(first.getKey());
        assertThat(keys).contains("site:" + world.homeSite.id(), "hotspot:" + graveyard.id(), "client:" + mine.id(),
                "service:NEEDLES_SYRINGES", "catalogue");
        assertThat(keys).doesNotContain("client:" + theirs.id(), "hotspot:" + elsewhere.id(), "client:" + foreign.id(),
                "site:" + world.foreignSite.id());
        assertThat(keys).doesNotHaveDuplicates();
        String all = first.getKey().toString();
        assertThat(all).contains(mine.uic()).doesNotContain(theirs.uic()).doesNotContain(world.marker);
        JsonNode client = first.getKey().stream().filter(i -> i.get("key").asString().equals("client:" + mine.id()))
                .findFirst().orElseThrow();
        assertThat(client.get("data").get("dueSince").asString()).isNotBlank();

        // nothing changed: the next download from the last cursor is empty
        var again = download(device, first.getValue(), 3);
        assertThat(again.getKey()).isEmpty();

        // a new client of the peer's caseload: only that comes down
        Client newcomer = register(manager, world.homeSite.id(), peer.id());
        var delta = download(device, again.getValue(), 3);
        assertThat(keys(delta.getKey())).containsExactly("client:" + newcomer.id());

        // a page whose answer was lost is given again when the phone repeats its cursor
        Client another = register(manager, world.homeSite.id(), peer.id());
        JsonNode lost = json(api(device, get("/api/field/delta").param("cursor", delta.getValue())));
        JsonNode repeated = json(api(device, get("/api/field/delta").param("cursor", delta.getValue())));
        assertThat(lost.get("items").toString()).contains("client:" + another.id());
        assertThat(repeated.get("items")).isEqualTo(lost.get("items"));

        // a second phone of the same peer starts from nothing and gets everything
        String second = enrol(peer, "Spare phone");
        assertThat(keys(download(second, null, 50).getKey())).contains("client:" + mine.id(), "client:" + another.id());
    }

    @Test
    void theDeltaIsForEnrolledDevicesOnlyAndRefusesABadCursor() throws Exception {
        api(world.token(Role.OUTREACH_WORKER), get("/api/field/delta")).andExpect(status().isForbidden());
        String device = enrol(peer, "Phone");
        api(device, get("/api/field/delta").param("cursor", "not-a-cursor")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        api(device, get("/api/field/delta").param("size", "501")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    // ---- conflicts

    private String encounter(String uuid, int syringes) {
        return "{\"uuid\":\"" + uuid + "\",\"date\":\"" + today + "\",\"siteId\":" + world.homeSite.id()
                + ",\"anonymous\":true,\"services\":[{\"code\":\"NEEDLES_SYRINGES\",\"quantity\":" + syringes + "}]}";
    }

    @Test
    void aRecordThatDiffersFromTheStoredOneIsKeptBesideItUntilASupervisorResolvesIt() throws Exception {
        String device = enrol(peer, "Phone");
        String uuid = UUID.randomUUID().toString();
        api(device, post("/api/encounters").contentType(MediaType.APPLICATION_JSON).content(encounter(uuid, 10)))
                .andExpect(status().isCreated());
        api(device, post("/api/encounters").contentType(MediaType.APPLICATION_JSON).content(encounter(uuid, 10)))
                .andExpect(status().isOk());
        api(device, post("/api/encounters").contentType(MediaType.APPLICATION_JSON).content(encounter(uuid, 25)))
                .andExpect(status().isConflict());

        String report = "{\"kind\":\"ENCOUNTER\",\"uuid\":\"" + uuid + "\",\"formVersion\":\"field-1\",\"siteId\":"
                + world.homeSite.id() + ",\"record\":" + encounter(uuid, 25) + ",\"differences\":[\"services\"]}";
        long id = json(api(device, post("/api/field/conflicts").contentType(MediaType.APPLICATION_JSON).content(report))
                .andExpect(status().isCreated())).get("id").asLong();
        // the same version sent again is kept once
        assertThat(json(api(device, post("/api/field/conflicts").contentType(MediaType.APPLICATION_JSON).content(report)))
                .get("id").asLong()).isEqualTo(id);
        api(device, post("/api/field/conflicts").contentType(MediaType.APPLICATION_JSON)
                        .content(report.replace(uuid, "not-a-uuid")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("uuid"));

        // the site manager of its site and the organisation manager see both; other organisations and peers do not
        mvc.perform(get("/field/conflicts").with(user(world.user(Role.SITE_MANAGER)))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(uuid)));
        api(world.token(Role.ORG_MANAGER), get("/api/field/conflicts")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].phoneVersion").exists());
        api(world.foreignManagerToken(), get("/api/field/conflicts")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(uuid))));
        api(world.token(Role.OUTREACH_WORKER), get("/api/field/conflicts")).andExpect(status().isForbidden());
        api(world.foreignManagerToken(), post("/api/field/conflicts/{id}/resolve", id)
                .contentType(MediaType.APPLICATION_JSON).content("{\"resolution\":\"KEPT_SERVER\"}"))
                .andExpect(status().isNotFound());
        // the stored encounter is untouched: 10 syringes
        api(world.token(Role.ORG_MANAGER), get("/api/encounters")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(uuid)));

        mvc.perform(post("/field/conflicts/{id}/resolve", id).with(user(world.user(Role.SITE_MANAGER))).with(csrf())
                .param("resolution", "APPLIED_PHONE").param("note", "changed by hand")).andExpect(status().is3xxRedirection());
        api(world.token(Role.ORG_MANAGER), get("/api/field/conflicts")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(uuid))));
        api(world.token(Role.ORG_MANAGER), get("/api/field/conflicts").param("open", "false")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].resolution").value("APPLIED_PHONE"));
        api(world.token(Role.ORG_MANAGER), post("/api/field/conflicts/{id}/resolve", id)
                .contentType(MediaType.APPLICATION_JSON).content("{\"resolution\":\"KEPT_SERVER\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("resolution"));
    }
}
