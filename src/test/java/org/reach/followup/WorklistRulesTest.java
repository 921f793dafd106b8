package org.reach.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reach.clients.CareStage;
import org.reach.clients.Client;
import org.reach.clients.ClientSettings;
import org.reach.clients.ClientStatus;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.services.ClientService;
import org.reach.services.ProviderType;
import org.reach.services.Referral;
import org.reach.services.ReferralStatus;
import org.reach.services.TestResult;

/**
 * The worklist rules on constructed cases, on a fixed day: each reason with the days either side of its boundary,
 * the statuses that are never due, and the order by risk.
 */
class WorklistRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T06:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static final ClientSettings RULE = ClientSettings.defaults(1); // active 3 months, lost after 9

    private static Client client(long id, LocalDate lastContact, ClientStatus status) {
        return new Client(id, 1, "CODE" + id, Gender.MALE, 1990, Set.of(), null, null, null, 10L, "Graveyard", null,
                LocalDate.of(2024, 1, 1), lastContact, status, CareStage.HARM_REDUCTION);
    }

    private static Client active(long id) {
        return client(id, TODAY.minusDays(2), ClientStatus.ACTIVE);
    }

    private static ClientService oat(long client, LocalDate day, int doseDays) {
        return new ClientService(client, day, "OAT_METHADONE", doseDays, null, null);
    }

    private static List<String> reasons(List<Client> clients, List<ClientService> services, List<Referral> referrals,
                                        List<WorklistRules.Release> releases) {
        List<String> found = new ArrayList<>();
        WorklistRules.reasons(TODAY, clients, RULE, services, referrals, releases)
                .forEach(r -> found.add(r.clientId() + ":" + r.code() + (r.args().isEmpty() ? "" : ":" + r.args().get(0))));
        return found;
    }

    @Test
    void missedOatDosesCountTheUncoveredDaysUpToYesterday() {
        List<Client> clients = List.of(active(1), active(2), active(3), active(4), active(5), active(6), active(7), active(8));
        List<ClientService> given = List.of(
                oat(1, TODAY, 1),                 // covered today: nothing missed
                oat(2, TODAY.minusDays(1), 1),    // covered yesterday: nothing missed yet
                oat(3, TODAY.minusDays(2), 1),    // yesterday missed: 1
                oat(4, TODAY.minusDays(3), 1),    // 2 missed: still the 1-day reason
                oat(5, TODAY.minusDays(4), 1),    // 3 missed
                oat(6, TODAY.minusDays(6), 1),    // 5 missed
                oat(7, TODAY.minusDays(10), 7),   // a week's take-home dose covers up to 4 days ago: 3 missed
                oat(8, TODAY.minusDays(32), 1));  // 31 missed: beyond the window, no longer on OAT here
        assertThat(reasons(clients, given, List.of(), List.of())).containsExactlyInAnyOrder(
                "3:MISSED_OAT_1:1", "4:MISSED_OAT_1:2", "5:MISSED_OAT_3:3", "6:MISSED_OAT_5:5", "7:MISSED_OAT_3:3");
    }

    @Test
    void thirtyMissedDaysAreTheLastOnTheList() {
        assertThat(reasons(List.of(active(1)), List.of(oat(1, TODAY.minusDays(31), 1)), List.of(), List.of()))
                .containsExactly("1:MISSED_OAT_5:30");
    }

    @Test
    void aReleaseIsDueFromItsDayToTheFourteenthDayAfterUnlessSomeoneMadeContact() {
        List<Client> clients = List.of(active(1), active(2), active(3), active(4), active(5));
        List<WorklistRules.Release> releases = List.of(
                new WorklistRules.Release(1, TODAY, false),
                new WorklistRules.Release(2, TODAY.minusDays(14), false),
                new WorklistRules.Release(3, TODAY.minusDays(15), false),
                new WorklistRules.Release(4, TODAY.minusDays(3), true),
                new WorklistRules.Release(5, TODAY.plusDays(1), false));
        assertThat(reasons(clients, List.of(), List.of(), releases)).containsExactlyInAnyOrder(
                "1:RELEASED_FROM_DETENTION:" + TODAY, "2:RELEASED_FROM_DETENTION:" + TODAY.minusDays(14));
    }

    @Test
    void aDefaulterTurningLostWithinFourteenDaysIsDueByTheOrganisationsRule() {
        // lost on the first day whose date minus nine months is after the last contact
        LocalDate lostBoundary = RULE.lostBefore(TODAY);
        Client turnsTomorrow = client(1, lostBoundary, ClientStatus.DEFAULTER);
        Client turnsInFourteen = client(2, lostBoundary.plusDays(13), ClientStatus.DEFAULTER);
        Client turnsInFifteen = client(3, lostBoundary.plusDays(14), ClientStatus.DEFAULTER);
        Client alreadyLost = client(4, lostBoundary.minusDays(1), ClientStatus.LOST_TO_FOLLOW_UP);
        Client lostToday = client(5, lostBoundary.minusDays(1), ClientStatus.DEFAULTER);
        List<String> found = reasons(List.of(turnsTomorrow, turnsInFourteen, turnsInFifteen, alreadyLost, lostToday),
                List.of(), List.of(), List.of());
        assertThat(found).containsExactlyInAnyOrder("1:TURNING_LOST:" + TODAY.plusDays(1),
                "2:TURNING_LOST:" + TODAY.plusDays(14));
    }

    @Test
    void aReferralIsPastDueWhenStillOpenFourteenDaysAfterItWasMade() {
        List<Client> clients = List.of(active(1), active(2), active(3), active(4));
        List<Referral> referrals = List.of(referral(1, TODAY.minusDays(14), ReferralStatus.MADE),
                referral(2, TODAY.minusDays(15), ReferralStatus.ACCEPTED),
                referral(3, TODAY.minusDays(40), ReferralStatus.COMPLETED),
                referral(4, TODAY.minusDays(40), ReferralStatus.FAILED));
        assertThat(reasons(clients, List.of(), referrals, List.of()))
                .containsExactly("2:REFERRAL_PAST_DUE:" + TODAY.minusDays(1));
    }

    @Test
    void aPositiveHivTestIsDueUntilArtIsStartedOrTheTestIsLinked() {
        List<Client> clients = List.of(active(1), active(2), active(3), active(4));
        List<ClientService> given = List.of(
                new ClientService(1, TODAY.minusDays(20), "HIV_TEST", 1, TestResult.POSITIVE, null),
                new ClientService(2, TODAY.minusDays(20), "HIV_TEST", 1, TestResult.POSITIVE, null),
                new ClientService(2, TODAY.minusDays(5), "ART_INITIATION", 1, null, null),
                new ClientService(3, TODAY.minusDays(20), "HIV_TEST", 1, TestResult.POSITIVE, true),
                new ClientService(4, TODAY.minusDays(20), "HIV_TEST", 1, TestResult.NEGATIVE, null));
        assertThat(reasons(clients, given, List.of(), List.of()))
                .containsExactly("1:HIV_NOT_ON_ART:" + TODAY.minusDays(20));
    }

    @Test
    void peopleWhoAreDeceasedTransferredExitedOrHeldAreNeverDue() {
        List<Client> clients = List.of(client(1, TODAY.minusDays(2), ClientStatus.DECEASED),
                client(2, TODAY.minusDays(2), ClientStatus.TRANSFERRED), client(3, TODAY.minusDays(2), ClientStatus.EXITED),
                client(4, TODAY.minusDays(2), ClientStatus.DETAINED));
        List<ClientService> given = List.of(oat(1, TODAY.minusDays(9), 1), oat(2, TODAY.minusDays(9), 1),
                oat(3, TODAY.minusDays(9), 1), oat(4, TODAY.minusDays(9), 1));
        assertThat(reasons(clients, given, List.of(), List.of())).isEmpty();
        DueReason fromElsewhere = new DueReason(1, "RECENT_OVERDOSE", "x", List.of(), TODAY, 95);
        assertThat(WorklistRules.order(clients, List.of(fromElsewhere), Map.of())).isEmpty();
    }

    @Test
    void theListIsOrderedByHighestRiskThenByAllReasonsThenByTheLongestTimeUnseen() {
        Client released = client(1, TODAY.minusDays(1), ClientStatus.ACTIVE);
        Client missedFive = client(2, TODAY.minusDays(6), ClientStatus.ACTIVE);
        Client missedFiveAndReferral = client(3, TODAY.minusDays(6), ClientStatus.ACTIVE);
        Client missedOneLongUnseen = client(4, TODAY.minusDays(60), ClientStatus.ACTIVE);
        Client missedOneSeenLately = client(5, TODAY.minusDays(2), ClientStatus.ACTIVE);
        Client overdose = client(6, TODAY.minusDays(3), ClientStatus.ACTIVE);
        List<Client> clients = List.of(released, missedFive, missedFiveAndReferral, missedOneLongUnseen,
                missedOneSeenLately, overdose);
        List<DueReason> reasons = new ArrayList<>(WorklistRules.reasons(TODAY, clients, RULE,
                List.of(oat(2, TODAY.minusDays(6), 1), oat(3, TODAY.minusDays(6), 1), oat(4, TODAY.minusDays(2), 1),
                        oat(5, TODAY.minusDays(2), 1)),
                List.of(referral(3, TODAY.minusDays(30), ReferralStatus.MADE)),
                List.of(new WorklistRules.Release(1, TODAY.minusDays(1), false))));
        reasons.add(new DueReason(6, "RECENT_OVERDOSE", "safety.reason", List.of(), TODAY.minusDays(2), 95));

        List<WorklistEntry> list = WorklistRules.order(clients, reasons, Map.of(4L, 77L));
        assertThat(list).extracting(e -> e.client().id()).containsExactly(6L, 1L, 3L, 2L, 4L, 5L);
        assertThat(list.get(2).reasons()).extracting(DueReason::code).containsExactly("MISSED_OAT_5", "REFERRAL_PAST_DUE");
        assertThat(list.get(4).peerId()).isEqualTo(77L);
        assertThat(list.get(0).risk()).isEqualTo(95);
    }

    // ---- routine contact

    private static final ContactRhythm DEFAULT_RHYTHM = new ContactRhythm(7, 30);

    private static Client seen(long id, int daysAgo, ClientStatus status, Route route, KeyPopulation... populations) {
        return new Client(id, 1, "CODE" + id, Gender.MALE, 1990, Set.of(populations), null, null, route, 10L, "Graveyard",
                null, LocalDate.of(2024, 1, 1), TODAY.minusDays(daysAgo), status, CareStage.HARM_REDUCTION);
    }

    private static List<String> routine(ContactRhythm rhythm, Client... clients) {
        return WorklistRules.routineContacts(TODAY, List.of(clients), rhythm).stream()
                .map(r -> r.clientId() + ":" + r.code() + ":" + r.args().get(0) + "/" + r.args().get(1) + ":" + r.since()
                        + ":" + r.weight()).toList();
    }

    @Test
    void peopleWhoInjectAreDueOnTheEighthDayWithoutContactAndOthersOnTheThirtyFirst() {
        assertThat(routine(DEFAULT_RHYTHM,
                seen(1, 7, ClientStatus.ACTIVE, Route.INJECTING),
                seen(2, 8, ClientStatus.ACTIVE, Route.INJECTING),
                seen(3, 8, ClientStatus.ACTIVE, Route.SMOKING, KeyPopulation.PEOPLE_WHO_INJECT_DRUGS),
                seen(4, 30, ClientStatus.ACTIVE, Route.SMOKING, KeyPopulation.PEOPLE_WHO_USE_DRUGS_NOT_INJECTING),
                seen(5, 31, ClientStatus.ACTIVE, Route.SMOKING, KeyPopulation.PEOPLE_WHO_USE_DRUGS_NOT_INJECTING),
                seen(6, 29, ClientStatus.DEFAULTER, null),
                seen(7, 31, ClientStatus.DEFAULTER, null)))
                .containsExactlyInAnyOrder(
                        "2:ROUTINE_CONTACT:8/7:" + TODAY + ":20",
                        "3:ROUTINE_CONTACT:8/7:" + TODAY + ":20",
                        "5:ROUTINE_CONTACT:31/30:" + TODAY + ":20",
                        "7:ROUTINE_CONTACT:31/30:" + TODAY + ":20");
    }

    @Test
    void onlyActiveClientsAndDefaultersAreRoutinelyDueLostOnesBelongToTracing() {
        assertThat(routine(DEFAULT_RHYTHM,
                seen(1, 200, ClientStatus.LOST_TO_FOLLOW_UP, Route.INJECTING),
                seen(2, 20, ClientStatus.DETAINED, Route.INJECTING),
                seen(3, 20, ClientStatus.DECEASED, Route.INJECTING),
                seen(4, 20, ClientStatus.TRANSFERRED, Route.INJECTING),
                seen(5, 20, ClientStatus.EXITED, Route.INJECTING))).isEmpty();
        Client detained = seen(6, 20, ClientStatus.DETAINED, Route.INJECTING);
        DueReason routine = new DueReason(6, Reason.ROUTINE_CONTACT.name(), Reason.ROUTINE_CONTACT.messageKey(),
                List.of(20L, 7), TODAY, Reason.ROUTINE_CONTACT.weight());
        assertThat(WorklistRules.order(List.of(detained), List.of(routine), Map.of())).isEmpty();
    }

    @Test
    void anOrganisationsOwnRhythmMovesTheDay() {
        ContactRhythm fortnightly = new ContactRhythm(14, 60);
        assertThat(routine(fortnightly,
                seen(1, 8, ClientStatus.ACTIVE, Route.INJECTING),
                seen(2, 14, ClientStatus.ACTIVE, Route.INJECTING),
                seen(3, 15, ClientStatus.ACTIVE, Route.INJECTING),
                seen(4, 31, ClientStatus.ACTIVE, Route.ORAL),
                seen(5, 61, ClientStatus.ACTIVE, Route.ORAL)))
                .containsExactlyInAnyOrder("3:ROUTINE_CONTACT:15/14:" + TODAY + ":20",
                        "5:ROUTINE_CONTACT:61/60:" + TODAY + ":20");
    }

    @Test
    void aClientDueForOatAndRoutineContactIsListedOnceWithBothReasonsHighestFirst() {
        Client onOat = seen(1, 9, ClientStatus.ACTIVE, Route.INJECTING);
        Client routineOnly = seen(2, 40, ClientStatus.ACTIVE, Route.INJECTING);
        List<Client> clients = List.of(onOat, routineOnly);
        List<DueReason> reasons = new ArrayList<>(WorklistRules.reasons(TODAY, clients, RULE,
                List.of(oat(1, TODAY.minusDays(9), 1)), List.of(), List.of()));
        reasons.addAll(WorklistRules.routineContacts(TODAY, clients, DEFAULT_RHYTHM));

        List<WorklistEntry> list = WorklistRules.order(clients, reasons, Map.of());
        assertThat(list).extracting(e -> e.client().id()).containsExactly(1L, 2L);
        assertThat(list.get(0).reasons()).extracting(DueReason::code).containsExactly("MISSED_OAT_5", "ROUTINE_CONTACT");
        assertThat(list.get(0).risk()).isEqualTo(80);
        assertThat(list.get(1).reasons()).extracting(DueReason::code).containsExactly("ROUTINE_CONTACT");
        assertThat(Reason.ROUTINE_CONTACT.weight()).isLessThan(java.util.Arrays.stream(Reason.values())
                .filter(r -> r != Reason.ROUTINE_CONTACT).mapToInt(Reason::weight).min().orElseThrow());
    }

    private static Referral referral(long client, LocalDate madeOn, ReferralStatus status) {
        return new Referral(client * 100, 1, client, ProviderType.ART_CLINIC, "Clinic", null, madeOn,
                status == ReferralStatus.ACCEPTED ? madeOn.plusDays(1) : null, status.open() ? null : madeOn.plusDays(2),
                null, status, 1);
    }
}
