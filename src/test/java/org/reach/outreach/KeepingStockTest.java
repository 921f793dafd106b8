package org.reach.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Site managers keep their sites' stock: receipts, issues to peers, losses; nothing goes out that is not there, the
 * start page warns before it runs out, and the months it ran out and what sessions handed out reach the indicators.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KeepingStockTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired Stock stock;
    @Autowired OutreachSessions sessions;
    @Autowired OutreachFacts facts;

    private ProgrammeFixture world;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
    }

    private ResultActions move(Role role, String body) throws Exception {
        return mvc.perform(post("/api/outreach/stock/movements").header("Authorization", "Bearer " + world.token(role))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String movement(long site, String item, String kind, String quantity, Long peer, LocalDate date) {
        return "{\"siteId\":" + site + ",\"item\":\"" + item + "\",\"kind\":\"" + kind + "\",\"quantity\":" + quantity
                + ",\"peerId\":" + peer + ",\"date\":\"" + date + "\",\"note\":\"<script>alert(2)</script>\"}";
    }

    @Test
    void issuesComeOutOfWhatIsOnHandAndTheStartPageWarnsBeforeItRunsOut() throws Exception {
        long site = world.homeSite.id();
        long peer = world.user(Role.OUTREACH_WORKER).id();
        move(Role.SITE_MANAGER, movement(site, "SYRINGES_1ML", "RECEIPT", "1000", null, today.minusDays(20)))
                .andExpect(status().isCreated());
        move(Role.SITE_MANAGER, movement(site, "SYRINGES_1ML", "ISSUE", "600", peer, today.minusDays(10)))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/outreach/stock").header("Authorization", "Bearer " + world.token(Role.ME_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.item=='SYRINGES_1ML')].onHand").value(400))
                .andExpect(jsonPath("$[?(@.item=='SYRINGES_1ML')].daysLeft").value(20))
                .andExpect(jsonPath("$[?(@.item=='SYRINGES_1ML')].reorder").value(false));
        ReachUser siteManager = world.user(Role.SITE_MANAGER);
        String id = "notice-reorder-" + site + "-syringes_1ml";
        mvc.perform(get("/").with(user(siteManager))).andExpect(content().string(not(containsString(id))));

        // more than the site holds is refused, and nothing is taken
        move(Role.SITE_MANAGER, movement(site, "SYRINGES_1ML", "ISSUE", "401", peer, today))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("quantity"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("400")));
        // an issue may not be dated back before the stock arrived
        move(Role.SITE_MANAGER, movement(site, "SYRINGES_1ML", "ISSUE", "10", peer, today.minusDays(25)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("quantity"));
        move(Role.SITE_MANAGER, movement(site, "SYRINGES_1ML", "ISSUE", "250", peer, today)).andExpect(status().isCreated());
        // 150 left, 850 out in 30 days: 5 days, under the 14-day threshold
        mvc.perform(get("/").with(user(siteManager))).andExpect(content().string(containsString(id)))
                .andExpect(content().string(containsString("5 days")));
        mvc.perform(get("/").with(user(world.user(Role.OUTREACH_WORKER)))).andExpect(content().string(not(containsString(id))));
        move(Role.SITE_MANAGER, movement(site, "SYRINGES_1ML", "LOSS", "150", null, today)).andExpect(status().isCreated());
        mvc.perform(get("/").with(user(siteManager))).andExpect(content().string(containsString("out of stock")));

        mvc.perform(get("/outreach/stock").with(user(siteManager))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(2)"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(2)")));
    }

    @Test
    void badQuantitiesForeignSitesAndPeersAndOtherRolesAreRefused() throws Exception {
        long site = world.homeSite.id();
        long peer = world.user(Role.OUTREACH_WORKER).id();
        for (String quantity : List.of("-5", "0", "2.5", "100001", "\"ten\"")) {
            move(Role.ORG_MANAGER, movement(site, "CONDOMS", "RECEIPT", quantity, null, today))
                    .andExpect(status().isBadRequest());
        }
        move(Role.ORG_MANAGER, movement(site, "CONDOMS", "RECEIPT", "10", peer, today))
                .andExpect(jsonPath("$.errors[0].field").value("peerId"));
        move(Role.ORG_MANAGER, movement(site, "CONDOMS", "ISSUE", "10", null, today))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("peerId")));
        move(Role.ORG_MANAGER, movement(site, "CONDOMS", "ISSUE", "1", world.foreignPeer.id(), today))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("peerId")));
        move(Role.ORG_MANAGER, movement(world.foreignSite.id(), "CONDOMS", "RECEIPT", "10", null, today))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("siteId"));
        move(Role.SITE_MANAGER, movement(world.homeOtherSite.id(), "CONDOMS", "RECEIPT", "10", null, today))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("siteId"));
        move(Role.ORG_MANAGER, movement(site, "CONDOMS", "RECEIPT", "10", null, today.plusDays(1)))
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        move(Role.OUTREACH_WORKER, movement(site, "CONDOMS", "RECEIPT", "10", null, today)).andExpect(status().isForbidden());
        move(Role.ME_OFFICER, movement(site, "CONDOMS", "RECEIPT", "10", null, today)).andExpect(status().isForbidden());
        move(Role.ADMIN, movement(site, "CONDOMS", "RECEIPT", "10", null, today)).andExpect(status().isForbidden());
        assertThat(stock.levels(world.user(Role.ORG_MANAGER))).isEmpty();

        // the page shows a refused quantity beside its field
        mvc.perform(post("/outreach/stock").with(user(world.user(Role.SITE_MANAGER))).with(csrf())
                        .param("siteId", String.valueOf(site)).param("item", "CONDOMS").param("kind", "RECEIPT")
                        .param("quantity", "-3").param("date", today.toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"quantity-error\"")));
        mvc.perform(post("/outreach/stock").with(user(world.user(Role.SITE_MANAGER))).with(csrf())
                        .param("siteId", String.valueOf(site)).param("item", "CONDOMS").param("kind", "RECEIPT")
                        .param("quantity", "300").param("date", today.toString()))
                .andExpect(redirectedUrl("/outreach/stock?saved"));
        assertThat(stock.levels(world.user(Role.SITE_MANAGER))).singleElement()
                .satisfies(level -> assertThat(level.onHand()).isEqualTo(300));
    }

    /** Twelve issues of 2 racing for 10 kits: five get them, the rest are told what is left, none goes below zero. */
    @Test
    void issuesRacingForTheLastKitsNeverTakeMoreThanIsOnHand() throws Exception {
        ReachUser manager = world.user(Role.ORG_MANAGER);
        long site = world.homeSite.id();
        long peer = world.user(Role.OUTREACH_WORKER).id();
        stock.record(manager, new StockMovementForm(site, StockItem.NALOXONE, MovementKind.RECEIPT, 10, null, today, null));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> issues = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            issues.add(pool.submit(() -> {
                start.await();
                try {
                    stock.record(manager, new StockMovementForm(site, StockItem.NALOXONE, MovementKind.ISSUE, 2, peer,
                            today, null));
                    return true;
                } catch (org.reach.platform.InvalidInput notInStock) {
                    return false;
                }
            }));
        }
        start.countDown();
        int issued = 0;
        for (java.util.concurrent.Future<Boolean> issue : issues) {
            issued += issue.get(60, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(issued).isEqualTo(5);
        assertThat(stock.levels(manager).stream().filter(l -> l.siteId() == site && l.item() == StockItem.NALOXONE)
                .findFirst().orElseThrow().onHand()).isZero();
    }

    @Test
    void stockOutMonthsAndWhatSessionsHandedOutReachTheIndicators() {
        ReachUser manager = world.user(Role.ORG_MANAGER);
        long site = world.homeSite.id();
        LocalDate monthAgo = today.minusMonths(1).withDayOfMonth(1);
        stock.record(manager, new StockMovementForm(site, StockItem.NALOXONE, MovementKind.RECEIPT, 10, null, monthAgo, null));
        stock.record(manager, new StockMovementForm(site, StockItem.NALOXONE, MovementKind.ISSUE, 10,
                world.user(Role.OUTREACH_WORKER).id(), monthAgo.plusDays(3), null)); // empty since: last month and this one
        stock.record(manager, new StockMovementForm(site, StockItem.SYRINGES_3ML, MovementKind.RECEIPT, 100, null, monthAgo,
                null));
        sessions.record(world.user(Role.OUTREACH_WORKER), new OutreachSessionForm(UUID.randomUUID().toString(), site, null, null,
                today, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(11, 0), List.of(),
                List.of(new ContactCount(org.reach.clients.Gender.FEMALE, AgeBand.FROM_18_TO_24, 6),
                        new ContactCount(org.reach.clients.Gender.FEMALE, AgeBand.FROM_25_TO_34, 1),
                        new ContactCount(org.reach.clients.Gender.MALE, AgeBand.FROM_25_TO_34, 4)),
                List.of(), 50, 20, 2, 0, 0, null, null, 0, List.of(), "test"));

        List<FactRow> rows = facts.load(FactQuery.everything(List.of(world.home.id()), null, monthAgo, today));
        long[] sums = new long[OutreachFacts.MEASURES.size()];
        rows.forEach(r -> {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += r.values()[i];
            }
        });
        // the session held at the drop-in centre without a hotspot is a drop-in opening: its 11 people are attendance
        assertThat(sums).containsExactly(11, 50, 20, 2, 0, 2, 2, 0, 11, 0, 0);
        assertThat(rows).filteredOn(r -> "FEMALE".equals(r.gender())).singleElement()
                .satisfies(r -> assertThat(r.values()[0]).isEqualTo(7));
        assertThat(rows).allSatisfy(r -> assertThat(r.clientId()).isNull());
        assertThat(facts.load(new FactQuery(List.of(world.home.id()), null, monthAgo, today, java.util.Set.of(1L), false)))
                .as("nothing here belongs to a client").isEmpty();
        assertThat(facts.load(FactQuery.everything(List.of(world.foreign.id()), null, monthAgo, today))).isEmpty();
    }
}
