package org.reach.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.IndicatorRow;
import org.reach.indicators.IndicatorScope;
import org.reach.indicators.IndicatorTable;
import org.reach.indicators.Indicators;
import org.reach.indicators.Period;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.NavigationContributor;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.platform.StartPageNotice;
import org.reach.rar.RapidAssessments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Safety's indicators through the indicators facade: mortality per 1,000 client-years on a case worked out by hand
 * (person-time from enrolment or period start to death, exit or period end), all causes and by cause group; overdoses
 * witnessed and reversed, the share with naloxone; and the cluster alert on the start page of those who must hear.
 */
@SpringBootTest
class MortalityAndOverdoseIndicatorsTest {

    /** 1 January to 31 March 2025: 90 days, long past, so it is counted whole. */
    private static final Period Q1 = Period.quarter(2025, 1);

    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired RapidAssessments rar;
    @Autowired Overdoses overdoses;
    @Autowired Deaths deaths;
    @Autowired Indicators indicators;
    @Autowired List<NavigationContributor> contributors;

    private ProgrammeFixture world;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
    }

    @Test
    void mortalityPerThousandClientYearsMatchesACaseWorkedOutByHand() {
        ReachUser manager = world.user(Role.ORG_MANAGER);
        // alive throughout the quarter: 90 days
        register(manager, "AAAAM80", LocalDate.of(2024, 6, 1));
        // enrolled on 1 March: 31 days
        register(manager, "BBBBF85", LocalDate.of(2025, 3, 1));
        // died of an overdose on 10 January: 10 days, the day of death included
        Client overdose = register(manager, "CCCCM75", LocalDate.of(2024, 1, 1));
        deaths.record(manager, new DeathForm(overdose.id(), null, LocalDate.of(2025, 1, 10), null, "OVERDOSE", "PEER",
                null, null, null, null, null, null));
        // enrolled 1 February, died of TB on 15 February: 15 days
        Client tb = register(manager, "DDDDM70", LocalDate.of(2025, 2, 1));
        deaths.record(manager, new DeathForm(tb.id(), null, LocalDate.of(2025, 2, 15), null, "TB", "HOSPITAL", null,
                null, null, null, null, null));
        // died after the quarter: 90 days at risk in it, no death in it
        Client later = register(manager, "EEEEM70", LocalDate.of(2024, 1, 1));
        deaths.record(manager, new DeathForm(later.id(), null, LocalDate.of(2025, 5, 1), null, "VIOLENCE", "POLICE",
                null, null, null, null, null, null));

        IndicatorScope scope = indicators.scope(manager, null, null, null);
        long personDays = 90 + 31 + 10 + 15 + 90;
        double perThousandYears = 1000 / (personDays / 365.25);
        IndicatorRow all = total(manager, scope, "MORTALITY_ALL_CAUSES");
        assertThat(all.numerator()).isEqualTo("2");
        assertThat(all.value()).isCloseTo(2 * perThousandYears, offset(0.05));
        assertThat(total(manager, scope, "MORTALITY_OVERDOSE").value()).isCloseTo(perThousandYears, offset(0.05));
        assertThat(total(manager, scope, "MORTALITY_TB").value()).isCloseTo(perThousandYears, offset(0.05));
        assertThat(total(manager, scope, "MORTALITY_VIOLENCE").numerator()).isEqualTo("0");
        assertThat(perThousandYears).isCloseTo(1547.7, offset(0.05));
    }

    @Test
    void overdosesWitnessedReversedAndTheShareWithNaloxoneAreCountedAtTheirPlace() {
        new SafetyFixture(world, signIn, clients, rar, overdoses, deaths);
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        LocalDateTime day = LocalDateTime.of(2025, 2, 10, 21, 0);
        record(peer, SafetyFixture.HOTSPOT, day, 1, "SURVIVED");
        record(peer, SafetyFixture.HOTSPOT, day.plusDays(20), 2, "HOSPITALISED");
        record(peer, SafetyFixture.OTHER_HOTSPOT, day.plusDays(30), 0, "SURVIVED");
        record(peer, SafetyFixture.OTHER_HOTSPOT, day.plusDays(31), 3, "DIED");
        ReachUser manager = world.user(Role.ORG_MANAGER);
        IndicatorScope scope = indicators.scope(manager, null, null, null);
        assertThat(total(manager, scope, "OVERDOSES_WITNESSED").numerator()).isEqualTo("4");
        assertThat(total(manager, scope, "OVERDOSES_REVERSED").numerator()).isEqualTo("2");
        IndicatorRow share = total(manager, scope, "OVERDOSE_NALOXONE_SHARE");
        assertThat(share.numerator()).isEqualTo("3");
        assertThat(share.value()).isCloseTo(75.0, offset(0.01));
        IndicatorTable byHotspot = indicators.table(manager, scope, "OVERDOSES_WITNESSED", Q1, Disaggregation.HOTSPOT, true);
        assertThat(byHotspot.rows()).anyMatch(r -> r.category().equals(SafetyFixture.HOTSPOT) && r.numerator().equals("2"));
        // a coordinator sees the programme's figure with small counts suppressed
        ReachUser coordinator = world.user(Role.COORDINATOR);
        IndicatorScope programme = indicators.scope(coordinator, null, world.homeProgramme.id(), null);
        assertThat(indicators.table(coordinator, programme, "OVERDOSES_WITNESSED", Q1, Disaggregation.NONE, false)
                .total().numerator()).isEqualTo("<5");
    }

    @Test
    void aClusterAlertsTheOrganisationsManagersAndTheSiteManagerOfItsSiteOnly() {
        new SafetyFixture(world, signIn, clients, rar, overdoses, deaths); // one report at the hotspot, 30 hours ago
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        record(peer, SafetyFixture.HOTSPOT, SafetyFixture.hoursAgo(20), 1, "SURVIVED");
        assertThat(notices(world.user(Role.ORG_MANAGER))).noneMatch(n -> n.id().startsWith("overdose-cluster-"));
        record(peer, SafetyFixture.HOTSPOT, SafetyFixture.hoursAgo(2), 1, "SURVIVED");
        for (Role role : List.of(Role.ORG_MANAGER, Role.SITE_MANAGER)) {
            assertThat(notices(world.user(role))).as(role.name())
                    .anyMatch(n -> n.id().startsWith("overdose-cluster-") && n.urgent() && n.args().contains(SafetyFixture.HOTSPOT));
        }
        for (Role role : List.of(Role.OUTREACH_WORKER, Role.ADMIN, Role.COORDINATOR)) {
            assertThat(notices(world.user(role))).as(role.name()).noneMatch(n -> n.id().startsWith("overdose-cluster-"));
        }
        // the foreign organisation's managers hear nothing of it
        assertThat(notices(signIn.reload(world.foreignManager.id()).orElseThrow()))
                .noneMatch(n -> n.id().startsWith("overdose-cluster-"));
        // the peer is reminded of the follow-ups
        assertThat(notices(peer)).anyMatch(n -> n.id().equals("overdose-follow-ups") && !n.urgent());
    }

    private List<StartPageNotice> notices(ReachUser person) {
        return contributors.stream().flatMap(c -> c.notices(person).stream()).toList();
    }

    private void record(ReachUser peer, String hotspot, LocalDateTime at, int doses, String outcome) {
        overdoses.record(peer, new OverdoseForm(UUID.randomUUID().toString(), at, world.homeSite.id(), hotspot, null, null,
                null, null, null, "MALE", null, List.of("HEROIN"), List.of(), doses, doses > 0 ? List.of("PEER") : List.of(),
                true, null, List.of(), outcome, null));
    }

    private IndicatorRow total(ReachUser actor, IndicatorScope scope, String code) {
        return indicators.table(actor, scope, code, Q1, Disaggregation.NONE, true).total();
    }

    private Client register(ReachUser actor, String code, LocalDate firstContact) {
        return clients.register(actor, new ClientRegistration(null, code, Gender.MALE, 1985,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING, world.homeSite.id(),
                null, null, firstContact, null, DuplicateDecision.REJECTED_DIFFERENT, null)).client();
    }
}
