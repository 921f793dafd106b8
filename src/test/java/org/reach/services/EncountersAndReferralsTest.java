package org.reach.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditEvent;
import org.reach.audit.AuditFilter;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientHistory;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatus;
import org.reach.clients.StatusChange;
import org.reach.clients.TimelineEntry;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.FieldProblem;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class EncountersAndReferralsTest {

    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;
    @Autowired ClientRegistry clients;
    @Autowired List<ClientHistory> histories;
    @Autowired MessageSource messages;
    @Autowired JdbcClient jdbc;
    @Autowired EncounterImport importer;
    @Autowired Encounters encounters;
    @Autowired Referrals referrals;

    private ProgrammeFixture world;
    private Client client;
    private Client deceased;
    private Client foreignClient;
    private LocalDate today;

    @BeforeEach
    void buildWorld() {
        today = LocalDate.now(clock);
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        String id = world.marker.substring(7).toUpperCase(Locale.ROOT);
        ReachUser manager = world.user(Role.ORG_MANAGER);
        client = ServicesFixture.register(clients, clock, manager, "HOHOM75", world.homeSite.id());
        deceased = ServicesFixture.register(clients, clock, manager, "GOGOF70", world.homeSite.id());
        clients.changeStatus(manager, deceased.id(), new StatusChange(ClientStatus.DECEASED, today, "Overdose"));
        foreignClient = ServicesFixture.register(clients, clock, signIn.reload(world.foreignManager.id()).orElseThrow(),
                "AWAWM80", world.foreignSite.id());
    }

    // ---- catalogue

    @Test
    void anInternalReferralGoesToAnySiteOfTheOwnOrganisationAndNoOther() {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        assertThat(peer.isAssignedTo(world.homeOtherSite.id())).isFalse();
        Referral toColleagues = referrals.refer(peer, new ReferralForm(client.id(), null, ProviderType.OAT_CENTRE, null,
                world.homeOtherSite.id(), today));
        assertThat(toColleagues.providerName()).isEqualTo(world.homeOtherSite.name());
        assertThatThrownBy(() -> referrals.refer(peer, new ReferralForm(client.id(), null, ProviderType.OAT_CENTRE, null,
                world.foreignSite.id(), today))).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).contains("internalSiteId"));
    }

    @Test
    void theCatalogueIsSeededWithTheComprehensivePackage() throws Exception {
        ResultActions result = api(get("/api/services"), Role.OUTREACH_WORKER).andExpect(status().isOk());
        for (String code : List.of("NEEDLES_SYRINGES", "CONDOMS", "LUBRICANT", "NALOXONE_KIT", "OAT_METHADONE",
                "OAT_BUPRENORPHINE", "HIV_TEST", "HIV_SELF_TEST_KIT", "ART_REFERRAL", "ART_INITIATION", "PREP",
                "STI_SCREENING", "STI_TREATMENT", "HEPATITIS_TEST", "HEPATITIS_B_VACCINATION", "TB_SCREENING", "WOUND_CARE",
                "DENTAL_CARE", "MENTAL_HEALTH_SUPPORT", "SHOWER", "LAUNDRY", "FOOD", "INFORMATION_MATERIAL", "PEER_SUPPORT",
                "LEGAL_AID", "FAMILY_SUPPORT", "VOCATIONAL_TRAINING", "INCOME_GENERATION")) {
            result.andExpect(jsonPath("$[*].code", hasItem(code)));
            assertThat(messages.getMessage("service." + code, null, null, Locale.forLanguageTag("ur"))).as(code).isNotBlank();
        }
        result.andExpect(jsonPath("$[?(@.code=='HIV_TEST')].unit").value("RESULT"))
                .andExpect(jsonPath("$[?(@.code=='OAT_METHADONE')].unit").value("DOSE_DAYS"))
                .andExpect(jsonPath("$[?(@.code=='SHOWER')].unit").value("YES_NO"));
        mvc.perform(get("/services").with(user(world.user(Role.OUTREACH_WORKER))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Naloxone kit")));
    }

    @Test
    void ownServicesAreRetiredNeverDeletedOnceUsedAndStayInTheirOrganisation() throws Exception {
        long used = createOwnService("OWN_KIT_A");
        long unused = createOwnService("OWN_KIT_B");
        record(encounter(uuid(), client.id(), "OWN_KIT_A", 2)).andExpect(status().isCreated());

        api(delete("/api/services/{id}", used), Role.ORG_MANAGER).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("service.error.inUse"));
        api(post("/api/services/{id}/retire", used), Role.ORG_MANAGER).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        record(encounter(uuid(), client.id(), "OWN_KIT_A", 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("services[0].code"))
                .andExpect(jsonPath("$.errors[0].code").value("encounter.error.retiredService"));
        api(get("/api/services/{id}", used), Role.ME_OFFICER).andExpect(status().isOk());
        api(delete("/api/services/{id}", unused), Role.ORG_MANAGER).andExpect(status().isNoContent());
        api(get("/api/services/{id}", unused), Role.ORG_MANAGER).andExpect(status().isNotFound());
        api(post("/api/services/{id}/retire", used), Role.OUTREACH_WORKER).andExpect(status().isForbidden());

        mvc.perform(get("/api/services").header("Authorization", "Bearer " + world.foreignManagerToken()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].code", not(hasItem("OWN_KIT_A"))));

        // a built-in service is retired for one organisation only
        String all = api(get("/api/services"), Role.ORG_MANAGER).andReturn().getResponse().getContentAsString();
        long dental = ((Number) ((List<?>) JsonPath.read(all, "$[?(@.code=='DENTAL_CARE')].id")).get(0)).longValue();
        api(post("/api/services/{id}/retire", dental), Role.ORG_MANAGER).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        expectProblem(encounter(uuid(), client.id(), "DENTAL_CARE", 1), "services[0].code", "encounter.error.retiredService");
        mvc.perform(get("/api/services/{id}", dental).header("Authorization", "Bearer " + world.foreignManagerToken()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true));
        api(post("/api/services/{id}/reinstate", dental), Role.ORG_MANAGER).andExpect(jsonPath("$.active").value(true));
        record(encounter(uuid(), client.id(), "DENTAL_CARE", 1)).andExpect(status().isCreated());
        api(delete("/api/services/{id}", dental), Role.ORG_MANAGER).andExpect(status().isForbidden());
        mvc.perform(get("/api/services/{id}", used).header("Authorization", "Bearer " + world.foreignManagerToken()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theServicesPageAddsOwnServicesAndShowsProblemsBesideTheField() throws Exception {
        ReachUser manager = world.user(Role.ORG_MANAGER);
        mvc.perform(post("/services/new").with(user(manager)).with(csrf()).header("Accept-Language", "en")
                        .param("code", "NEEDLES_SYRINGES").param("name", "").param("category", "PREVENTION").param("unit", "COUNT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This code is already in the catalogue.")))
                .andExpect(content().string(containsString("id=\"name-error\"")));
        mvc.perform(post("/services/new").with(user(manager)).with(csrf())
                        .param("code", "hygiene kit").param("name", "Hygiene kit").param("category", "BASIC_NEEDS").param("unit", "COUNT"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/services").with(user(world.user(Role.OUTREACH_WORKER))).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("HYGIENE_KIT")))
                .andExpect(content().string(not(containsString("Retire"))));
        mvc.perform(post("/services/new").with(user(world.user(Role.SITE_MANAGER))).with(csrf())
                        .param("code", "OTHER_KIT").param("name", "Kit").param("category", "BASIC_NEEDS").param("unit", "COUNT"))
                .andExpect(status().isForbidden());
    }

    // ---- encounters

    @Test
    void anEncounterIsStoredOnceWhateverHowOftenItIsSent() throws Exception {
        String uuid = uuid();
        String body = encounter(uuid, client.id(), "NEEDLES_SYRINGES", 10);
        String created = record(body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(true))
                .andExpect(jsonPath("$.encounter.uuid").value(uuid))
                .andExpect(jsonPath("$.encounter.services[0].quantity").value(10))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.encounter.id")).longValue();

        record(body).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(false))
                .andExpect(jsonPath("$.encounter.id").value(id));
        record(encounter(uuid, client.id(), "NEEDLES_SYRINGES", 11)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("uuid"));

        assertThat(encountersOf(world.home.id())).isEqualTo(1);
        assertThat(lastContact()).isEqualTo(today);
        api(get("/api/encounters/{id}", id), Role.ME_OFFICER).andExpect(status().isOk())
                .andExpect(jsonPath("$.clientId").value(client.id()));
        assertThat(auditOf("encounter", id, AuditAction.CREATE)).hasSize(1);
        assertThat(auditOf("encounter", id, AuditAction.READ)).hasSize(1);

        // the client dies before the device hears back: a repeat is still answered with the stored encounter
        clients.changeStatus(world.user(Role.ORG_MANAGER), client.id(), new StatusChange(ClientStatus.DECEASED, today, "Overdose"));
        record(body).andExpect(status().isOk()).andExpect(jsonPath("$.encounter.id").value(id));
        batch(body).andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(0))
                .andExpect(jsonPath("$.duplicates[0].id").value(id));
        expectProblem(encounter(uuid(), client.id(), "NEEDLES_SYRINGES", 10), "clientId", "encounter.error.deceased");
        assertThat(encountersOf(world.home.id())).isEqualTo(1);
    }

    @Test
    void everyBadInputIsNamedAndNothingIsWritten() throws Exception {
        String future = today.plusDays(1).toString();
        expectProblem(encounter(uuid(), client.id(), "NO_SUCH_SERVICE", 1), "services[0].code", "encounter.error.unknownService");
        expectProblem(encounter(uuid(), client.id(), "CONDOMS", -3), "services[0].quantity", "encounter.error.negativeQuantity");
        expectProblem(encounter(uuid(), client.id(), "CONDOMS", 3).replace(today.toString(), future), "date",
                "encounter.error.futureDate");
        expectProblem(encounter(uuid(), deceased.id(), "CONDOMS", 3), "clientId", "encounter.error.deceased");
        expectProblem(encounter("not-a-uuid", client.id(), "CONDOMS", 3), "uuid", "encounter.error.uuid");
        expectProblem(encounter(uuid(), client.id(), "CONDOMS", 3).replace("\"siteId\":" + world.homeSite.id(),
                "\"siteId\":" + world.foreignSite.id()), "siteId", "encounter.error.site");
        expectProblem(encounter(uuid(), client.id(), "CONDOMS", 3).replace("\"siteId\":" + world.homeSite.id(),
                "\"siteId\":" + world.homeOtherSite.id()), "siteId", "encounter.error.site");
        String missing = problemReason(encounter(uuid(), 1L, "CONDOMS", 3), "clientId");
        String foreignReason = problemReason(encounter(uuid(), foreignClient.id(), "CONDOMS", 3), "clientId");
        assertThat(foreignReason).as("a foreign client answers like a missing one").isEqualTo(missing);
        expectProblem(json(uuid(), today, world.homeSite.id(), client.id(), false, "[]", null, null, null), "services",
                "encounter.error.noServices");
        expectProblem(json(uuid(), today, world.homeSite.id(), client.id(), false,
                "[{\"code\":\"CONDOMS\",\"quantity\":2},{\"code\":\"CONDOMS\",\"quantity\":3}]", null, null, null),
                "services[1].code", "encounter.error.duplicateService");
        expectProblem(json(uuid(), today, world.homeSite.id(), client.id(), false, "[{\"code\":\"HIV_TEST\"}]", null, null, null),
                "services[0].result", "encounter.error.resultRequired");
        assertThat(encountersOf(world.home.id())).isZero();
        assertThat(lastContact()).isEqualTo(client.lastContact());
    }

    @Test
    void thePageShowsEachProblemBesideItsField() throws Exception {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        mvc.perform(post("/encounters/new").with(user(peer)).with(csrf()).header("Accept-Language", "en")
                        .param("uuid", uuid()).param("date", today.plusDays(2).toString())
                        .param("siteId", String.valueOf(world.homeSite.id())).param("clientCode", "NOBODY")
                        .param("quantities[CONDOMS]", "-2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The date cannot be in the future.")))
                .andExpect(content().string(containsString("No client of your organisation has this code or number.")))
                .andExpect(content().string(containsString("Cannot be negative.")))
                .andExpect(content().string(containsString("id=\"clientCode-error\"")));
        mvc.perform(post("/encounters/new").with(user(peer)).with(csrf()).header("Accept-Language", "en")
                        .param("uuid", uuid()).param("date", today.toString())
                        .param("siteId", String.valueOf(world.homeSite.id())).param("clientCode", deceased.uic())
                        .param("quantities[CONDOMS]", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This client is recorded as deceased.")));
        assertThat(encountersOf(world.home.id())).isZero();

        String saved = mvc.perform(post("/encounters/new").with(user(peer)).with(csrf())
                        .param("uuid", uuid()).param("date", today.toString())
                        .param("siteId", String.valueOf(world.homeSite.id())).param("clientCode", client.uic())
                        .param("quantities[NEEDLES_SYRINGES]", "20").param("quantities[CONDOMS]", "")
                        .param("results[HIV_TEST]", "NEGATIVE").param("returnedSyringes", "15"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/encounters/new?saved=*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(saved).with(user(peer)).header("Accept-Language", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Encounter saved")));
        assertThat(encountersOf(world.home.id())).isEqualTo(1);
    }

    @Test
    void notesThatLookIdentifyingAreFlagged() throws Exception {
        record(json(uuid(), today, world.homeSite.id(), client.id(), false, "[{\"code\":\"CONDOMS\",\"quantity\":5}]",
                null, null, "call him on +92 300 123 4567")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[0]").value("PHONE_NUMBER"));
        record(json(uuid(), today, world.homeSite.id(), client.id(), false, "[{\"code\":\"CONDOMS\",\"quantity\":5}]",
                null, null, "his name is kept private")).andExpect(jsonPath("$.warnings[0]").value("NAME"));
        record(json(uuid(), today, world.homeSite.id(), client.id(), false, "[{\"code\":\"CONDOMS\",\"quantity\":5}]",
                null, null, "Met Ali Khan near the bridge")).andExpect(jsonPath("$.warnings[0]").value("NAME"));
        record(json(uuid(), today, world.homeSite.id(), client.id(), false, "[{\"code\":\"CONDOMS\",\"quantity\":5}]",
                null, null, "needs wound care next week")).andExpect(jsonPath("$.warnings").isEmpty());

        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        String formUuid = uuid();
        mvc.perform(post("/encounters/new").with(user(peer)).with(csrf()).header("Accept-Language", "en")
                        .param("uuid", formUuid).param("date", today.toString()).param("siteId", String.valueOf(world.homeSite.id()))
                        .param("anonymous", "true").param("quantities[CONDOMS]", "2").param("notes", "phone 0722 123 456"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The note looks like it contains a phone number.")));
        assertThat(encountersOf(world.home.id())).isEqualTo(4);
        mvc.perform(post("/encounters/new").with(user(peer)).with(csrf())
                        .param("uuid", formUuid).param("date", today.toString()).param("siteId", String.valueOf(world.homeSite.id()))
                        .param("anonymous", "true").param("quantities[CONDOMS]", "2").param("notes", "phone 0722 123 456")
                        .param("confirmNotes", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(encountersOf(world.home.id())).isEqualTo(5);
    }

    @Test
    void anonymousEncountersCountAsContactsWithoutAPerson() throws Exception {
        record(json(uuid(), today, null, null, true, "[{\"code\":\"NEEDLES_SYRINGES\",\"quantity\":30}]", null, null, null)
                .replace("\"siteId\":null", "\"hotspot\":\"Old bus stand\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.encounter.anonymous").value(true))
                .andExpect(jsonPath("$.encounter.clientId").isEmpty())
                .andExpect(jsonPath("$.encounter.hotspot").value("Old bus stand"));
        expectProblem(json(uuid(), today, world.homeSite.id(), client.id(), true, "[{\"code\":\"CONDOMS\"}]", null, null, null),
                "clientId", "encounter.error.anonymousWithClient");
        expectProblem(json(uuid(), today, world.homeSite.id(), null, false, "[{\"code\":\"CONDOMS\"}]", null, null, null),
                "clientId", "encounter.error.clientRequired");
        assertThat(encountersOf(world.home.id())).isEqualTo(1);
    }

    @Test
    void returnedWeightIsConvertedWithTheOrganisationsFactor() throws Exception {
        api(get("/api/services/settings"), Role.OUTREACH_WORKER).andExpect(jsonPath("$.syringesPerKg").value(200.0));
        mvc.perform(put("/api/services/settings").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"syringesPerKg\":250}")).andExpect(status().isOk());
        mvc.perform(put("/api/services/settings").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"syringesPerKg\":1}")).andExpect(status().isForbidden());
        record(json(uuid(), today, world.homeSite.id(), client.id(), false, "[{\"code\":\"CONDOMS\",\"quantity\":5}]",
                null, 400, null)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.encounter.returnedSyringes").value(100))
                .andExpect(jsonPath("$.encounter.returnedWeightGrams").value(400));
        record(json(uuid(), today, world.homeSite.id(), client.id(), false, "[{\"code\":\"CONDOMS\",\"quantity\":5}]",
                -1, null, null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("returnedSyringes"));
    }

    @Test
    void aBatchIsWrittenWhollyOrNotAtAllAndKnownEncountersAreDuplicates() throws Exception {
        String first = encounter(uuid(), client.id(), "NEEDLES_SYRINGES", 10);
        String second = json(uuid(), today, world.homeSite.id(), null, true, "[{\"code\":\"CONDOMS\",\"quantity\":4}]", null, null, null);
        String badCode = encounter(uuid(), client.id(), "NOT_A_SERVICE", 1);
        String badQuantity = encounter(uuid(), client.id(), "CONDOMS", -1);
        batch(first, badCode, second, badQuantity).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("encounters[1].services[0].code"))
                .andExpect(jsonPath("$.errors[1].field").value("encounters[3].services[0].quantity"));
        assertThat(encountersOf(world.home.id())).isZero();

        batch(first, second).andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(2));
        String third = encounter(uuid(), client.id(), "LUBRICANT", 2);
        batch(first, third, second, third).andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(1))
                .andExpect(jsonPath("$.duplicates.length()").value(3))
                .andExpect(jsonPath("$.duplicates[0].index").value(0))
                .andExpect(jsonPath("$.duplicates[1].index").value(2))
                .andExpect(jsonPath("$.duplicates[2].index").value(3));
        String changed = first.replace("\"quantity\":10", "\"quantity\":12");
        batch(changed, encounter(uuid(), client.id(), "CONDOMS", 1)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("encounters[0].uuid"));
        assertThat(encountersOf(world.home.id())).isEqualTo(3);
        assertThat(audit.search(ReachUser.system(), new AuditFilter(null, null, null, AuditAction.CREATE, "encounter", null,
                world.home.id()), 0, 50).events()).extracting(AuditEvent::detail)
                .containsExactlyInAnyOrder("2 encounters in a batch", "1 encounters in a batch");
    }

    @Test
    void aLargeBatchIsAcceptedAndTooLargeOneRefused() throws Exception {
        String[] many = new String[500];
        for (int i = 0; i < many.length; i++) {
            many[i] = encounter(uuid(), client.id(), "NEEDLES_SYRINGES", 1 + i % 20);
        }
        long started = System.nanoTime();
        batch(many).andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(500));
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds for 500").isLessThan(20_000);
        String[] tooMany = new String[501];
        java.util.Arrays.fill(tooMany, encounter(uuid(), client.id(), "CONDOMS", 1));
        batch(tooMany).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("encounters"));
        assertThat(encountersOf(world.home.id())).isEqualTo(500);
    }

    @Test
    void anotherOrganisationNeverSeesTheseEncountersOrReferrals() throws Exception {
        String created = record(encounter(uuid(), client.id(), "CONDOMS", 3)).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.encounter.id")).longValue();
        long referral = refer(client.id(), today.minusDays(1));
        String foreign = "Bearer " + world.foreignManagerToken();
        mvc.perform(get("/api/encounters/{id}", id).header("Authorization", foreign)).andExpect(status().isNotFound());
        mvc.perform(get("/api/encounters").header("Authorization", foreign)).andExpect(status().isOk())
                .andExpect(jsonPath("$.encounters[?(@.id==" + id + ")]").isEmpty());
        mvc.perform(get("/api/referrals/{id}", referral).header("Authorization", foreign)).andExpect(status().isNotFound());
        mvc.perform(post("/api/referrals/{id}/accept", referral).header("Authorization", foreign)
                .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"" + today + "\"}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/referrals").header("Authorization", foreign)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id==" + referral + ")]").isEmpty());
        api(get("/api/encounters"), Role.COORDINATOR).andExpect(status().isForbidden());
        api(get("/api/encounters"), Role.ADMIN).andExpect(status().isForbidden());

        // a peer sees encounters at their own site only
        String other = mvc.perform(post("/api/encounters").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content(encounter(uuid(), client.id(), "CONDOMS", 1)
                                .replace("\"siteId\":" + world.homeSite.id(), "\"siteId\":" + world.homeOtherSite.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long otherId = ((Number) JsonPath.read(other, "$.encounter.id")).longValue();
        api(get("/api/encounters/{id}", otherId), Role.OUTREACH_WORKER).andExpect(status().isNotFound());
        api(get("/api/encounters/{id}", otherId), Role.ME_OFFICER).andExpect(status().isOk());
    }

    // ---- referrals

    @Test
    void referralsMoveForwardOnlyAndShowOnTheFollowUpList() throws Exception {
        long referral = refer(client.id(), today.minusDays(20));
        long recent = refer(client.id(), today.minusDays(2));
        api(get("/api/referrals").param("openLongerThan", "14"), Role.ME_OFFICER).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) referral)))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) recent))));
        step(referral, "complete", today).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("referral.error.transition"));
        step(referral, "accept", today.minusDays(21)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("referral.error.beforePrevious"));
        step(referral, "accept", today.plusDays(1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("encounter.error.futureDate"));
        step(referral, "accept", today.minusDays(10)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        assertThat(lastContact()).isEqualTo(client.lastContact());
        step(referral, "complete", today.minusDays(3)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED")).andExpect(jsonPath("$.closedOn").value(today.minusDays(3).toString()));
        assertThat(lastContact()).isEqualTo(today.minusDays(3));
        step(referral, "accept", today).andExpect(status().isBadRequest());
        step(referral, "fail", today).andExpect(status().isBadRequest());
        step(recent, "fail", today).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FAILED"));
        api(get("/api/referrals").param("openLongerThan", "14"), Role.ME_OFFICER)
                .andExpect(jsonPath("$[*].id", not(hasItem((int) referral))));
        mvc.perform(post("/api/referrals/{id}/fail", recent).header("Authorization", "Bearer " + world.token(Role.ME_OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"" + today + "\"}")).andExpect(status().isForbidden());
        long old = refer(client.id(), today.minusDays(30));
        mvc.perform(get("/referrals").with(user(world.user(Role.ME_OFFICER))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-referral=\"" + old + "\"")))
                .andExpect(content().string(not(containsString("data-referral=\"" + recent + "\""))));
        mvc.perform(post("/referrals/{id}/accept", old).with(user(world.user(Role.OUTREACH_WORKER))).with(csrf())
                        .header("Accept-Language", "en").param("date", today.minusDays(31).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The date cannot be before the previous step")));
        mvc.perform(post("/referrals/{id}/accept", old).with(user(world.user(Role.OUTREACH_WORKER))).with(csrf())
                        .param("date", today.toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/referrals/{id}", old).with(user(world.user(Role.OUTREACH_WORKER))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Completed")));
        expectReferralProblem("{\"clientId\":" + deceased.id() + ",\"providerType\":\"ART_CLINIC\",\"providerName\":\"X\",\"madeOn\":\""
                + today + "\"}", "clientId", "encounter.error.deceased");
        expectReferralProblem("{\"clientId\":" + foreignClient.id() + ",\"providerType\":\"ART_CLINIC\",\"providerName\":\"X\",\"madeOn\":\""
                + today + "\"}", "clientId", "encounter.error.unknownClient");
        assertThat(auditOf("referral", referral, AuditAction.UPDATE)).hasSize(2);
    }

    @Test
    void careInPrisonDoesNotEndDetentionButAContactOutsideDoes() {
        ReachUser manager = world.user(Role.ORG_MANAGER);
        org.reach.organisations.Site prison = directory.createSite(ReachUser.system(), new org.reach.organisations.SiteForm(
                world.home.id(), "Central prison point " + UUID.randomUUID(), org.reach.organisations.SiteType.PRISON_OUTREACH_POINT,
                "Jamshed Town", "Karachi", 24.90, 67.05, org.reach.organisations.OpeningStatus.OPEN));
        Client held = ServicesFixture.register(clients, clock, manager, "DEDEM83", world.homeSite.id());
        clients.changeStatus(manager, held.id(), new org.reach.clients.StatusChange(ClientStatus.DETAINED,
                today.minusDays(20), "Arrested"));
        encounters.record(manager, new EncounterForm(uuid(), today.minusDays(10), prison.id(), null, held.id(), null,
                false, List.of(ServiceLine.of("CONDOMS", 2)), null, null, null));
        assertThat(clients.client(manager, held.id()).status()).as("still held after care in prison")
                .isEqualTo(ClientStatus.DETAINED);
        encounters.recordBatch(manager, new EncounterBatch(List.of(new EncounterForm(uuid(), today.minusDays(8),
                prison.id(), null, held.id(), null, false, List.of(ServiceLine.of("CONDOMS", 2)), null, null, null))));
        assertThat(clients.client(manager, held.id()).status()).isEqualTo(ClientStatus.DETAINED);
        encounters.record(manager, new EncounterForm(uuid(), today.minusDays(2), world.homeSite.id(), null, held.id(),
                null, false, List.of(ServiceLine.of("CONDOMS", 2)), null, null, null));
        assertThat(clients.client(manager, held.id()).status()).as("seen outside: released")
                .isEqualTo(ClientStatus.ACTIVE);
    }

    @Test
    void aPeerSeesTheWholeTimelineOfTheirOwnClientsAndIsToldWhatIsLeftOutOfOthers() throws Exception {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        ReachUser manager = world.user(Role.ORG_MANAGER);
        Client followed = clients.register(manager, new org.reach.clients.ClientRegistration(null, "FOFOM81",
                org.reach.clients.Gender.MALE, 1981, java.util.Set.of(), null, null, null, world.homeSite.id(), null,
                peer.id(), today.minusDays(10), null, null, null)).client();
        Client other = ServicesFixture.register(clients, clock, manager, "OTOTM82", world.homeSite.id());
        for (Client c : List.of(followed, other)) {
            encounters.record(manager, new EncounterForm(uuid(), today.minusDays(2), world.homeOtherSite.id(), null,
                    c.id(), null, false, List.of(ServiceLine.of("CONDOMS", 2)), null, null, null));
        }
        assertThat(peer.isAssignedTo(world.homeOtherSite.id())).as("the peer does not work at the other site").isFalse();

        String own = mvc.perform(get("/clients/{id}", followed.id()).with(user(peer)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("data-kind=\"encounter\"").doesNotContain("data-kind=\"elsewhere\"");

        String others = mvc.perform(get("/clients/{id}", other.id()).with(user(peer)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(others).doesNotContain("data-kind=\"encounter\"").contains("data-kind=\"elsewhere\"")
                .contains("1 more encounter at " + world.homeOtherSite.name());
        String managers = mvc.perform(get("/clients/{id}", other.id()).with(user(manager)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(managers).contains("data-kind=\"encounter\"").doesNotContain("data-kind=\"elsewhere\"");
    }

    @Test
    void encountersAndReferralsShowOnTheClientsTimeline() throws Exception {
        record(encounter(uuid(), client.id(), "CONDOMS", 3)).andExpect(status().isCreated());
        long referral = refer(client.id(), today.minusDays(5));
        step(referral, "accept", today.minusDays(4));
        ClientHistory history = histories.stream().filter(h -> h instanceof ServicesHistory).findFirst().orElseThrow();
        List<TimelineEntry> entries = history.timeline(world.user(Role.ORG_MANAGER), client);
        assertThat(entries).extracting(TimelineEntry::messageKey)
                .containsExactly("timeline.encounter", "timeline.referralAccepted", "timeline.referralMade");
        entries.forEach(e -> assertThat(messages.getMessage(e.messageKey(), e.arguments().toArray(), Locale.forLanguageTag("sw")))
                .isNotBlank());
        assertThat(history.timeline(world.user(Role.COORDINATOR), client)).isEmpty();
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        assertThat(history.timeline(foreignManager, client)).isEmpty();
    }

    @Test
    void servicePagesNameClientsByTheirCodeAndLinkToThem() throws Exception {
        record(encounter(uuid(), client.id(), "CONDOMS", 3)).andExpect(status().isCreated());
        long encounter = jdbc.sql("SELECT MAX(id) FROM encounters WHERE client_id = ?").param(client.id()).query(Long.class).single();
        long referral = refer(client.id(), today.minusDays(20));
        String link = "href=\"/clients/" + client.id() + "\"";
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        for (String page : List.of("/encounters", "/encounters/" + encounter, "/referrals", "/referrals/" + referral)) {
            mvc.perform(get(page).with(user(peer)).header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(link)))
                    .andExpect(content().string(containsString(">" + client.uic() + "</a>")))
                    .andExpect(content().string(not(containsString("#" + client.id() + "<"))));
        }
        mvc.perform(get("/referrals/new").param("client", String.valueOf(client.id())).with(user(peer)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(">" + client.uic() + "</strong>")));
        mvc.perform(get("/encounters/new").param("code", "HOHOM75").with(user(peer)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"HOHOM75\"")))
                .andExpect(content().string(containsString("hx-trigger=\"load, change")));
        mvc.perform(get("/clients/{id}", client.id()).with(user(peer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/encounters/new?code=" + client.uic() + "\"")))
                .andExpect(content().string(containsString("href=\"/referrals/new?client=" + client.id() + "\"")));
        // a foreign client's id on a referral form names nobody
        mvc.perform(get("/referrals/new").param("client", String.valueOf(foreignClient.id())).with(user(peer)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("AWAWM80"))));
    }

    // ---- import

    @Test
    void anImportWritesEverythingOrNothingAndNamesEveryBadRow() throws Exception {
        String site = world.homeSite.name();
        String bad = "date,site,client_uic,service_code,quantity\n"
                + today + "," + site + "," + client.uic() + ",NEEDLES_SYRINGES,10\n"
                + today + "," + site + "," + client.uic() + ",CONDOMS,5\n"
                + today + "," + site + ",NOSUCHCODE,CONDOMS,5\n"
                + today.plusDays(3) + "," + site + ",,CONDOMS,-1\n";
        String job = upload(bad);
        String report = finished(job);
        assertThat((List<Object>) JsonPath.read(report, "$.result.problems[*].line")).containsExactly(4, 5, 5);
        assertThat((List<Object>) JsonPath.read(report, "$.result.problems[*].column"))
                .containsExactly("client_uic", "date", "quantity");
        assertThat(encountersOf(world.home.id())).isZero();

        String good = "uuid,date,site,client_uic,service_code,quantity,result,linked\n"
                + ",\"" + today + "\"," + site + "," + client.uic() + ",NEEDLES_SYRINGES,10,,\n"
                + "," + today + "," + site + "," + client.uic() + ",HIV_TEST,1,POSITIVE,yes\n"
                + "," + today + "," + site + ",,CONDOMS,5,,\n";
        String done = finished(upload(good));
        assertThat((Integer) JsonPath.read(done, "$.result.encounters")).isEqualTo(2);
        assertThat(encountersOf(world.home.id())).isEqualTo(2);
        assertThat((Integer) JsonPath.read(finished(upload(good)), "$.result.encounters"))
                .as("the same file again adds nothing").isZero();
        assertThat(encountersOf(world.home.id())).isEqualTo(2);
        mvc.perform(get("/encounters/import/{job}", job).with(user(world.user(Role.OUTREACH_WORKER))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Nothing was imported")));
    }

    @Test
    void contactDatesMovedByABackgroundImportAreAuditedInTheImportersName() throws Exception {
        String csv = "date,site,client_uic,service_code,quantity\n"
                + today + "," + world.homeSite.name() + "," + client.uic() + ",NEEDLES_SYRINGES,10\n";
        finished(upload(csv));
        List<AuditEvent> contactUpdates = audit.search(ReachUser.system(),
                        new AuditFilter(null, null, null, AuditAction.UPDATE, "client", String.valueOf(client.id()),
                                world.home.id()), 0, 100).events().stream()
                .filter(event -> "contact".equals(event.detail())).toList();
        assertThat(contactUpdates).as("the import runs on a background thread, yet names who imported")
                .isNotEmpty()
                .extracting(AuditEvent::actorUsername)
                .containsOnly(world.user(Role.OUTREACH_WORKER).getUsername());
    }

    @Test
    void theSampleFileDescribesTheFormat() throws Exception {
        java.nio.file.Path sample = java.nio.file.Path.of("docs", "samples", "encounters.csv");
        String header = java.nio.file.Files.readAllLines(sample).get(0);
        assertThat(header.split(",")).contains("uuid", "date", "site", "client_uic", "service_code", "quantity");
    }

    // ---- helpers

    private long createOwnService(String code) throws Exception {
        String created = mvc.perform(post("/api/services").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":\"Hygiene kit\",\"category\":\"BASIC_NEEDS\",\"unit\":\"COUNT\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private long refer(long clientId, LocalDate madeOn) throws Exception {
        String created = mvc.perform(post("/api/referrals").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientId\":" + clientId + ",\"providerType\":\"ART_CLINIC\",\"providerName\":\"Civil Hospital ART\","
                                + "\"madeOn\":\"" + madeOn + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private ResultActions step(long referral, String step, LocalDate date) throws Exception {
        return mvc.perform(post("/api/referrals/{id}/" + step, referral)
                .header("Authorization", "Bearer " + world.token(Role.SITE_MANAGER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"" + date + "\",\"note\":\"seen\"}"));
    }

    private void expectReferralProblem(String body, String field, String code) throws Exception {
        mvc.perform(post("/api/referrals").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='" + field + "')].code").value(code));
    }

    private String upload(String csv) throws Exception {
        String response = mvc.perform(multipart("/api/encounters/import")
                        .file(new MockMultipartFile("file", "encounters.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.jobId");
    }

    private String finished(String job) throws Exception {
        for (int i = 0; i < 200; i++) {
            String body = api(get("/api/jobs/{id}", job), Role.OUTREACH_WORKER).andReturn().getResponse().getContentAsString();
            if (!"RUNNING".equals(JsonPath.read(body, "$.state"))) {
                assertThat((String) JsonPath.read(body, "$.state")).isEqualTo("SUCCEEDED");
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import did not finish");
    }

    private ResultActions api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Role role)
            throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + world.token(role)).header("Accept-Language", "en"));
    }

    private ResultActions record(String body) throws Exception {
        return mvc.perform(post("/api/encounters").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions batch(String... encounters) throws Exception {
        return mvc.perform(post("/api/encounters/batch").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"encounters\":[" + String.join(",", encounters) + "]}"));
    }

    private void expectProblem(String body, String field, String code) throws Exception {
        record(body).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field=='" + field + "')].code").value(code));
    }

    private String problemReason(String body, String field) throws Exception {
        String response = record(body).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        List<String> reasons = JsonPath.read(response, "$.errors[?(@.field=='" + field + "')].reason");
        return reasons.get(0);
    }

    private String encounter(String uuid, Long clientId, String code, int quantity) {
        return json(uuid, today, world.homeSite.id(), clientId, false,
                "[{\"code\":\"" + code + "\",\"quantity\":" + quantity + "}]", null, null, null);
    }

    private static String json(String uuid, LocalDate date, Long siteId, Long clientId, boolean anonymous, String services,
                               Integer returned, Integer grams, String notes) {
        return "{\"uuid\":\"" + uuid + "\",\"date\":\"" + date + "\",\"siteId\":" + siteId + ",\"clientId\":" + clientId
                + ",\"anonymous\":" + anonymous + ",\"services\":" + services + ",\"returnedSyringes\":" + returned
                + ",\"returnedWeightGrams\":" + grams + ",\"notes\":" + (notes == null ? "null" : "\"" + notes + "\"") + "}";
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    private long encountersOf(long organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM encounters WHERE organisation_id = ?").param(organisationId).query(Long.class).single();
    }

    private List<AuditEvent> auditOf(String type, long id, AuditAction action) {
        return audit.search(ReachUser.system(), new AuditFilter(null, null, null, action, type, String.valueOf(id), null), 0, 50)
                .events();
    }

    /** The registry's last contact date of the home client, which encounters and completed referrals move. */
    private LocalDate lastContact() {
        return clients.client(world.user(Role.ORG_MANAGER), client.id()).lastContact();
    }
}
