package org.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Writes that race or repeat answer as if they had come one after the other: twenty people registering one
 * code at once all get that one client, identical batches sent at once are stored once and answered as
 * repeats, and encounter uuids belong to one organisation, so another's reuse reveals nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RacingAndRepeatedWritesTest {

    private static final int THREADS = 20;

    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    private ProgrammeFixture world;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
    }

    private MockHttpServletResponse send(String path, String token, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    /** Runs every call at the same moment from its own thread and returns the answers in order. */
    private static List<MockHttpServletResponse> atOnce(List<Callable<MockHttpServletResponse>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (Callable<MockHttpServletResponse> call : calls) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (Future<MockHttpServletResponse> answer : answers) {
                responses.add(answer.get(120, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Today by the application's clock. */
    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Test
    void twentyRacingRegistrationsOfOneCodeAllGetTheOneClient() throws Exception {
        String body = "{\"code\":\"RACEM91\",\"gender\":\"MALE\",\"birthYear\":1991,\"keyPopulations\":"
                + "[\"PEOPLE_WHO_INJECT_DRUGS\"],\"primaryDrug\":\"HEROIN\",\"route\":\"INJECTING\",\"enrolmentSiteId\":"
                + world.homeSite.id() + ",\"firstContact\":\"" + today() + "\"}";
        String token = world.token(Role.OUTREACH_WORKER);
        List<MockHttpServletResponse> answers = atOnce(IntStream.range(0, THREADS)
                .<Callable<MockHttpServletResponse>>mapToObj(i -> () -> send("/api/clients", token, body)).toList());

        assertThat(answers).extracting(MockHttpServletResponse::getStatus)
                .as("one 201, every other 200 with the existing client").containsOnly(201, 200)
                .filteredOn(s -> s == 201).hasSize(1);
        List<Integer> ids = new ArrayList<>();
        for (MockHttpServletResponse answer : answers) {
            ids.add(JsonPath.read(answer.getContentAsString(), "$.client.id"));
        }
        assertThat(ids.stream().distinct()).hasSize(1);
        // stored with its check character
        assertThat(jdbc.sql("SELECT COUNT(*) FROM clients WHERE organisation_id = ? AND uic = ?")
                .params(world.home.id(), org.reach.clients.uic.UicCodes.withCheckCharacter("RACEM91")).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void identicalBatchesSentAtOnceAreStoredOnceAndAnsweredAsRepeats() throws Exception {
        String batch = IntStream.range(0, 50).mapToObj(i -> "{\"uuid\":\"" + UUID.randomUUID() + "\",\"date\":\"" + today()
                        + "\",\"siteId\":" + world.homeSite.id() + ",\"anonymous\":true,\"services\":[{\"code\":\"CONDOMS\",\"quantity\":"
                        + (i + 1) + "}]}")
                .collect(Collectors.joining(",", "{\"encounters\":[", "]}"));
        String token = world.token(Role.OUTREACH_WORKER);
        List<MockHttpServletResponse> answers = atOnce(IntStream.range(0, THREADS)
                .<Callable<MockHttpServletResponse>>mapToObj(i -> () -> send("/api/encounters/batch", token, batch)).toList());

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(200);
        List<Integer> stored = new ArrayList<>();
        for (MockHttpServletResponse answer : answers) {
            int count = JsonPath.read(answer.getContentAsString(), "$.stored");
            List<?> duplicates = JsonPath.read(answer.getContentAsString(), "$.duplicates");
            assertThat(count + duplicates.size()).isEqualTo(50);
            stored.add(count);
        }
        assertThat(stored.stream().mapToInt(Integer::intValue).sum()).as("each encounter stored by exactly one answer")
                .isEqualTo(50);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM encounters WHERE organisation_id = ?").param(world.home.id())
                .query(Long.class).single()).isEqualTo(50);
    }

    @Test
    void anotherOrganisationsEncounterUuidIsSimplyNewHere() throws Exception {
        String uuid = UUID.randomUUID().toString();
        String foreign = "{\"uuid\":\"" + uuid + "\",\"date\":\"" + today() + "\",\"siteId\":" + world.foreignSite.id()
                + ",\"anonymous\":true,\"services\":[{\"code\":\"CONDOMS\",\"quantity\":5}]}";
        assertThat(send("/api/encounters", world.foreignManagerToken(), foreign).getStatus()).isEqualTo(201);

        String home = "{\"uuid\":\"" + uuid + "\",\"date\":\"" + today() + "\",\"siteId\":" + world.homeSite.id()
                + ",\"anonymous\":true,\"services\":[{\"code\":\"CONDOMS\",\"quantity\":2}]}";
        mvc.perform(post("/api/encounters").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content(home))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.created").value(true));
        mvc.perform(post("/api/encounters/batch").header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"encounters\":[" + home + "]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(0))
                .andExpect(jsonPath("$.duplicates.length()").value(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM encounters WHERE uuid = ?").param(uuid).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aManagerCannotAssignThemselvesToASiteToReadAliases() throws Exception {
        String registered = send("/api/clients", world.token(Role.OUTREACH_WORKER), "{\"code\":\"ALIAM90\",\"gender\":\"MALE\","
                + "\"birthYear\":1990,\"keyPopulations\":[\"PEOPLE_WHO_INJECT_DRUGS\"],\"primaryDrug\":\"HEROIN\",\"route\":"
                + "\"INJECTING\",\"enrolmentSiteId\":" + world.homeSite.id() + ",\"firstContact\":\"" + today()
                + "\",\"alias\":\"Tall one\"}").getContentAsString();
        int client = JsonPath.read(registered, "$.client.id");
        long manager = world.user(Role.ORG_MANAGER).id();
        mvc.perform(put("/api/accounts/{id}", manager).header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Manager\",\"organisationId\":" + world.home.id() + ",\"roles\":[\"ORG_MANAGER\"],"
                                + "\"siteIds\":[" + world.homeSite.id() + "],\"language\":\"en\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("siteIds"))
                .andExpect(jsonPath("$.errors[0].code").value("account.error.ownSites"));
        mvc.perform(get("/api/clients/{id}", client).header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.aliasVisible").value(false))
                .andExpect(jsonPath("$.alias").doesNotExist());
    }
}
