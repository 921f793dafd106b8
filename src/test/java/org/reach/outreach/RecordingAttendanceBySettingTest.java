package org.reach.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
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
import java.time.LocalTime;
import java.time.YearMonth;
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
import org.reach.clients.Gender;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.IndicatorRow;
import org.reach.indicators.IndicatorScope;
import org.reach.indicators.Indicators;
import org.reach.indicators.Period;
import org.reach.organisations.OpeningStatus;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.organisations.SiteType;
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
import org.reach.services.ServiceLine;
import org.reach.services.ServicesFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Drop-in openings, safe-space sessions and prison outreach are recorded as sessions of their own setting: taken
 * from the site's type when the record does not say, never with a hotspot, part of what a repeated uuid must match;
 * the pages call their counts attendance, and the engine counts them apart, small figures suppressed as any other.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RecordingAttendanceBySettingTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired RapidAssessments rar;
    @Autowired OutreachSessions sessions;
    @Autowired Indicators indicators;
    @Autowired JdbcClient jdbc;

    private ProgrammeFixture world;
    private Site prison;
    private Site safeSpace;
    private Hotspot hotspot;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        ReachUser system = ReachUser.system();
        prison = directory.createSite(system, new SiteForm(world.home.id(), "Central prison " + world.marker.substring(7),
                SiteType.PRISON_OUTREACH_POINT, "Jamshed Town", "Karachi", 24.90, 67.04, OpeningStatus.OPEN));
        safeSpace = directory.createSite(system, new SiteForm(world.home.id(), "Safe space " + world.marker.substring(7),
                SiteType.SAFE_SPACE, "Saddar", "Karachi", 24.86, 67.02, OpeningStatus.OPEN));
        long assessment = rar.createAssessment(system, new AssessmentForm(world.home.id(), "Lyari mapping", "Karachi", null,
                null, "team", null, AssessmentStatus.FIELDWORK)).id();
        hotspot = rar.createHotspot(system, assessment, new HotspotForm("Nullah <script>alert(1)</script>", "Lyari", 24.87,
                66.99, 10.0, null, Typology.GRAVEYARD, UseType.MIXED, List.of("HEROIN"), List.of(GatheringReason.PRIVACY),
                List.of(TimeOfDay.EVENING), List.of(), true, false, false));
    }

    private String session(String uuid, long siteId, Long hotspotId, String setting, int people) {
        return "{\"uuid\":\"" + uuid + "\",\"siteId\":" + siteId + (hotspotId == null ? "" : ",\"hotspotId\":" + hotspotId)
                + (setting == null ? "" : ",\"setting\":\"" + setting + "\"")
                + ",\"date\":\"" + today + "\",\"start\":\"10:00\",\"end\":\"13:00\","
                + "\"contacts\":[{\"sex\":\"MALE\",\"ageBand\":\"FROM_25_TO_34\",\"people\":" + people + "}],"
                + "\"condoms\":10,\"formVersion\":\"field-1\"}";
    }

    private ResultActions send(String path, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions list(String query) throws Exception {
        return mvc.perform(get("/api/outreach/sessions" + query).header("Authorization", "Bearer "
                + world.token(Role.ORG_MANAGER)).accept(MediaType.APPLICATION_JSON));
    }

    private long sessions() {
        return jdbc.sql("SELECT COUNT(*) FROM outreach_sessions WHERE organisation_id = ?").param(world.home.id())
                .query(Long.class).single();
    }

    @Test
    void theSettingComesFromTheSiteUnlessSentAndAHotspotBelongsToHotspotOutreachOnly() throws Exception {
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), world.homeSite.id(), null, null, 5))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.setting").value("DROP_IN"));
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), prison.id(), null, null, 5))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.setting").value("PRISON_OUTREACH"));
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), safeSpace.id(), null, null, 5))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.setting").value("SAFE_SPACE"));
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), world.homeOtherSite.id(), null, null, 5))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.setting").value("HOTSPOT_OUTREACH"));
        // a hotspot without a setting is hotspot outreach, as devices from before settings send it, even from a drop-in
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), world.homeSite.id(), hotspot.id(), null, 5))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.setting").value("HOTSPOT_OUTREACH"))
                .andExpect(jsonPath("$.hotspotName").value(hotspot.name()));
        // sent explicitly, the setting wins over the site's type
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), world.homeSite.id(), null, "SAFE_SPACE", 5))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.setting").value("SAFE_SPACE"));
        assertThat(sessions()).isEqualTo(6);

        // a hotspot with another setting is refused beside the hotspot, alone and in a batch, and nothing is kept
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), world.homeSite.id(), hotspot.id(), "DROP_IN", 5))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hotspotId"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("hotspot")));
        String batch = "{\"sessions\":[" + session(UUID.randomUUID().toString(), prison.id(), null, null, 3) + ","
                + session(UUID.randomUUID().toString(), prison.id(), hotspot.id(), "PRISON_OUTREACH", 3) + "]}";
        send("/api/outreach/sessions/batch", batch).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("sessions[1].hotspotId")));
        // a setting that does not exist is named, not guessed
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), prison.id(), null, "PARTY", 3))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("setting"));
        assertThat(sessions()).as("nothing half-written").isEqualTo(6);
    }

    @Test
    void theSettingIsPartOfTheContentARepeatedUuidMustMatch() throws Exception {
        String uuid = UUID.randomUUID().toString();
        String body = session(uuid, world.homeSite.id(), null, "DROP_IN", 8);
        long id = ((Number) JsonPath.read(send("/api/outreach/sessions", body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        send("/api/outreach/sessions", body).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
        send("/api/outreach/sessions", body.replace("\"DROP_IN\"", "\"SAFE_SPACE\""))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("uuid"));
        mvc.perform(get("/api/outreach/sessions/{id}", id).header("Authorization", "Bearer " + world.token(Role.ME_OFFICER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.setting").value("DROP_IN"));
        assertThat(sessions()).isEqualTo(1);
    }

    @Test
    void theListShowsAndFiltersBySetting() throws Exception {
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), prison.id(), null, null, 4))
                .andExpect(status().isCreated());
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), world.homeSite.id(), null, null, 6))
                .andExpect(status().isCreated());
        send("/api/outreach/sessions", session(UUID.randomUUID().toString(), world.homeOtherSite.id(), hotspot.id(), null, 9))
                .andExpect(status().isCreated());

        list("?setting=PRISON_OUTREACH").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.sessions[0].siteId").value(prison.id()));
        list("?setting=HOTSPOT_OUTREACH").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.sessions[*].setting", everyItem(is("HOTSPOT_OUTREACH"))));
        list("?setting=SAFE_SPACE").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        list("").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(3));
        list("?setting=PARTY").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("setting"));

        ReachUser me = world.user(Role.ME_OFFICER);
        mvc.perform(get("/outreach/sessions").param("setting", "PRISON_OUTREACH").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-setting=\"PRISON_OUTREACH\"")))
                .andExpect(content().string(containsString("Prison outreach")))
                .andExpect(content().string(not(containsString("data-setting=\"DROP_IN\""))))
                .andExpect(content().string(not(containsString("data-setting=\"HOTSPOT_OUTREACH\""))));
        mvc.perform(get("/outreach/sessions").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-setting=\"DROP_IN\"")))
                .andExpect(content().string(containsString("data-setting=\"HOTSPOT_OUTREACH\"")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void thePageTakesTheSettingRefusesAHotspotBesideItsFieldAndCallsTheCountsAttendance() throws Exception {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        mvc.perform(get("/outreach/sessions/new").with(user(peer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"setting\"")))
                .andExpect(content().string(containsString("value=\"PRISON_OUTREACH\"")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        String uuid = UUID.randomUUID().toString();
        mvc.perform(post("/outreach/sessions/new").with(user(peer)).with(csrf()).param("uuid", uuid)
                        .param("siteId", String.valueOf(world.homeSite.id())).param("setting", "DROP_IN")
                        .param("hotspotId", String.valueOf(hotspot.id())).param("date", today.toString())
                        .param("start", "10:00").param("end", "13:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"hotspotId-error\"")))
                .andExpect(content().string(containsString("Only outreach at a hotspot has a hotspot")))
                .andExpect(content().string(containsString("People who came without a code")));
        assertThat(sessions()).isZero();

        String saved = mvc.perform(post("/outreach/sessions/new").with(user(peer)).with(csrf()).param("uuid", uuid)
                        .param("siteId", String.valueOf(world.homeSite.id())).param("setting", "DROP_IN")
                        .param("date", today.toString()).param("start", "10:00").param("end", "13:00")
                        .param("contacts[0].sex", "FEMALE").param("contacts[0].ageBand", "FROM_25_TO_34")
                        .param("contacts[0].people", "6"))
                .andExpect(redirectedUrlPattern("/outreach/sessions/*?saved")).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(saved.substring(0, saved.indexOf('?'))).with(user(peer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-setting=\"DROP_IN\"")))
                .andExpect(content().string(containsString("Drop-in centre opening")))
                .andExpect(content().string(containsString("People who came without a code")))
                .andExpect(content().string(containsString("Known clients who came")))
                .andExpect(content().string(not(containsString("People met without a code"))));

        // a session at a hotspot keeps the words of outreach
        String atHotspot = mvc.perform(post("/outreach/sessions/new").with(user(peer)).with(csrf())
                        .param("uuid", UUID.randomUUID().toString()).param("siteId", String.valueOf(world.homeSite.id()))
                        .param("hotspotId", String.valueOf(hotspot.id())).param("date", today.toString())
                        .param("start", "18:00").param("end", "20:00"))
                .andExpect(redirectedUrlPattern("/outreach/sessions/*?saved")).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(atHotspot.substring(0, atHotspot.indexOf('?'))).with(user(peer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-setting=\"HOTSPOT_OUTREACH\"")))
                .andExpect(content().string(containsString("People met without a code")))
                .andExpect(content().string(not(containsString("People who came without a code"))))
                .andExpect(content().string(containsString("&lt;script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void theEngineCountsContactsAtHotspotsAndAttendancesPerSettingAndSuppressesSmallOnes() {
        ReachUser manager = world.user(Role.ORG_MANAGER);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        LocalDate day = lastMonth.atDay(10);
        Client first = ServicesFixture.register(clients, manager, "ATATM80", world.homeSite.id());
        Client second = ServicesFixture.register(clients, manager, "BTBTF85", world.homeSite.id());
        Client third = ServicesFixture.register(clients, manager, "CTCTM75", prison.id());
        // drop-in: 7 without a code and 2 known clients, then 3 more on another day
        record(manager, world.homeSite, null, null, day, 7, first, second);
        record(manager, world.homeSite, null, OutreachSetting.DROP_IN, day.plusDays(7), 3);
        // prison: 6 without a code and a known client
        record(manager, prison, null, null, day, 6, third);
        // safe space: 2, a small figure
        record(manager, safeSpace, null, null, day, 2);
        // hotspot outreach: 5 from the clinic, 4 from the drop-in centre, both at the hotspot
        record(manager, world.homeOtherSite, hotspot, null, day, 5);
        record(manager, world.homeSite, hotspot, null, day.plusDays(1), 4);
        // outside the month: not counted
        record(manager, world.homeSite, null, null, lastMonth.minusMonths(1).atDay(20), 50);

        Period period = Period.month(lastMonth.getYear(), lastMonth.getMonthValue());
        IndicatorScope own = indicators.scope(manager, null, null, null);
        assertThat(total(manager, own, "DROP_IN_ATTENDANCES", period, true).numerator()).isEqualTo("12");
        assertThat(total(manager, own, "PRISON_OUTREACH_ATTENDANCES", period, true).numerator()).isEqualTo("7");
        assertThat(total(manager, own, "SAFE_SPACE_ATTENDANCES", period, true).numerator()).isEqualTo("2");
        assertThat(total(manager, own, "HOTSPOT_OUTREACH_CONTACTS", period, true).numerator()).isEqualTo("9");
        assertThat(total(manager, own, "OUTREACH_CONTACTS", period, true).numerator())
                .as("people without a code, every setting, as before").isEqualTo("27");
        assertThat(indicators.table(manager, own, "HOTSPOT_OUTREACH_CONTACTS", period, Disaggregation.HOTSPOT, true).rows())
                .anyMatch(r -> r.category().equals(hotspot.name()) && r.numerator().equals("9"));
        assertThat(indicators.table(manager, own, "DROP_IN_ATTENDANCES", period, Disaggregation.SITE, true).rows())
                .anyMatch(r -> r.category().equals(String.valueOf(world.homeSite.id())) && r.numerator().equals("12"));

        // the programme coordinator sees the same figures, small ones suppressed as every other count
        ReachUser coordinator = world.user(Role.COORDINATOR);
        IndicatorScope programme = indicators.scope(coordinator, null, world.homeProgramme.id(), null);
        IndicatorRow safe = total(coordinator, programme, "SAFE_SPACE_ATTENDANCES", period, false);
        assertThat(safe.suppressed()).isTrue();
        assertThat(safe.numerator()).isEqualTo("<5");
        assertThat(total(coordinator, programme, "DROP_IN_ATTENDANCES", period, false).numerator()).isEqualTo("12");
        assertThat(total(coordinator, programme, "PRISON_OUTREACH_ATTENDANCES", period, false).numerator()).isEqualTo("7");
    }

    private void record(ReachUser actor, Site site, Hotspot at, OutreachSetting setting, LocalDate date, int people,
                        Client... known) {
        sessions.record(actor, new OutreachSessionForm(UUID.randomUUID().toString(), site.id(), at == null ? null : at.id(),
                setting, date, LocalTime.of(10, 0), LocalTime.of(12, 0), List.of(),
                List.of(new ContactCount(Gender.MALE, AgeBand.FROM_25_TO_34, people)),
                java.util.Arrays.stream(known).map(c -> new KnownClient(c.uic(), null, List.of(ServiceLine.of("CONDOMS", 2))))
                        .toList(), 0, 0, 0, 0, 0, null, null, 0, List.of(), "test"));
    }

    private IndicatorRow total(ReachUser actor, IndicatorScope scope, String code, Period period, boolean exact) {
        return indicators.table(actor, scope, code, period, Disaggregation.NONE, exact).total();
    }
}
