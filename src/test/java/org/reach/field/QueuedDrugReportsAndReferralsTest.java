package org.reach.field;

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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the field app queues besides sessions, encounters and overdoses, through the API with the phone's own token:
 * drug reports (the substance list and codes come down with the delta download under their own version, and a report
 * made with an older list is still taken) and referrals that arrive as tracked referrals. Both are stored once however
 * often the phone sends them; sent again with other content they are refused with 409, the phone's version is kept,
 * and the supervisor sees it beside the stored record field by field, as text.
 */
@SpringBootTest
@AutoConfigureMockMvc
class QueuedDrugReportsAndReferralsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLANTED = "<script>alert('x')</script>";

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private ProgrammeFixture world;
    private ReachUser peer;
    private String device;

    @BeforeEach
    void enrolAPeersPhone() throws Exception {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        peer = world.user(Role.OUTREACH_WORKER);
        String body = mvc.perform(post("/field/devices").with(user(peer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"Field phone\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        device = JSON.readTree(body).get("token").asString();
    }

    private ResultActions api(String token, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token));
    }

    private ResultActions send(String path, String body) throws Exception {
        return api(device, post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** The whole delta download from nothing. */
    private List<JsonNode> download(String token) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            var request = get("/api/field/delta").param("size", "500");
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = json(api(token, request).andExpect(status().isOk()));
            page.get("items").forEach(items::add);
            cursor = page.get("cursor").asString();
            more = page.get("more").asBoolean();
        }
        return items;
    }

    private static JsonNode item(List<JsonNode> items, String key) {
        return items.stream().filter(i -> i.get("key").asString().equals(key)).findFirst().orElseThrow();
    }

    private static long substance(List<JsonNode> items, String name) {
        return items.stream().filter(i -> i.get("kind").asString().equals("substance"))
                .filter(i -> i.get("data").get("name").asString().equals(name)).findFirst().orElseThrow()
                .get("data").get("id").asLong();
    }

    private String drugReport(String uuid, long soldAs, String price) {
        return """
                {"uuid":"%s","reportedOn":"%s","siteId":%d,"soldAsId":%d,"form":"POWDER","route":"SMOKING",
                 "pricePerUnit":%s,"effect":"HEAVY_SEDATION","source":"PEER"}""".formatted(uuid, today,
                world.homeSite.id(), soldAs, price);
    }

    private Client register() {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        String code = (letters + "ABCD").substring(0, 4) + "F" + (10 + (int) (Math.random() * 89));
        return clients.register(world.user(Role.ORG_MANAGER), new ClientRegistration(null, code, Gender.FEMALE, 1992,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING,
                world.homeSite.id(), "Lyari", peer.id(), today.minusMonths(2), null, null, null)).client();
    }

    private String referral(String uuid, String code, String provider) {
        return """
                {"uuid":"%s","clientUic":"%s","providerType":"ART_CLINIC","providerName":"%s","madeOn":"%s"}"""
                .formatted(uuid, code, provider.replace("\"", "\\\""), today);
    }

    private String conflict(String kind, String uuid, Long siteId, String record, String... differences) {
        return "{\"kind\":\"" + kind + "\",\"uuid\":\"" + uuid + "\",\"formVersion\":\"field-1\",\"siteId\":" + siteId
                + ",\"record\":" + record + ",\"differences\":" + JSON.writeValueAsString(List.of(differences)) + "}";
    }

    // ---- drug reports

    @Test
    void aPeersPhoneReportsADrugOnceAndAReportMadeWithAnOlderListIsStillTaken() throws Exception {
        List<JsonNode> first = download(device);
        JsonNode codes = item(first, "drugcodes").get("data");
        assertThat(codes.get("forms").toString()).contains("POWDER").contains("CRYSTAL");
        assertThat(codes.get("routes").toString()).contains("SMOKING").contains("INJECTING");
        assertThat(codes.get("effects").toString()).contains("HEAVY_SEDATION");
        String version = codes.get("version").asString();
        assertThat(version).hasSize(12);
        long heroin = substance(first, "Heroin");

        String uuid = UUID.randomUUID().toString();
        send("/api/earlywarning/reports", drugReport(uuid, heroin, "250.50")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(true));
        // the phone did not hear the answer and sends the same report again: the stored one, nothing new
        send("/api/earlywarning/reports", drugReport(uuid, heroin, "250.5")).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(false))
                .andExpect(jsonPath("$.report.uuid").value(uuid));
        api(world.token(Role.ORG_MANAGER), get("/api/earlywarning/reports")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.uuid == '" + uuid + "')]", org.hamcrest.Matchers.hasSize(1)));
        // other content under the same uuid: refused naming the field, the stored report stands
        send("/api/earlywarning/reports", drugReport(uuid, heroin, "300")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:reach:problem:conflict"))
                .andExpect(jsonPath("$.errors[0].field").value("pricePerUnit"))
                .andExpect(jsonPath("$.errors[0].reason").isNotEmpty());

        // the coordinator extends the list: the phone's next download carries it under a new version ...
        String name = "Nitazene " + UUID.randomUUID().toString().substring(0, 6);
        api(world.token(Role.COORDINATOR), post("/api/earlywarning/substances").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\"}")).andExpect(status().isCreated());
        List<JsonNode> later = download(device);
        assertThat(item(later, "drugcodes").get("data").get("version").asString()).isNotEqualTo(version);
        assertThat(substance(later, name)).isPositive();
        // ... and a report queued with the older list, naming an id it knew, is still taken
        send("/api/earlywarning/reports", drugReport(UUID.randomUUID().toString(), heroin, "null"))
                .andExpect(status().isCreated());
        // a refusal carries the plain reason the phone shows beside the record
        send("/api/earlywarning/reports", drugReport(UUID.randomUUID().toString(), 987654321L, "10"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("soldAsId"))
                .andExpect(jsonPath("$.errors[0].reason").isNotEmpty());
    }

    @Test
    void aDrugReportThatDiffersIsShownBesideTheStoredOneToTheSupervisor() throws Exception {
        long heroin = substance(download(device), "Heroin");
        String uuid = UUID.randomUUID().toString();
        send("/api/earlywarning/reports", drugReport(uuid, heroin, "120")).andExpect(status().isCreated());
        String phone = drugReport(uuid, heroin, "140");
        send("/api/earlywarning/reports", phone).andExpect(status().isConflict());
        send("/api/field/conflicts", conflict("DRUG_REPORT", uuid, world.homeSite.id(), phone, "pricePerUnit"))
                .andExpect(status().isCreated());

        Row row = conflictRow(uuid, "pricePerUnit");
        assertThat(row.stored()).isEqualTo("120");
        assertThat(row.phone()).isEqualTo("140");
        assertThat(row.differs()).isTrue();
        Row same = conflictRow(uuid, "route");
        assertThat(same.stored()).isEqualTo("SMOKING");
        assertThat(same.phone()).isEqualTo("SMOKING");
        assertThat(same.differs()).isFalse();
    }

    // ---- referrals

    @Test
    void aReferralSentTwiceIsStoredOnceAsATrackedReferralAndOtherContentIsKeptForTheSupervisor() throws Exception {
        Client client = register();
        String uuid = UUID.randomUUID().toString();
        String body = referral(uuid, client.uic(), "Civil Hospital ART");
        long id = json(send("/api/referrals", body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.uuid").value(uuid)).andExpect(jsonPath("$.status").value("MADE"))).get("id").asLong();
        send("/api/referrals", body).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
        send("/api/referrals", body.replace(uuid, uuid.toUpperCase())).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        JsonNode ofClient = json(api(world.token(Role.ORG_MANAGER), get("/api/referrals")
                .param("client", String.valueOf(client.id()))).andExpect(status().isOk()));
        assertThat(ofClient.size()).as("stored once").isEqualTo(1);
        // a tracked referral: on the team's list and open for follow-up
        mvc.perform(get("/referrals").param("days", "0").with(user(world.user(Role.ORG_MANAGER))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Civil Hospital ART")));

        String other = referral(uuid, client.uic(), "Sindh AIDS Control " + PLANTED);
        send("/api/referrals", other).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:reach:problem:conflict"))
                .andExpect(jsonPath("$.errors[0].field").value("providerName"))
                .andExpect(jsonPath("$.errors[0].reason").isNotEmpty());
        assertThat(json(api(world.token(Role.ORG_MANAGER), get("/api/referrals/{id}", id)))
                .get("providerName").asString()).isEqualTo("Civil Hospital ART");
        long conflict = json(send("/api/field/conflicts", conflict("REFERRAL", uuid, null, other, "providerName"))
                .andExpect(status().isCreated())).get("id").asLong();
        api(world.token(Role.ORG_MANAGER), get("/api/field/conflicts")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + conflict + ")].kind").value("REFERRAL"));

        // the supervisor's page: both values side by side, the phone's planted script shown as text
        Row row = conflictRow(uuid, "providerName");
        assertThat(row.stored()).isEqualTo("Civil Hospital ART");
        assertThat(row.phone()).isEqualTo("Sindh AIDS Control " + PLANTED);
        assertThat(row.differs()).isTrue();
        Row code = conflictRow(uuid, "clientUic");
        assertThat(code.stored()).isEqualTo(client.uic());
        assertThat(code.differs()).isFalse();
        String page = conflictsPage();
        assertThat(page).doesNotContain(PLANTED).contains("&lt;script&gt;");
    }

    @Test
    void aReferralsUuidMustBeAUuidAndBelongsToItsOrganisationOnly() throws Exception {
        Client client = register();
        send("/api/referrals", referral("not-a-uuid", client.uic(), "Clinic")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("uuid"));
        send("/api/referrals", referral(UUID.randomUUID().toString(), "ZZZZM99", "Clinic"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("clientUic"));
        // without a uuid, as the pages make them, every referral is new
        String plain = "{\"clientUic\":\"" + client.uic() + "\",\"providerType\":\"SHELTER\",\"providerName\":\"Shelter\","
                + "\"madeOn\":\"" + today + "\"}";
        send("/api/referrals", plain).andExpect(status().isCreated());
        send("/api/referrals", plain).andExpect(status().isCreated());
    }

    // ---- the other kinds the app sends, as it sends them

    /** Sends a record, then the same uuid with other content, and keeps the phone's version as the app does. */
    private void clash(String kind, String path, String stored, String phone) throws Exception {
        send(path, stored).andExpect(status().isCreated());
        send(path, phone).andExpect(status().isConflict());
        String uuid = JSON.readTree(phone).get("uuid").asString();
        send("/api/field/conflicts", conflict(kind, uuid, world.homeSite.id(), phone)).andExpect(status().isCreated());
    }

    @Test
    void sessionsEncountersAndOverdosesAreShownBesideTheirStoredRecords() throws Exception {
        Client client = register();
        String session = UUID.randomUUID().toString();
        String sessionBody = """
                {"uuid":"%s","siteId":%d,"hotspotId":null,"date":"%s","start":"09:00","end":"11:30","peerIds":[],
                 "contacts":[{"sex":"FEMALE","ageBand":"FROM_18_TO_24","people":3}],
                 "knownClients":[{"clientCode":"%s","services":[{"code":"PEER_SUPPORT","quantity":1}]}],
                 "needlesSyringes":%d,"condoms":null,"naloxone":null,"referrals":null,"formVersion":"field-1"}""";
        clash("OUTREACH_SESSION", "/api/outreach/sessions",
                sessionBody.formatted(session, world.homeSite.id(), today, client.uic(), 40),
                sessionBody.formatted(session, world.homeSite.id(), today, client.uic(), 45));
        Row syringes = conflictRow(session, "needlesSyringes");
        assertThat(syringes.stored()).isEqualTo("40");
        assertThat(syringes.phone()).isEqualTo("45");
        assertThat(syringes.differs()).isTrue();
        Row start = conflictRow(session, "start");
        assertThat(start.stored()).isEqualTo("09:00");
        assertThat(start.differs()).isFalse();
        Row service = conflictRow(session, "knownClients[" + client.uic() + "].services[PEER_SUPPORT].quantity");
        assertThat(service.stored()).isEqualTo("1");
        assertThat(service.differs()).isFalse();
        // the same comparison through the API, for a supervisor's own tools
        long conflictId = -1;
        for (JsonNode c : json(api(world.token(Role.ORG_MANAGER), get("/api/field/conflicts")).andExpect(status().isOk()))) {
            if (c.get("uuid").asString().equals(session)) {
                conflictId = c.get("id").asLong();
            }
        }
        JsonNode compared = json(api(world.token(Role.ORG_MANAGER), get("/api/field/conflicts/{id}", conflictId))
                .andExpect(status().isOk()));
        assertThat(compared.get("conflict").get("uuid").asString()).isEqualTo(session);
        assertThat(compared.get("comparison").get("storedFound").asBoolean()).isTrue();
        JsonNode line = null;
        for (JsonNode l : compared.get("comparison").get("lines")) {
            if (l.get("field").asString().equals("needlesSyringes")) {
                line = l;
            }
        }
        assertThat(line).as("the syringes line").isNotNull();
        assertThat(line.get("stored").asString()).isEqualTo("40");
        assertThat(line.get("phone").asString()).isEqualTo("45");
        assertThat(line.get("differs").asBoolean()).isTrue();
        // another organisation's manager does not find it
        api(world.foreignManagerToken(), get("/api/field/conflicts/{id}", conflictId)).andExpect(status().isNotFound());

        String encounter = UUID.randomUUID().toString();
        String encounterBody = """
                {"uuid":"%s","date":"%s","siteId":%d,"clientUic":"%s","anonymous":false,
                 "services":[{"code":"NEEDLES_SYRINGES","quantity":%d}]}""";
        clash("ENCOUNTER", "/api/encounters",
                encounterBody.formatted(encounter, today, world.homeSite.id(), client.uic(), 10),
                encounterBody.formatted(encounter, today, world.homeSite.id(), client.uic(), 25));
        Row quantity = conflictRow(encounter, "services[NEEDLES_SYRINGES].quantity");
        assertThat(quantity.stored()).isEqualTo("10");
        assertThat(quantity.phone()).isEqualTo("25");
        assertThat(quantity.differs()).isTrue();
        assertThat(conflictRow(encounter, "clientUic").stored()).isEqualTo(client.uic());

        String overdose = UUID.randomUUID().toString();
        String overdoseBody = """
                {"uuid":"%s","occurredAt":"%sT10:30","siteId":%d,"clientCode":"%s","naloxoneDoses":0,
                 "outcome":"%s"}""";
        LocalDate yesterday = today.minusDays(1);
        clash("OVERDOSE", "/api/safety/overdoses",
                overdoseBody.formatted(overdose, yesterday, world.homeSite.id(), client.uic(), "SURVIVED"),
                overdoseBody.formatted(overdose, yesterday, world.homeSite.id(), client.uic(), "HOSPITALISED"));
        Row outcome = conflictRow(overdose, "outcome");
        assertThat(outcome.stored()).isEqualTo("SURVIVED");
        assertThat(outcome.phone()).isEqualTo("HOSPITALISED");
        assertThat(outcome.differs()).isTrue();
        Row when = conflictRow(overdose, "occurredAt");
        assertThat(when.stored()).isEqualTo(yesterday + "T10:30");
        assertThat(when.differs()).isFalse();
        assertThat(conflictRow(overdose, "clientCode").stored()).isEqualTo(client.uic());
    }

    // ---- the supervisor's page

    private String conflictsPage() throws Exception {
        return mvc.perform(get("/field/conflicts").with(user(world.user(Role.ORG_MANAGER))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(PLANTED))))
                .andReturn().getResponse().getContentAsString();
    }

    /** One line of a conflict's comparison as the page shows it: the texts (unescaped) and whether it is marked. */
    private record Row(String stored, String phone, boolean differs) {
    }

    private Row conflictRow(String uuid, String field) throws Exception {
        String page = conflictsPage();
        int start = page.indexOf("data-uuid=\"" + uuid + "\"");
        assertThat(start).as("the conflict of " + uuid).isPositive();
        String article = page.substring(start, page.indexOf("</article>", start));
        Matcher tr = Pattern.compile("<tr([^>]*data-field=\"" + Pattern.quote(field) + "\"[^>]*)>(.*?)</tr>",
                Pattern.DOTALL).matcher(article);
        assertThat(tr.find()).as(field + " of " + uuid).isTrue();
        return new Row(cell(tr.group(2), "stored"), cell(tr.group(2), "phone"), tr.group(1).contains("differs"));
    }

    private static String cell(String row, String kind) {
        Matcher td = Pattern.compile("<td class=\"" + kind + "\">(.*?)</td>", Pattern.DOTALL).matcher(row);
        assertThat(td.find()).as(kind + " value").isTrue();
        return HtmlUtils.htmlUnescape(td.group(1).strip());
    }
}
