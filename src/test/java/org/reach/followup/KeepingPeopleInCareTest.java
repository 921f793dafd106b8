package org.reach.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.AccountForm;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.accounts.TokenRequest;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatus;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.organisations.OpeningStatus;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.organisations.SiteType;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.ServiceLine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Follow-up through its facades, API and pages: tracing brings a client back to active by the registry's own rule,
 * detention survives care in prison and ends at release, the worklist keeps to what the reader follows, a transfer
 * carries only the consented fields, and bad input, scripts and other organisations' ids are refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KeepingPeopleInCareTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;
    @Autowired ClientRegistry clients;
    @Autowired Encounters encounters;
    @Autowired FollowUp followUp;
    @Autowired Tracing tracing;
    @Autowired Detentions detentions;
    @Autowired Transfers transfers;
    @Autowired FollowUpFacts facts;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private ProgrammeFixture world;
    private ReachUser manager;
    private ReachUser peer;
    private Organisation partner;
    private Site partnerSite;
    private ReachUser partnerManager;
    private String partnerToken;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        manager = world.user(Role.ORG_MANAGER);
        peer = world.user(Role.OUTREACH_WORKER);
        String id = UUID.randomUUID().toString().substring(0, 8);
        ReachUser system = ReachUser.system();
        partner = directory.createOrganisation(system, new OrganisationForm("Partner org " + id, "KE", List.of("sw", "en"),
                world.homeProgramme.id()));
        partnerSite = directory.createSite(system, new SiteForm(partner.id(), "Partner site " + id, SiteType.DROP_IN_CENTRE,
                "Old Town", "Mombasa", -4.06, 39.68, OpeningStatus.OPEN));
        long account = accounts.create(system, new AccountForm("partner." + id, "Partner manager", partner.id(), null,
                EnumSet.of(Role.ORG_MANAGER), Set.of(), "en")).account().id();
        accounts.setPasswordBySystem(system, account, ProgrammeFixture.PASSWORD);
        partnerManager = signIn.reload(account).orElseThrow();
        partnerToken = tokens.issue(partnerManager, new TokenRequest("partner", 30)).secret();
    }

    private Client register(String code, long siteId, LocalDate firstContact) {
        return clients.register(manager, new ClientRegistration(null, code, Gender.MALE, 1988,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING, siteId, "Hotspot Lyari",
                null, firstContact, null, null, null)).client();
    }

    private String code() {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        return (letters + "ABCD").substring(0, 4) + "M" + (10 + (int) (Math.random() * 89));
    }

    private String api(String token) {
        return "Bearer " + token;
    }

    // ---- tracing

    @Test
    void aFailedThenASuccessfulTracingAttemptBringsALostClientBackToActive() throws Exception {
        Client lost = register(code(), world.homeSite.id(), today.minusMonths(11));
        assertThat(clients.client(manager, lost.id()).status()).isEqualTo(ClientStatus.LOST_TO_FOLLOW_UP);

        mvc.perform(post("/api/followup/tracing").header("Authorization", api(world.token(Role.OUTREACH_WORKER)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"clientId\":" + lost.id()
                                + ",\"method\":\"HOTSPOT_VISIT\",\"date\":\"" + today.minusDays(3) + "\",\"outcome\":\"NOT_FOUND\"}"))
                .andExpect(status().isCreated());
        assertThat(clients.client(manager, lost.id()).status()).isEqualTo(ClientStatus.LOST_TO_FOLLOW_UP);

        mvc.perform(post("/followup/tracing/new").with(user(peer)).with(csrf()).param("clientId", String.valueOf(lost.id()))
                        .param("method", "THROUGH_PEER").param("date", today.toString()).param("outcome", "FOUND_RETURNED")
                        .param("note", "<script>alert('x')</script>"))
                .andExpect(status().is3xxRedirection());
        assertThat(clients.client(manager, lost.id()).status()).as("the registry's own rule").isEqualTo(ClientStatus.ACTIVE);
        assertThat(clients.client(manager, lost.id()).lastContact()).isEqualTo(today);

        String page = mvc.perform(get("/followup/clients/{id}", lost.id()).with(user(peer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;");

        List<FactRow> rows = facts.load(FactQuery.everything(List.of(world.home.id()), null, today.minusDays(10), today));
        FactRow row = rows.stream().filter(r -> r.clientId() == lost.id()).findFirst().orElseThrow();
        int traced = facts.measures().indexOf("FU_TRACED");
        assertThat(row.values()[traced]).isEqualTo(1);
        assertThat(row.values()[facts.measures().indexOf("FU_RETURNED_30")]).isEqualTo(1);
        assertThat(row.values()[facts.measures().indexOf("FU_LAST_OUTCOME_FOUND_RETURNED")]).isEqualTo(1);
        assertThat(row.values()[facts.measures().indexOf("FU_LAST_OUTCOME_NOT_FOUND")]).isEqualTo(0);
        assertThat(audit.clientAccess(manager, lost.id(), 0, 50).events())
                .anyMatch(e -> "followup_tracing".equals(e.entityType()) && e.action().name().equals("CREATE"));
    }

    @Test
    void aLaterEncounterAfterTracingCountsAsTheReturnToCare() {
        Client lost = register(code(), world.homeSite.id(), today.minusMonths(11));
        tracing.record(peer, new TracingForm(lost.id(), TracingMethod.PHONE, today.minusDays(5), TracingOutcome.NOT_FOUND,
                null, null));
        encounters.record(peer, new EncounterForm(UUID.randomUUID().toString(), today.minusDays(1), world.homeSite.id(),
                null, lost.id(), null, false, List.of(ServiceLine.of("CONDOMS", 2)), null, null, null));
        FactRow row = facts.load(FactQuery.everything(List.of(world.home.id()), null, today.minusDays(10), today)).stream()
                .filter(r -> r.clientId() == lost.id()).findFirst().orElseThrow();
        assertThat(row.values()[facts.measures().indexOf("FU_RETURNED_30")]).isEqualTo(1);
        assertThat(clients.client(manager, lost.id()).status()).isEqualTo(ClientStatus.ACTIVE);
    }

    @Test
    void foundDeceasedRecordsTheDeathAndMovedRecordsTheCity() {
        Client gone = register(code(), world.homeSite.id(), today.minusMonths(6));
        tracing.record(peer, new TracingForm(gone.id(), TracingMethod.FAMILY, today, TracingOutcome.DECEASED, null, null));
        assertThat(clients.client(manager, gone.id()).status()).isEqualTo(ClientStatus.DECEASED);
        assertThatThrownBy(() -> tracing.record(peer, new TracingForm(gone.id(), TracingMethod.FAMILY, today,
                TracingOutcome.NOT_FOUND, null, null))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void badTracingInputIsRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        Client someone = register(code(), world.homeSite.id(), today.minusMonths(6));
        mvc.perform(post("/api/followup/tracing").header("Authorization", api(world.token(Role.OUTREACH_WORKER)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"clientId\":" + someone.id()
                                + ",\"date\":\"" + today.plusDays(1) + "\",\"outcome\":\"MOVED_CITY\",\"movedToCity\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("method", "date", "movedToCity")));
        mvc.perform(post("/api/followup/tracing").header("Authorization", api(world.token(Role.OUTREACH_WORKER)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"clientId\":" + someone.id()
                                + ",\"method\":\"PHONE\",\"date\":\"" + today + "\",\"outcome\":\"NOT_FOUND\",\"note\":\""
                                + "x".repeat(501) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        String form = mvc.perform(post("/followup/tracing/new").with(user(peer)).with(csrf())
                        .param("clientId", String.valueOf(someone.id())).param("date", today.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"method-error\"").contains("id=\"outcome-error\"");
        assertThat(tracing.attempts(manager, someone.id(), null)).isEmpty();
    }

    @Test
    void anotherOrganisationsClientCannotBeTracedDetainedOrRead() throws Exception {
        Client foreign = clients.register(signIn.reload(world.foreignManager.id()).orElseThrow(), new ClientRegistration(null,
                code(), Gender.MALE, 1990, Set.of(), null, null, null, world.foreignSite.id(), null, null,
                today.minusMonths(1), null, null, null)).client();
        assertThatThrownBy(() -> tracing.record(manager, new TracingForm(foreign.id(), TracingMethod.PHONE, today,
                TracingOutcome.NOT_FOUND, null, null))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> detentions.open(manager, new DetentionForm(foreign.id(), FacilityType.PRISON, null, today,
                null, null))).isInstanceOf(InvalidInput.class);
        mvc.perform(get("/followup/clients/{id}", foreign.id()).with(user(manager))).andExpect(status().isNotFound());
        mvc.perform(get("/api/followup/tracing").param("client", String.valueOf(foreign.id()))
                        .header("Authorization", api(world.token(Role.ORG_MANAGER))))
                .andExpect(status().isOk()).andExpect(content().json("[]"));
    }

    // ---- detentions

    @Test
    void inPrisonOpensADetentionThatCareInPrisonDoesNotEndAndReleaseDoes() throws Exception {
        Client held = register(code(), world.homeSite.id(), today.minusMonths(2));
        Site prison = directory.createSite(ReachUser.system(), new SiteForm(world.home.id(), "Prison point " + UUID.randomUUID(),
                SiteType.PRISON_OUTREACH_POINT, "Central", "Karachi", 24.9, 67.05, OpeningStatus.OPEN));
        tracing.record(peer, new TracingForm(held.id(), TracingMethod.THROUGH_PEER, today.minusDays(20),
                TracingOutcome.IN_PRISON, null, null));
        assertThat(clients.client(manager, held.id()).status()).isEqualTo(ClientStatus.DETAINED);
        Detention episode = detentions.list(manager, held.id(), true).get(0);

        encounters.record(manager, new EncounterForm(UUID.randomUUID().toString(), today.minusDays(10), prison.id(), null,
                held.id(), null, false, List.of(ServiceLine.of("OAT_METHADONE", 1)), null, null, null));
        assertThat(clients.client(manager, held.id()).status()).as("care in prison").isEqualTo(ClientStatus.DETAINED);

        mvc.perform(post("/followup/detentions/{id}/release", episode.id()).with(user(peer)).with(csrf())
                        .param("releasedOn", today.minusDays(2).toString()).param("oatInside", "CONTINUED")
                        .param("naloxoneOnRelease", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(clients.client(manager, held.id()).status()).isEqualTo(ClientStatus.ACTIVE);
        Worklist list = followUp.worklist(peer, null);
        assertThat(list.entries()).anySatisfy(e -> {
            assertThat(e.client().id()).isEqualTo(held.id());
            assertThat(e.reasons()).extracting(DueReason::code).contains("RELEASED_FROM_DETENTION");
        });
        String page = mvc.perform(get("/followup").with(user(peer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(held.uic()).contains("data-reason=\"RELEASED_FROM_DETENTION\"");

        encounters.record(peer, new EncounterForm(UUID.randomUUID().toString(), today.minusDays(1), world.homeSite.id(),
                null, held.id(), null, false, List.of(ServiceLine.of("CONDOMS", 2)), null, null, null));
        assertThat(detentions.detention(manager, episode.id()).contactedOn()).isEqualTo(today.minusDays(1));
        assertThat(followUp.worklist(peer, null).entries()).noneMatch(e -> e.client().id() == held.id()
                && e.reasons().stream().anyMatch(r -> r.code().equals("RELEASED_FROM_DETENTION")));

        FactRow row = facts.load(FactQuery.everything(List.of(world.home.id()), null, today.minusDays(30), today)).stream()
                .filter(r -> r.clientId() == held.id()).findFirst().orElseThrow();
        assertThat(row.values()[facts.measures().indexOf("FU_DETAINED")]).isEqualTo(1);
        assertThat(row.values()[facts.measures().indexOf("FU_OAT_CONTINUED")]).isEqualTo(1);
        assertThat(row.values()[facts.measures().indexOf("FU_RELEASED_ON_OAT")]).isEqualTo(1);
        assertThat(row.values()[facts.measures().indexOf("FU_CONTACTED_7")]).isEqualTo(1);
    }

    @Test
    void badDetentionInputIsRefused() throws Exception {
        Client held = register(code(), world.homeSite.id(), today.minusMonths(2));
        mvc.perform(post("/api/followup/detentions").header("Authorization", api(world.token(Role.SITE_MANAGER)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"clientId\":" + held.id()
                                + ",\"facilityName\":\"" + "y".repeat(201) + "\",\"startedOn\":\"" + today
                                + "\",\"expectedRelease\":\"" + today.minusDays(1) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("facilityType",
                        "facilityName", "expectedRelease")));
        assertThat(clients.client(manager, held.id()).status()).isEqualTo(ClientStatus.ACTIVE);
        Detention d = detentions.open(manager, new DetentionForm(held.id(), FacilityType.POLICE_LOCKUP,
                "<script>alert(1)</script>", today.minusDays(3), null, OatInside.NOT_ON_OAT));
        String page = mvc.perform(get("/followup/detentions/{id}", d.id()).with(user(manager))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;");
        assertThatThrownBy(() -> detentions.release(manager, d.id(), new ReleaseForm(today.minusDays(4), OatInside.NOT_ON_OAT,
                null))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> detentions.detention(signIn.reload(world.foreignManager.id()).orElseThrow(), d.id()))
                .isInstanceOf(NotFound.class);
    }

    // ---- worklists and assignments

    @Test
    void aPeerSeesTheirSitesAndAssignedClientsOnlyAndManagersAssignPeers() throws Exception {
        Client here = register(code(), world.homeSite.id(), today.minusMonths(2));
        Client there = register(code(), world.homeOtherSite.id(), today.minusMonths(2));
        Site prison = world.homeSite;
        for (Client c : List.of(here, there)) {
            encounters.record(manager, new EncounterForm(UUID.randomUUID().toString(), today.minusDays(6), prison.id(), null,
                    c.id(), null, false, List.of(ServiceLine.of("OAT_METHADONE", 1)), null, null, null));
        }
        assertThat(followUp.worklist(peer, null).entries()).extracting(e -> e.client().id()).contains(here.id())
                .doesNotContain(there.id());
        assertThat(followUp.worklist(manager, null).entries()).extracting(e -> e.client().id())
                .contains(here.id(), there.id());
        assertThat(followUp.worklist(manager, world.homeOtherSite.id()).entries()).extracting(e -> e.client().id())
                .contains(there.id()).doesNotContain(here.id());

        mvc.perform(post("/api/followup/assignments").header("Authorization", api(world.token(Role.OUTREACH_WORKER)))
                .contentType(MediaType.APPLICATION_JSON).content("{\"clientId\":" + there.id() + ",\"peerId\":" + peer.id() + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/followup/assignments").with(user(manager)).with(csrf()).param("clientCode", there.uic())
                .param("peerId", String.valueOf(peer.id()))).andExpect(status().is3xxRedirection());
        assertThat(followUp.worklist(peer, null).entries()).extracting(e -> e.client().id()).contains(there.id());
        String json = mvc.perform(get("/api/followup/worklist").header("Authorization", api(world.token(Role.OUTREACH_WORKER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("MISSED_OAT_5").contains(there.uic());
        mvc.perform(get("/api/followup/worklist").param("site", String.valueOf(world.foreignSite.id()))
                        .header("Authorization", api(world.token(Role.ORG_MANAGER))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("siteId"));
        String home = mvc.perform(get("/").with(user(world.user(Role.OUTREACH_WORKER)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(home).contains("notice-followup-due");
    }

    // ---- transfers

    private PartnerService partnerDescribesItsSite() {
        return transfers.describe(partnerManager, new PartnerServiceForm(partnerSite.id(), "OAT, NSP, <b>HIV testing</b>",
                "Mon–Fri 9:00–17:00", true, true));
    }

    @Test
    void theReceivingOrganisationSeesOnlyTheConsentedFields() throws Exception {
        Client moving = register(code(), world.homeSite.id(), today.minusMonths(2));
        PartnerService destination = partnerDescribesItsSite();
        assertThat(transfers.directory(manager)).extracting(PartnerService::id).contains(destination.id());
        assertThat(transfers.directory(signIn.reload(world.foreignManager.id()).orElseThrow()))
                .as("another programme's directory").extracting(PartnerService::id).doesNotContain(destination.id());

        mvc.perform(post("/followup/transfers/new").with(user(manager)).with(csrf())
                        .param("clientId", String.valueOf(moving.id())).param("kind", "TRANSFER")
                        .param("partnerServiceId", String.valueOf(destination.id())).param("consent", "true")
                        .param("consentOn", today.toString()).param("shared", "OAT_DOSE").param("oatDoseMg", "60"))
                .andExpect(status().is3xxRedirection());
        long id = transfers.sent(manager, moving.id()).get(0).id();

        String arrivals = mvc.perform(get("/api/followup/arrivals").header("Authorization", api(partnerToken)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(arrivals).contains("\"oatDoseMg\":60").doesNotContain(moving.uic()).doesNotContain("PEOPLE_WHO_INJECT")
                .doesNotContain("Hotspot Lyari").doesNotContain("HEROIN").doesNotContain("1988")
                .doesNotContain("\"clientId\":" + moving.id());
        String page = mvc.perform(get("/followup/arrivals/{id}", id).with(user(partnerManager))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("60 mg").doesNotContain(moving.uic()).doesNotContain("Hotspot Lyari")
                .doesNotContain("shared-key-populations").doesNotContain("shared-code");

        mvc.perform(get("/followup/clients/{id}", moving.id()).with(user(partnerManager))).andExpect(status().isNotFound());
        mvc.perform(get("/followup/arrivals/{id}", id).with(user(manager))).andExpect(status().isNotFound());

        String newCode = code();
        mvc.perform(post("/api/followup/arrivals/{id}/confirm", id).header("Authorization", api(partnerToken))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"arrivedOn\":\"" + today + "\",\"code\":\"" + newCode + "\",\"gender\":\"MALE\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ARRIVED"));
        Client received = clients.findByUic(partnerManager, newCode).orElseThrow();
        assertThat(received.keyPopulations()).as("not consented").isEmpty();
        assertThat(received.birthYear()).isNull();
        assertThat(received.enrolmentHotspot()).isNull();
        assertThat(clients.client(manager, moving.id()).status()).isEqualTo(ClientStatus.TRANSFERRED);
        SentTransfer sent = transfers.sent(manager, moving.id()).get(0);
        assertThat(sent.status()).isEqualTo(TransferStatus.ARRIVED);
        String sentJson = mvc.perform(get("/api/followup/transfers").header("Authorization", api(world.token(Role.ORG_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sentJson).contains("ARRIVED").doesNotContain(newCode).doesNotContain("\"clientId\":" + received.id() + ",");
        assertThat(audit.clientAccess(manager, moving.id(), 0, 50).events())
                .anyMatch(e -> "followup_transfer".equals(e.entityType()) && e.detail().startsWith("arrived"));
        assertThat(audit.clientAccess(partnerManager, received.id(), 0, 50).events())
                .anyMatch(e -> "followup_transfer".equals(e.entityType()));
        mvc.perform(post("/api/followup/arrivals/{id}/no-show", id).header("Authorization", api(partnerToken))
                .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"" + today + "\"}")).andExpect(status().isBadRequest());
    }

    @Test
    void aTransferNeedsConsentAndBoundedWholeDosesAndADestinationOfTheProgramme() throws Exception {
        Client moving = register(code(), world.homeSite.id(), today.minusMonths(2));
        PartnerService destination = partnerDescribesItsSite();
        String token = world.token(Role.ORG_MANAGER);
        for (String dose : List.of("-5", "0", "1001", "60.5", "99999999999", "\"60\"")) {
            mvc.perform(post("/api/followup/transfers").header("Authorization", api(token)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"clientId\":" + moving.id() + ",\"kind\":\"REFERRAL\",\"partnerServiceId\":"
                                    + destination.id() + ",\"consent\":true,\"consentOn\":\"" + today
                                    + "\",\"shared\":[\"OAT_DOSE\"],\"oatDoseMg\":" + dose + "}"))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/api/followup/transfers").header("Authorization", api(token)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientId\":" + moving.id() + ",\"kind\":\"REFERRAL\",\"partnerServiceId\":"
                                + destination.id() + ",\"consent\":false,\"consentOn\":\"" + today + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("consent"));
        PartnerService own = transfers.describe(manager, new PartnerServiceForm(world.homeSite.id(), "NSP", "24h", true, false));
        mvc.perform(post("/api/followup/transfers").header("Authorization", api(token)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientId\":" + moving.id() + ",\"kind\":\"REFERRAL\",\"partnerServiceId\":"
                                + own.id() + ",\"consent\":true,\"consentOn\":\"" + today + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("partnerServiceId"));
        mvc.perform(post("/api/followup/transfers").header("Authorization", api(world.token(Role.OUTREACH_WORKER)))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        assertThat(transfers.sent(manager, moving.id())).isEmpty();
        assertThat(transfers.arrivals(partnerManager)).isEmpty();

        mvc.perform(post("/api/followup/directory").header("Authorization", api(partnerToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"siteId\":" + world.homeSite.id()
                                + ",\"servicesOffered\":\"\",\"openingHours\":\"" + "h".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("siteId", "servicesOffered",
                        "openingHours", "womenWelcome", "nonInjectorsWelcome")));
        String page = mvc.perform(get("/followup/directory").with(user(manager))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("&lt;b&gt;HIV testing&lt;/b&gt;").doesNotContain("<b>HIV testing</b>");
    }

    // ---- flows

    @Test
    void coordinatorsSeeTheFlowsOfTheirProgrammeWithSmallCountsHidden() throws Exception {
        Client moving = register(code(), world.homeSite.id(), today.minusMonths(2));
        tracing.record(peer, new TracingForm(moving.id(), TracingMethod.PHONE, today, TracingOutcome.MOVED_CITY,
                "  lahore ", null));
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        String json = mvc.perform(get("/api/followup/flows").param("year", String.valueOf(today.getYear()))
                        .param("quarter", String.valueOf(quarter)).header("Authorization", api(world.token(Role.COORDINATOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("Karachi").contains("Lahore").contains("<5").doesNotContain(moving.uic());
        mvc.perform(get("/api/followup/flows").param("year", "2026").param("quarter", "5")
                        .header("Authorization", api(world.token(Role.COORDINATOR))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("quarter"));
        mvc.perform(get("/api/followup/flows").param("year", "2026").param("quarter", "1")
                .header("Authorization", api(world.token(Role.ORG_MANAGER)))).andExpect(status().isForbidden());
    }
}
