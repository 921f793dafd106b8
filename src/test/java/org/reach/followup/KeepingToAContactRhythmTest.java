package org.reach.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.audit.AuditEvent;
import org.reach.audit.AuditFilter;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Forbidden;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routine contact through the worklist's API, page, start-page count and the field app's download: people who
 * inject fall due on the eighth day without contact and everybody else on the thirty-first; an organisation manager
 * sets the organisation's own rhythm (whole days 1-365, audited), which leaves other organisations' lists alone, and
 * nobody else may change it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KeepingToAContactRhythmTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCRIPT = "<script>alert('x')</script>";

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;
    @Autowired ClientRegistry clients;
    @Autowired FollowUp followUp;
    @Autowired ContactRhythms rhythms;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private ProgrammeFixture world;
    private ReachUser manager;
    private ReachUser foreignManager;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        manager = world.user(Role.ORG_MANAGER);
        foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
    }

    private Client injecting(ReachUser by, long siteId, int daysAgo, Long peerId) {
        return register(by, siteId, daysAgo, Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Route.INJECTING, peerId);
    }

    private Client smoking(long siteId, int daysAgo) {
        return register(manager, siteId, daysAgo, Set.of(KeyPopulation.PEOPLE_WHO_USE_DRUGS_NOT_INJECTING), Route.SMOKING,
                null);
    }

    private Client register(ReachUser by, long siteId, int daysAgo, Set<KeyPopulation> populations, Route route,
                            Long peerId) {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        String code = (letters + "ABCD").substring(0, 4) + "M" + (10 + (int) (Math.random() * 89));
        return clients.register(by, new ClientRegistration(null, code, Gender.MALE, 1988, populations, Drug.HEROIN, null,
                route, siteId, "Hotspot Lyari", peerId, today.minusDays(daysAgo), null, null, null)).client();
    }

    private List<DueReason> routineReasons(ReachUser reader, Client client) {
        return followUp.worklist(reader, null).entries().stream().filter(e -> e.client().id() == client.id())
                .flatMap(e -> e.reasons().stream()).filter(r -> r.code().equals("ROUTINE_CONTACT")).toList();
    }

    private JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private String putRhythm(String token, String body, int expected) throws Exception {
        return mvc.perform(put("/api/followup/contact-rhythm").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void peopleWhoInjectAreDueAfterSevenDaysWithoutContactAndEverybodyElseAfterThirty() throws Exception {
        Client seenAWeekAgo = injecting(manager, world.homeSite.id(), 7, null);
        Client seenEightDaysAgo = injecting(manager, world.homeSite.id(), 8, null);
        Client smokerAMonth = smoking(world.homeSite.id(), 30);
        Client smokerLonger = smoking(world.homeSite.id(), 31);

        assertThat(routineReasons(manager, seenAWeekAgo)).isEmpty();
        assertThat(routineReasons(manager, smokerAMonth)).isEmpty();
        assertThat(routineReasons(manager, seenEightDaysAgo)).singleElement()
                .satisfies(r -> assertThat(r.args()).containsExactly(8L, 7));
        assertThat(routineReasons(manager, smokerLonger)).singleElement()
                .satisfies(r -> assertThat(r.args()).containsExactly(31L, 30));

        String list = mvc.perform(get("/api/followup/worklist").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("\"code\":\"ROUTINE_CONTACT\"");

        String page = mvc.perform(get("/followup").with(user(manager))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(seenEightDaysAgo.uic()).doesNotContain(seenAWeekAgo.uic())
                .contains("Routine contact: 8 days since last contact (every 7)")
                .contains("Routine contact: 31 days since last contact (every 30)")
                .contains("id=\"contact-rhythm-now\"");
        String urdu = mvc.perform(get("/followup").with(user(manager)).param("lang", "ur")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(urdu).contains("معمول کا رابطہ: آخری رابطے کو 8 دن ہو گئے (ہر 7 دن)");
        assertThat(followUp.dueToday(manager)).isEqualTo(followUp.worklist(manager, null).entries().size())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void anOrganisationsOwnRhythmChangesItsListAndLeavesTheOtherOrganisationsAlone() throws Exception {
        Client mine = injecting(manager, world.homeSite.id(), 8, null);
        Client theirs = injecting(foreignManager, world.foreignSite.id(), 8, null);
        assertThat(routineReasons(manager, mine)).hasSize(1);
        assertThat(routineReasons(foreignManager, theirs)).hasSize(1);

        JsonNode saved = json(putRhythm(world.token(Role.ORG_MANAGER), "{\"injectingDays\":14,\"otherDays\":60}", 200));
        assertThat(saved.get("injectingDays").asInt()).isEqualTo(14);
        assertThat(saved.get("otherDays").asInt()).isEqualTo(60);

        assertThat(routineReasons(manager, mine)).isEmpty();
        assertThat(routineReasons(foreignManager, theirs)).singleElement()
                .satisfies(r -> assertThat(r.args()).containsExactly(8L, 7));
        assertThat(rhythms.rhythm(foreignManager)).isEqualTo(rhythms.defaults()).isEqualTo(new ContactRhythm(7, 30));
        mvc.perform(get("/api/followup/contact-rhythm").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.injectingDays").value(14))
                .andExpect(jsonPath("$.otherDays").value(60));

        // the other organisation's manager changes only their own
        putRhythm(world.foreignManagerToken(), "{\"injectingDays\":3,\"otherDays\":10}", 200);
        assertThat(rhythms.rhythm(manager)).isEqualTo(new ContactRhythm(14, 60));
        assertThat(routineReasons(foreignManager, theirs)).singleElement()
                .satisfies(r -> assertThat(r.args()).containsExactly(8L, 3));
        assertThat(routineReasons(manager, mine)).isEmpty();

        List<AuditEvent> changes = audit.search(manager, new AuditFilter(null, null, null, null,
                "followup_contact_rhythm", null, null), 0, 20).events();
        assertThat(changes).singleElement().satisfies(e -> {
            assertThat(e.actorId()).isEqualTo(manager.id());
            assertThat(e.organisationId()).isEqualTo(world.home.id());
            assertThat(e.action().name()).isEqualTo("UPDATE");
            assertThat(e.detail()).contains("7/30").contains("14/60");
        });
    }

    @Test
    void onlyWholeDaysFromOneToAYearAreTakenAndARefusalChangesNothing() throws Exception {
        String token = world.token(Role.ORG_MANAGER);
        for (String bad : List.of("0", "-1", "366", "100000")) {
            String problem = putRhythm(token, "{\"injectingDays\":" + bad + ",\"otherDays\":30}", 400);
            assertThat(json(problem).get("errors").get(0).get("field").asString()).isEqualTo("injectingDays");
        }
        String fraction = putRhythm(token, "{\"injectingDays\":7,\"otherDays\":1.5}", 400);
        assertThat(json(fraction).get("errors").get(0).get("field").asString()).isEqualTo("otherDays");
        String missing = putRhythm(token, "{\"injectingDays\":7}", 400);
        assertThat(json(missing).get("errors").get(0).get("field").asString()).isEqualTo("otherDays");
        assertThat(rhythms.rhythm(manager)).isEqualTo(new ContactRhythm(7, 30));

        for (String bad : List.of("0", "-1", "1.5", "100000", SCRIPT)) {
            String page = mvc.perform(post("/followup/contact-rhythm").with(user(manager)).with(csrf())
                            .param("injectingDays", bad).param("otherDays", "30"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).as(bad).contains("id=\"injectingDays-error\"").doesNotContain("id=\"otherDays-error\"")
                    .doesNotContain(SCRIPT);
        }
        assertThat(rhythms.rhythm(manager)).isEqualTo(new ContactRhythm(7, 30));

        mvc.perform(post("/followup/contact-rhythm").with(user(manager)).with(csrf())
                        .param("injectingDays", "10").param("otherDays", "45"))
                .andExpect(redirectedUrl("/followup?rhythmSaved"));
        assertThat(rhythms.rhythm(manager)).isEqualTo(new ContactRhythm(10, 45));
        assertThatThrownBy(() -> rhythms.change(manager, new ContactRhythmForm(366, 30)))
                .isInstanceOf(org.reach.platform.InvalidInput.class);
    }

    @Test
    void siteManagersAndPeersSeeTheRhythmButOnlyTheOrganisationManagerChangesIt() throws Exception {
        for (Role role : List.of(Role.SITE_MANAGER, Role.OUTREACH_WORKER)) {
            putRhythm(world.token(role), "{\"injectingDays\":14,\"otherDays\":60}", 403);
            mvc.perform(post("/followup/contact-rhythm").with(user(world.user(role))).with(csrf())
                    .param("injectingDays", "14").param("otherDays", "60")).andExpect(status().isForbidden());
            assertThatThrownBy(() -> rhythms.change(world.user(role), new ContactRhythmForm(14, 60)))
                    .isInstanceOf(Forbidden.class);
            String page = mvc.perform(get("/followup").with(user(world.user(role)))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("id=\"contact-rhythm-now\"").doesNotContain("action=\"/followup/contact-rhythm\"");
        }
        assertThat(rhythms.rhythm(manager)).isEqualTo(new ContactRhythm(7, 30));
        assertThat(mvc.perform(get("/followup").with(user(manager))).andReturn().getResponse().getContentAsString())
                .contains("action=\"/followup/contact-rhythm\"");
    }

    @Test
    void thePeersPhoneGetsTheRoutineContactReasonWithTheDueClient() throws Exception {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        Client due = injecting(manager, world.homeSite.id(), 9, peer.id());
        String device = json(mvc.perform(post("/field/devices").with(user(peer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"Phone\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("token").asString();

        JsonNode found = null;
        String cursor = null;
        for (int page = 0; page < 200 && found == null; page++) {
            var request = get("/api/field/delta").param("size", "50").header("Authorization", "Bearer " + device);
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode answer = json(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            for (JsonNode item : answer.get("items")) {
                if (item.get("key").asString().equals("client:" + due.id())) {
                    found = item;
                }
            }
            cursor = answer.get("cursor").asString();
            if (!answer.get("more").asBoolean()) {
                break;
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.get("data").get("reasons").toString()).contains("ROUTINE_CONTACT");
        assertThat(found.get("data").get("dueSince").asString()).isEqualTo(today.minusDays(1).toString());
    }
}
