package org.reach.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import org.reach.audit.AuditFilter;
import org.reach.audit.AuditTrail;
import org.reach.clients.uic.UicComponents;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.ProviderType;
import org.reach.services.ReferralForm;
import org.reach.services.Referrals;
import org.reach.services.ServiceLine;
import org.reach.services.ServicesFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A manager merges two records of one person and undoes the merge: the survivor's page shows both histories, the
 * merged code opens the survivor, the merged record leaves lists and counts, and the undo puts every table back
 * exactly as it was. Nobody else merges, nothing crosses organisations, and an undo happens once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MergingDuplicateClientsTest {

    /** Every table that holds a client id, the registry's own included. */
    private static final List<String> TABLES = List.of("clients", "client_key_populations", "client_status_changes",
            "client_stage_changes", "duplicate_decisions", "encounters", "encounter_services", "referrals",
            "followup_peer_assignments", "followup_tracing_attempts", "followup_returns", "followup_detentions",
            "followup_transfers", "followup_moves", "overdose_reports", "deaths", "infection_records",
            "violence_reports", "outreach_session_encounters", "linkage_encodings", "linkage_members",
            "linkage_duplicates");

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry registry;
    @Autowired ClientMerges merges;
    @Autowired Encounters encounters;
    @Autowired Referrals referrals;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private ProgrammeFixture world;
    private ReachUser manager;
    private LocalDate today;

    @BeforeEach
    void world() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        manager = world.user(Role.ORG_MANAGER);
        today = LocalDate.now(clock);
    }

    @Test
    void aMergeShowsBothHistoriesAndItsUndoRestoresEveryTableExactly() throws Exception {
        Client kept = ServicesFixture.register(registry, clock, manager, "MGKPM85", world.homeSite.id());
        Client merged = register("MGKPM86", today.minusMonths(5));
        encounter(kept, today.minusDays(3));
        encounter(kept, today.minusDays(2));
        encounter(merged, today.minusMonths(4));
        referrals.refer(manager, new ReferralForm(merged.id(), null, ProviderType.SHELTER, "Shelter", null,
                today.minusMonths(4)));
        long listedBefore = registry.search(manager, new ClientSearch(null, null, null, null), 0, 100).total();
        Map<String, List<Map<String, Object>>> before = snapshot();

        String created = mvc.perform(post("/api/clients/merges").with(user(manager)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"survivorId\":" + kept.id() + ",\"mergedId\":" + merged.id()
                                + ",\"reason\":\"Same person, card copied wrong\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long mergeId = com.jayway.jsonpath.JsonPath.<Number>read(created, "$.id").longValue();

        List<TimelineEntry> timeline = registry.timeline(manager, kept.id());
        assertThat(timeline.stream().filter(e -> "encounter".equals(e.kind()))).hasSize(3);
        assertThat(timeline.stream().filter(e -> "referral".equals(e.kind()))).hasSize(1);
        assertThat(registry.client(manager, kept.id()).firstContact()).isEqualTo(today.minusMonths(5));
        assertThat(registry.findByUic(manager, merged.uic())).map(Client::id).contains(kept.id());
        assertThat(registry.client(manager, merged.id()).status()).isEqualTo(ClientStatus.MERGED);
        assertThat(registry.search(manager, new ClientSearch(null, null, null, null), 0, 100).total())
                .isEqualTo(listedBefore - 1);
        String mergedPage = mvc.perform(get("/clients/{id}", merged.id()).with(user(manager)))
                .andReturn().getResponse().getContentAsString();
        assertThat(mergedPage).contains("id=\"merged-into\"").contains(kept.uic());
        assertThat(audit.search(ReachUser.system(), new AuditFilter(null, null, null, null, null, null,
                world.home.id()), 0, 50).events())
                .filteredOn(e -> "client_merge".equals(e.entityType()))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains(String.valueOf(kept.id()))
                        .contains(String.valueOf(merged.id())));
        assertThat(snapshot()).isNotEqualTo(before);

        mvc.perform(post("/clients/merges/{id}/undo", mergeId).with(user(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertSameTables(snapshot(), before);
        assertThat(registry.findByUic(manager, merged.uic())).map(Client::id).contains(merged.id());

        mvc.perform(post("/api/clients/merges/{id}/undo", mergeId).with(user(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mergeId"));
        assertSameTables(snapshot(), before);
    }

    @Test
    void onlyTheManagerMergesAndNeverAcrossOrganisations() throws Exception {
        Client one = ServicesFixture.register(registry, clock, manager, "MGONM85", world.homeSite.id());
        Client two = register("MGONM86", today.minusMonths(1));
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        Client foreign = ServicesFixture.register(registry, clock, foreignManager, "MGONM87", world.foreignSite.id());

        for (Role role : List.of(Role.SITE_MANAGER, Role.OUTREACH_WORKER, Role.ME_OFFICER, Role.COORDINATOR,
                Role.ADMIN)) {
            assertThatThrownBy(() -> merges.merge(world.user(role), one.id(), two.id(), "reason"))
                    .as(role.name()).isInstanceOf(Forbidden.class);
        }
        mvc.perform(post("/api/clients/merges").with(user(world.user(Role.SITE_MANAGER))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"survivorId\":" + one.id() + ",\"mergedId\":" + two.id() + ",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        assertThatThrownBy(() -> merges.merge(manager, one.id(), foreign.id(), "reason")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> merges.merge(foreignManager, foreign.id(), one.id(), "reason"))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> merges.merge(manager, one.id(), two.id(), "  "))
                .isInstanceOfSatisfying(InvalidInput.class,
                        invalid -> assertThat(invalid.problems().get(0).field()).isEqualTo("reason"));
        assertThatThrownBy(() -> merges.merge(manager, one.id(), one.id(), "reason")).isInstanceOf(InvalidInput.class);
        assertThat(registry.client(manager, two.id()).status()).isNotEqualTo(ClientStatus.MERGED);

        ClientMerge merge = merges.merge(manager, one.id(), two.id(), "same person");
        assertThatThrownBy(() -> merges.undo(foreignManager, merge.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> merges.undo(world.user(Role.SITE_MANAGER), merge.id())).isInstanceOf(Forbidden.class);
        merges.undo(manager, merge.id());
        assertThatThrownBy(() -> merges.undo(manager, merge.id())).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theReviewListShowsLinkedPairsSideBySideAndThePageMergesThem() throws Exception {
        Client first = registerPerson("Ayesha", "Hussain", "Bilal", "Qureshi");
        Client second = registerPerson("Aisha", "Husain", "Bilal", "Qureshi");
        encounter(second, today.minusDays(1));

        List<DuplicateReview> review = merges.reviewList(manager);
        assertThat(review).anySatisfy(pair -> {
            assertThat(pair.first().clientId()).isEqualTo(first.id());
            assertThat(pair.second().clientId()).isEqualTo(second.id());
            assertThat(pair.second().encounters()).isEqualTo(1);
            assertThat(pair.scorePercent()).isBetween(80, 100);
        });
        String page = mvc.perform(get("/clients/duplicates").with(user(manager)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(first.uic(), second.uic());
        mvc.perform(get("/clients/duplicates").with(user(world.user(Role.OUTREACH_WORKER))))
                .andExpect(status().isForbidden());

        String refused = mvc.perform(post("/clients/merges").with(user(manager)).with(csrf())
                        .param("first", String.valueOf(first.id())).param("second", String.valueOf(second.id()))
                        .param("survivorId", String.valueOf(first.id())).param("reason", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("reason-error");
        String merged = mvc.perform(post("/clients/merges").with(user(manager)).with(csrf())
                        .param("first", String.valueOf(first.id())).param("second", String.valueOf(second.id()))
                        .param("survivorId", String.valueOf(first.id())).param("reason", "Same mother and father"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(merged).startsWith("/clients/duplicates?merged=");
        assertThat(merges.reviewList(manager)).noneMatch(pair -> pair.first().clientId() == first.id()
                && pair.second().clientId() == second.id());
        assertThat(merges.merges(manager)).first().satisfies(m -> {
            assertThat(m.survivorCode()).isEqualTo(first.uic());
            assertThat(m.mergedCode()).isEqualTo(second.uic());
            assertThat(m.reason()).isEqualTo("Same mother and father");
        });
    }

    // ---- helpers

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table + " ORDER BY 1, 2").query().listOfRows()) {
                Map<String, Object> comparable = new LinkedHashMap<>();
                // arrays compare by identity; their contents are what must come back
                row.forEach((column, value) -> comparable.put(column.toLowerCase(java.util.Locale.ROOT),
                        value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value));
                rows.add(comparable);
            }
            tables.put(table, rows);
        }
        return tables;
    }

    private static void assertSameTables(Map<String, List<Map<String, Object>>> after,
                                         Map<String, List<Map<String, Object>>> before) {
        for (String table : TABLES) {
            assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
        }
    }

    private Client register(String code, LocalDate firstContact) {
        return registry.register(manager, new ClientRegistration(null, code, Gender.MALE, 1985,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING, world.homeSite.id(),
                null, null, firstContact, null, DuplicateDecision.REJECTED_DIFFERENT, null)).client();
    }

    private Client registerPerson(String mother, String father, String own, String last) {
        ClientRegistration registration = new ClientRegistration(new UicComponents(mother, father, own, last,
                Gender.FEMALE, 1985, 1, 20, 1), null, Gender.FEMALE, 1985, Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS),
                null, null, null, world.homeSite.id(), null, null, today.minusMonths(1), null,
                DuplicateDecision.REJECTED_DIFFERENT, null);
        return registry.register(manager, registration).client();
    }

    private void encounter(Client client, LocalDate day) {
        encounters.record(manager, new EncounterForm(UUID.randomUUID().toString(), day, world.homeSite.id(), null,
                client.id(), null, false, List.of(ServiceLine.of("CONDOMS", 2)), null, null, null));
    }
}
