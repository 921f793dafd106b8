package org.reach.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.uic.UicCodes;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Role;
import org.reach.services.ServicesFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A new code carries a check character, so a code typed with one character wrong is known to be mistyped: wherever a
 * peer types a client's code (an encounter, a referral, an outreach session's known clients, an overdose), the answer
 * says to check the code rather than that nobody has it. A well-formed code that simply belongs to nobody, and a
 * code of the old length, still answer "no client has this code".
 */
@SpringBootTest
@AutoConfigureMockMvc
class AMistypedCodeIsNamedAsSuchTest {

    private static final String MISTYPED = "client.error.checkCharacter";

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;

    private ProgrammeFixture world;
    private String code;
    private String mistyped;
    private String nobodys;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        code = ServicesFixture.register(clients, world.user(Role.ORG_MANAGER), "MTMTM85", world.homeSite.id()).uic();
        assertThat(code).hasSize(8);
        // one character of the body changed: the check character no longer fits
        mistyped = "MTMXM85" + code.charAt(7);
        assertThat(UicCodes.withCheckCharacter("MTMXM85")).isNotEqualTo(mistyped);
        nobodys = UicCodes.withCheckCharacter("ZQZQF77");
    }

    @Test
    void anEncounterNamesAMistypedCode() throws Exception {
        String body = """
                {"uuid":"%s","date":"%s","siteId":%d,"clientUic":"%s","anonymous":false,
                 "services":[{"code":"NEEDLES_SYRINGES","quantity":5}]}""";
        refused("/api/encounters", body.formatted(UUID.randomUUID(), today, world.homeSite.id(), mistyped), "clientUic", MISTYPED);
        refused("/api/encounters", body.formatted(UUID.randomUUID(), today, world.homeSite.id(), nobodys), "clientUic",
                "encounter.error.unknownClient");
        refused("/api/encounters", body.formatted(UUID.randomUUID(), today, world.homeSite.id(), "ZQZQF77"), "clientUic",
                "encounter.error.unknownClient");
        // lower case and spaces are the same code: still the check character
        refused("/api/encounters", body.formatted(UUID.randomUUID(), today, world.homeSite.id(),
                mistyped.toLowerCase().substring(0, 4) + " " + mistyped.substring(4)), "clientUic", MISTYPED);
        send("/api/encounters", body.formatted(UUID.randomUUID(), today, world.homeSite.id(), code))
                .andExpect(status().isCreated());
    }

    @Test
    void aReferralAnOutreachSessionAndAnOverdoseNameAMistypedCode() throws Exception {
        refused("/api/referrals", """
                {"uuid":"%s","clientUic":"%s","providerType":"ART_CLINIC","providerName":"Civil Hospital","madeOn":"%s"}"""
                .formatted(UUID.randomUUID(), mistyped, today), "clientUic", MISTYPED);
        refused("/api/outreach/sessions", """
                {"uuid":"%s","siteId":%d,"date":"%s","start":"09:00","end":"10:00",
                 "knownClients":[{"clientCode":"%s","services":[{"code":"PEER_SUPPORT","quantity":1}]}]}"""
                .formatted(UUID.randomUUID(), world.homeSite.id(), today, mistyped), "knownClients[0].clientCode", MISTYPED);
        refused("/api/safety/overdoses", """
                {"uuid":"%s","occurredAt":"%sT10:00","siteId":%d,"clientCode":"%s","naloxoneDoses":0,"outcome":"SURVIVED"}"""
                .formatted(UUID.randomUUID(), today.minusDays(1), world.homeSite.id(), mistyped), "clientCode", MISTYPED);
    }

    private void refused(String path, String body, String field, String reason) throws Exception {
        send(path, body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].code").value(reason));
    }

    private ResultActions send(String path, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(body));
    }
}
