package org.reach.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientRegistrations;
import org.reach.clients.ClientUpdate;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.organisations.OrganisationDirectory;
import org.reach.outreach.Microplans;
import org.reach.outreach.PeerCaseloads;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A constructed caseload: the first peer is named by the registry for three clients (one of whom died) and assigned
 * two more by follow-up; the second peer is named for one client that follow-up had assigned to the first before the
 * registry named anyone. The registry's peer comes first, the dead no longer count: 4 and 1, both below the norm.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CountingAPeersCaseloadTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired ClientRegistrations registrations;
    @Autowired FollowUp followUp;
    @Autowired PeerCaseloads caseloads;
    @Autowired Microplans microplans;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final AtomicInteger counter = new AtomicInteger(10);
    private ProgrammeFixture world;
    private ReachUser manager;
    private ReachUser peer;
    private ReachUser otherPeer;
    private String prefix;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        manager = world.user(Role.ORG_MANAGER);
        peer = world.user(Role.OUTREACH_WORKER);
        otherPeer = signIn.reload(world.homePeer2.id()).orElseThrow();
        prefix = world.marker.replaceAll("[^A-Za-z]", "").toUpperCase() + "QQQ";
    }

    private Client register(Long peerEducator) {
        int n = counter.incrementAndGet();
        String code = prefix.substring(0, 3) + (char) ('A' + n % 26) + "F" + (10 + n);
        return clients.register(manager, new ClientRegistration(null, code, Gender.FEMALE, 1992, Set.of(), null, null,
                null, world.homeSite.id(), null, peerEducator, today.minusMonths(1), null,
                DuplicateDecision.REJECTED_DIFFERENT, null)).client();
    }

    @Test
    void theRegistrysPeerComesFirstAndTheDeadNoLongerCount() throws Exception {
        register(peer.id());
        register(peer.id());
        Client died = register(peer.id());
        clients.recordDeath(manager, died.id(), today.minusDays(2), null);
        followUp.assign(manager, new PeerAssignmentForm(register(null).id(), null, peer.id()));
        followUp.assign(manager, new PeerAssignmentForm(register(null).id(), null, peer.id()));
        Client renamed = register(null);
        followUp.assign(manager, new PeerAssignmentForm(renamed.id(), null, peer.id()));
        registrations.update(manager, renamed.id(), new ClientUpdate(Gender.FEMALE, 1992, Set.of(), null, null, null,
                world.homeSite.id(), null, otherPeer.id(), today.minusMonths(1), null));
        register(null); // nobody's

        assertThat(caseloads.clientsFollowedBy(peer, peer.id())).hasValue(4);
        assertThat(caseloads.clientsFollowedBy(peer, otherPeer.id())).hasValue(1);
        assertThat(caseloads.clientsFollowedByPeers(manager)).containsEntry(peer.id(), 4).containsEntry(otherPeer.id(), 1)
                .hasSize(2);
        assertThat(caseloads.clientsFollowedBy(signIn.reload(world.foreignPeer.id()).orElseThrow(), peer.id()))
                .as("another organisation sees none of these clients").hasValue(0);

        mvc.perform(get("/api/outreach/my-month").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.caseload").value(4));
        mvc.perform(get("/").with(user(peer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("You follow 4 clients (the norm is 60 to 90)")));
        mvc.perform(get("/outreach/plan").with(user(world.user(Role.SITE_MANAGER)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-peer=\"" + peer.id() + "\"")))
                .andExpect(content().string(containsString("<td class=\"caseload\">4</td>")))
                .andExpect(content().string(containsString("Below the norm")));
    }
}
