package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatus;
import org.reach.clients.Drug;
import org.reach.clients.FixedClock;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.ServiceLine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The client list and the indicators read "active" from one rule: with the clock at 15 June and three active months,
 * a client last seen on 15 March is active in both, one last seen on 14 March is a defaulter in both.
 */
@SpringBootTest
@Import(FixedClock.class)
class ActiveMeansWhatTheClientListSaysTest {

    @Autowired ClientRegistry registry;
    @Autowired Encounters encounters;
    @Autowired Indicators indicators;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;

    @Test
    void theBoundaryDayCountsAsActiveOnTheListAndInTheIndicator() {
        ProgrammeFixture world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        LocalDate today = FixedClock.TODAY;
        Client boundary = seenOn(world, peer, "BOBOM80", today.minusMonths(3));
        Client dayBefore = seenOn(world, peer, "DADAM80", today.minusMonths(3).minusDays(1));

        assertThat(registry.client(peer, boundary.id()).status()).isEqualTo(ClientStatus.ACTIVE);
        assertThat(registry.client(peer, dayBefore.id()).status()).isEqualTo(ClientStatus.DEFAULTER);

        ReachUser manager = world.user(Role.ORG_MANAGER);
        Period upToToday = new Period(Period.Type.CUSTOM, today.withDayOfMonth(1), today);
        IndicatorTable active = indicators.table(manager, indicators.scope(manager, null, null, null), "ACTIVE_CLIENTS",
                upToToday, Disaggregation.NONE, true);
        assertThat(active.total().numerator()).as("the client seen on the boundary day, and only that client")
                .isEqualTo("1");
    }

    private Client seenOn(ProgrammeFixture world, ReachUser peer, String code, LocalDate day) {
        Client client = registry.register(peer, new ClientRegistration(null, code, Gender.MALE, 1980,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING, world.homeSite.id(),
                null, null, day.minusMonths(2), null, null, null)).client();
        encounters.record(peer, new EncounterForm(UUID.randomUUID().toString(), day, world.homeSite.id(), null,
                client.id(), null, false, List.of(ServiceLine.of("NEEDLES_SYRINGES", 10)), null, null, null));
        return client;
    }
}
