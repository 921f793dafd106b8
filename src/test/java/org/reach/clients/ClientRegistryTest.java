package org.reach.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.reach.clients.uic.UicCodes;
import org.reach.clients.uic.NearMatch;
import org.reach.clients.uic.UicComponents;
import org.reach.clients.uic.UicScheme;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.FieldProblem;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.platform.RowProblem;
import org.reach.platform.TableReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/** The registry through its public service, on a clock fixed at 15 June 2026. */
@SpringBootTest
@Import(FixedClock.class)
class ClientRegistryTest {

    private static final LocalDate TODAY = FixedClock.TODAY;

    @Autowired ClientRegistry registry;
    @Autowired ClientRegistrations registrations;
    @Autowired RegistrySettings registrySettings;
    @Autowired ClientStatusChanges statusChanges;
    @Autowired ClientImportWork imports;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;
    @Autowired TransactionTemplate transactions;

    private ProgrammeFixture world;
    private ReachUser peer;
    private ReachUser manager;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        peer = world.user(Role.OUTREACH_WORKER);
        manager = world.user(Role.ORG_MANAGER);
    }

    private ClientRegistration byCode(String code, LocalDate firstContact) {
        return new ClientRegistration(null, code, Gender.MALE, 1990, Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS),
                Drug.HEROIN, null, Route.INJECTING, world.homeSite.id(), "Lyari river bank", null, firstContact, null,
                null, null);
    }

    private Client created(ClientRegistration registration) {
        RegistrationOutcome outcome = registry.register(peer, registration);
        assertThat(outcome.kind()).isEqualTo(RegistrationOutcome.Kind.CREATED);
        return outcome.client();
    }

    private void contact(Client client, LocalDate date) {
        transactions.executeWithoutResult(status -> registry.recordContacts(peer, client.organisationId(),
                List.of(new ClientContacted(client.id(), client.organisationId(), date))));
    }

    @Test
    void componentsBuildTheCodeAndAnExactMatchOpensTheExistingClient() {
        UicComponents components = new UicComponents("Zubeyda", "Quorthan", "Imran", "Khan", Gender.MALE, 1990, null, null, null);
        ClientRegistration registration = new ClientRegistration(components, null, null, null,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, Drug.BENZODIAZEPINES, Route.INJECTING,
                world.homeSite.id(), null, world.homePeer2.id(), TODAY.minusDays(3), null, null, null);

        Client client = created(registration);
        assertThat(client.uic()).as("a new code gets its check character").isEqualTo(UicCodes.withCheckCharacter("ZUQUM90"));
        assertThat(client.gender()).isEqualTo(Gender.MALE);
        assertThat(client.birthYear()).isEqualTo(1990);
        assertThat(client.status()).isEqualTo(ClientStatus.ACTIVE);
        assertThat(client.stage()).isEqualTo(CareStage.HARM_REDUCTION);

        RegistrationOutcome again = registry.register(world.user(Role.SITE_MANAGER), registration);
        assertThat(again.kind()).isEqualTo(RegistrationOutcome.Kind.EXISTING);
        assertThat(again.client().id()).isEqualTo(client.id());

        RegistrationOutcome typed = registry.register(peer, byCode(" zuqu-m90 ", TODAY));
        assertThat(typed.kind()).isEqualTo(RegistrationOutcome.Kind.EXISTING);
        assertThat(typed.client().id()).isEqualTo(client.id());
        assertThat(registry.findByUic(manager, "zuqum90")).map(Client::id).contains(client.id());
    }

    @Test
    void aNearMatchNeedsADecisionAndTheDecisionIsRecorded() {
        Client existing = created(byCode("ZUQUM90", TODAY.minusMonths(1)));
        Client swapped = created(byCode("QUZUF85", TODAY.minusMonths(1)));

        RegistrationOutcome oneOff = registry.register(peer, byCode("ZUQUM91", TODAY));
        assertThat(oneOff.kind()).isEqualTo(RegistrationOutcome.Kind.NEEDS_DECISION);
        assertThat(oneOff.code()).isEqualTo(UicCodes.withCheckCharacter("ZUQUM91"));
        assertThat(oneOff.nearMatches()).extracting(NearMatchCandidate::clientId, NearMatchCandidate::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(existing.id(), NearMatch.Kind.ONE_CHARACTER_DIFFERENT));
        assertThat(registry.search(manager, new ClientSearch("ZUQUM91", null, null, null), 0, 10).total()).isZero();

        ClientRegistration confirm = withDecision(byCode("ZUQUM91", TODAY), DuplicateDecision.CONFIRMED_SAME, existing.id());
        RegistrationOutcome same = registry.register(peer, confirm);
        assertThat(same.kind()).isEqualTo(RegistrationOutcome.Kind.EXISTING);
        assertThat(same.client().id()).isEqualTo(existing.id());
        assertThat(registrations.duplicateDecisions(manager, "ZUQUM91")).containsEntry(existing.id(), DuplicateDecision.CONFIRMED_SAME);

        assertThatThrownBy(() -> registry.register(peer,
                withDecision(byCode("ZUQUM91", TODAY), DuplicateDecision.CONFIRMED_SAME, swapped.id())))
                .isInstanceOf(InvalidInput.class);

        RegistrationOutcome parents = registry.register(peer, byCode("ZUQUF85", TODAY));
        assertThat(parents.kind()).isEqualTo(RegistrationOutcome.Kind.NEEDS_DECISION);
        assertThat(parents.nearMatches()).extracting(NearMatchCandidate::kind).contains(NearMatch.Kind.PARENTS_SWAPPED);
        RegistrationOutcome different = registry.register(peer,
                withDecision(byCode("ZUQUF85", TODAY), DuplicateDecision.REJECTED_DIFFERENT, null));
        assertThat(different.kind()).isEqualTo(RegistrationOutcome.Kind.CREATED);
        assertThat(different.client().uic()).isEqualTo(UicCodes.withCheckCharacter("ZUQUF85"));
        assertThat(registrations.duplicateDecisions(manager, "ZUQUF85")).containsEntry(swapped.id(), DuplicateDecision.REJECTED_DIFFERENT);
    }

    private static ClientRegistration withDecision(ClientRegistration r, DuplicateDecision decision, Long sameAs) {
        return new ClientRegistration(r.components(), r.code(), r.gender(), r.birthYear(), r.keyPopulations(),
                r.primaryDrug(), r.secondaryDrug(), r.route(), r.enrolmentSiteId(), r.enrolmentHotspot(),
                r.peerEducatorId(), r.firstContact(), r.alias(), decision, sameAs);
    }

    @Test
    void registrationIsValidatedBeforeAnythingIsWritten() {
        ClientRegistration bad = new ClientRegistration(null, "AB1", null, 1890, Set.of(), Drug.HEROIN, Drug.HEROIN, null,
                world.foreignSite.id(), null, world.foreignPeer.id(), TODAY.plusDays(1), null, null, null);
        assertThatThrownBy(() -> registry.register(peer, bad)).isInstanceOfSatisfying(InvalidInput.class, invalid ->
                assertThat(invalid.problems()).extracting(p -> p.field()).contains("code", "gender", "birthYear",
                        "secondaryDrug", "enrolmentSiteId", "peerEducatorId", "firstContact"));
        ClientRegistration otherSite = new ClientRegistration(null, "KXKXM80", Gender.MALE, 1980, Set.of(), null, null,
                null, world.homeOtherSite.id(), null, null, TODAY, null, null, null);
        assertThatThrownBy(() -> registry.register(peer, otherSite)).isInstanceOf(InvalidInput.class);
        assertThat(registry.findByUic(manager, "KXKXM80")).isEmpty();
    }

    @Test
    void statusFollowsTheLastContactWithTheOrganisationsThresholds() {
        Client three = created(byCode("AAAAM80", TODAY.minusMonths(3)));
        Client four = created(byCode("BBBBM80", TODAY.minusMonths(4)));
        Client nine = created(byCode("CCCCM80", TODAY.minusMonths(9)));
        Client ten = created(byCode("DDDDM80", TODAY.minusMonths(10)));
        assertThat(List.of(three, four, nine, ten)).extracting(c -> registry.client(manager, c.id()).status())
                .containsExactly(ClientStatus.ACTIVE, ClientStatus.DEFAULTER, ClientStatus.DEFAULTER, ClientStatus.LOST_TO_FOLLOW_UP);
        assertThat(registry.search(manager, new ClientSearch(null, ClientStatus.DEFAULTER, null, null), 0, 10).clients())
                .extracting(Client::id).containsExactlyInAnyOrder(four.id(), nine.id());

        registrySettings.updateSettings(manager, new ClientSettingsForm(UicScheme.PARENTS_SEX_YEAR, 4, 6));
        assertThat(List.of(three, four, nine, ten)).extracting(c -> registry.client(manager, c.id()).status())
                .containsExactly(ClientStatus.ACTIVE, ClientStatus.ACTIVE, ClientStatus.LOST_TO_FOLLOW_UP, ClientStatus.LOST_TO_FOLLOW_UP);
        assertThat(registry.search(manager, new ClientSearch(null, ClientStatus.ACTIVE, null, null), 0, 10).clients())
                .extracting(Client::id).containsExactlyInAnyOrder(three.id(), four.id());

        contact(ten, TODAY.minusDays(2));
        Client back = registry.client(manager, ten.id());
        assertThat(back.status()).isEqualTo(ClientStatus.ACTIVE);
        assertThat(back.lastContact()).isEqualTo(TODAY.minusDays(2));
        assertThat(back.firstContact()).isEqualTo(TODAY.minusMonths(10));
    }

    @Test
    void theListCanKeepOnlyClientsNotSeenSinceADay() {
        Client seenToday = created(byCode("EEEEM80", TODAY));
        Client seenAWeekAgo = created(byCode("FFFFM80", TODAY.minusDays(7)));
        Client seenEightDaysAgo = created(byCode("GGGGM80", TODAY.minusDays(8)));
        Client seenLongAgo = created(byCode("HHHHM80", TODAY.minusMonths(5)));
        ClientSearch notSeenForAWeek = new ClientSearch(null, null, null, null, TODAY.minusDays(7));
        assertThat(registry.search(manager, notSeenForAWeek, 0, 10).clients()).extracting(Client::id)
                .containsExactlyInAnyOrder(seenEightDaysAgo.id(), seenLongAgo.id())
                .doesNotContain(seenToday.id(), seenAWeekAgo.id());
        assertThat(registry.search(manager, notSeenForAWeek, 0, 10).total()).isEqualTo(2);
        // with a status, both filters hold
        assertThat(registry.search(manager, new ClientSearch(null, ClientStatus.ACTIVE, null, null, TODAY.minusDays(7)),
                0, 10).clients()).extracting(Client::id).containsExactly(seenEightDaysAgo.id());
    }

    @Test
    void settingsBelongToOrganisationManagersAndTheSchemeLocksOnceThereAreClients() {
        assertThatThrownBy(() -> registrySettings.updateSettings(peer, new ClientSettingsForm(UicScheme.PARENTS_SEX_YEAR, 3, 9)))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> registrySettings.updateSettings(manager, new ClientSettingsForm(UicScheme.PARENTS_SEX_YEAR, 6, 5)))
                .isInstanceOf(InvalidInput.class);
        registrySettings.updateSettings(manager, new ClientSettingsForm(UicScheme.PARENTS_ORDER_BIRTH_DATE, 3, 9));
        Client client = created(new ClientRegistration(new UicComponents("Amina", "Bakari", null, null, Gender.FEMALE,
                1995, 7, 4, 2), null, null, null, Set.of(), null, null, null, world.homeSite.id(), null, null, TODAY, null,
                null, null));
        assertThat(client.uic()).isEqualTo(UicCodes.withCheckCharacter("AMBA0207041995"));
        assertThatThrownBy(() -> registrySettings.updateSettings(manager, new ClientSettingsForm(UicScheme.PARENTS_SEX_YEAR, 3, 9)))
                .isInstanceOfSatisfying(InvalidInput.class, invalid ->
                        assertThat(invalid.problems()).extracting(p -> p.messageKey()).contains("client.error.schemeLocked"));
        assertThat(registrySettings.settings(world.user(Role.ME_OFFICER)).scheme()).isEqualTo(UicScheme.PARENTS_ORDER_BIRTH_DATE);
    }

    @Test
    void recordedStatusesKeepHistoryAContactEndsDetentionAndDeathIsFinal() {
        Client client = created(byCode("EEEEM80", TODAY.minusMonths(6)));
        assertThatThrownBy(() -> registry.changeStatus(peer, client.id(), new StatusChange(ClientStatus.ACTIVE, TODAY, "x")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> registry.changeStatus(peer, client.id(),
                new StatusChange(ClientStatus.DETAINED, TODAY.minusMonths(7), "arrest"))).isInstanceOf(InvalidInput.class);

        Client detained = registry.changeStatus(peer, client.id(), new StatusChange(ClientStatus.DETAINED, TODAY.minusMonths(2), "Arrested"));
        assertThat(detained.status()).isEqualTo(ClientStatus.DETAINED);
        contact(client, TODAY.minusDays(1));
        assertThat(registry.client(manager, client.id()).status()).isEqualTo(ClientStatus.ACTIVE);
        assertThat(registry.statusHistory(manager, client.id())).extracting(e -> e.value())
                .containsExactly("ACTIVE", "DETAINED");

        registry.changeStatus(peer, client.id(), new StatusChange(ClientStatus.DECEASED, TODAY, "Overdose"));
        Client deceased = registry.client(manager, client.id());
        assertThat(deceased.isDeceased()).isTrue();
        assertThatThrownBy(() -> registry.changeStatus(peer, client.id(), new StatusChange(ClientStatus.EXITED, TODAY, "x")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> contact(client, TODAY)).isInstanceOf(InvalidInput.class);
        assertThat(registry.client(manager, client.id()).status()).isEqualTo(ClientStatus.DECEASED);
        assertThat(registry.search(manager, new ClientSearch(null, ClientStatus.DECEASED, null, null), 0, 10).clients())
                .extracting(Client::id).containsExactly(client.id());
    }

    @Test
    void stageMovesAlongTheContinuumWithDatedTransitionsOnTheTimeline() {
        Client client = created(byCode("FFFFM80", TODAY.minusMonths(6)));
        assertThatThrownBy(() -> statusChanges.changeStage(peer, client.id(), new StageChange(CareStage.HARM_REDUCTION, TODAY, null)))
                .isInstanceOf(InvalidInput.class);
        statusChanges.changeStage(peer, client.id(), new StageChange(CareStage.TREATMENT, TODAY.minusMonths(2), "Started OAT"));
        Client stable = statusChanges.changeStage(peer, client.id(), new StageChange(CareStage.LIFE_STABILITY, TODAY, null));
        assertThat(stable.stage()).isEqualTo(CareStage.LIFE_STABILITY);
        registry.changeStatus(peer, client.id(), new StatusChange(ClientStatus.TRANSFERRED, TODAY.minusMonths(1), "Moved to Lahore"));

        List<TimelineEntry> timeline = registry.timeline(manager, client.id());
        assertThat(timeline).extracting(TimelineEntry::messageKey).containsExactly("timeline.stage.LIFE_STABILITY",
                "timeline.status.TRANSFERRED", "timeline.stage.TREATMENT", "timeline.registered");
        assertThat(timeline.get(2).arguments()).containsExactly("Started OAT");
    }

    @Test
    void peerEducatorsAndRecordersAreTheOrganisationsOwnStaffNamedByAccounts() {
        assertThat(registry.peerEducators(manager)).extracting(PeerEducator::id)
                .contains(peer.id(), world.homePeer2.id(), world.user(Role.SITE_MANAGER).id())
                .doesNotContain(manager.id(), world.user(Role.ME_OFFICER).id(), world.foreignPeer.id());
        ClientRegistration foreignPeer = new ClientRegistration(null, "HHHHM80", Gender.MALE, 1980, Set.of(), null, null,
                null, world.homeSite.id(), null, world.foreignPeer.id(), TODAY, null, null, null);
        assertThatThrownBy(() -> registry.register(peer, foreignPeer)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).contains("peerEducatorId"));

        Client client = created(new ClientRegistration(null, "HHHHM80", Gender.MALE, 1980, Set.of(), null, null, null,
                world.homeSite.id(), null, world.homePeer2.id(), TODAY.minusMonths(1), null, null, null));
        assertThat(registry.profile(peer, client.id()).peerEducatorName()).isEqualTo("Second peer");
        statusChanges.changeStage(peer, client.id(), new StageChange(CareStage.TREATMENT, TODAY, null));
        assertThat(registry.stageHistory(manager, client.id())).singleElement()
                .extracting(e -> e.recordedByName()).isEqualTo("OUTREACH_WORKER person");
    }

    @Test
    void theEnrolmentSiteIsNamedToColleaguesNotAssignedToIt() {
        assertThat(peer.isAssignedTo(world.homeOtherSite.id())).isFalse();
        Client client = registry.register(manager, new ClientRegistration(null, "JJJJM80", Gender.MALE, 1980, Set.of(),
                null, null, null, world.homeOtherSite.id(), null, null, TODAY, null, null, null)).client();
        assertThat(registry.profile(peer, client.id()).enrolmentSiteName()).isEqualTo(world.homeOtherSite.name());
        assertThat(registry.timeline(peer, client.id())).filteredOn(e -> "registration".equals(e.kind())).singleElement()
                .extracting(TimelineEntry::arguments).isEqualTo(List.of(world.homeOtherSite.name()));
    }

    @Test
    void theAliasIsShownOnlyToPeopleAssignedToTheEnrolmentSite() {
        ClientRegistration withAlias = new ClientRegistration(null, "GGGGM80", Gender.MALE, 1980, Set.of(), null, null,
                null, world.homeSite.id(), null, null, TODAY, "Chotu", null, null);
        Client client = registry.register(peer, withAlias).client();
        assertThat(registry.profile(peer, client.id()).alias()).isEqualTo("Chotu");
        assertThat(registry.profile(world.user(Role.SITE_MANAGER), client.id()).alias()).isEqualTo("Chotu");
        assertThat(registry.profile(manager, client.id()).alias()).isNull();
        assertThat(registry.profile(world.user(Role.ME_OFFICER), client.id()).aliasVisible()).isFalse();

        ClientRegistration managerAlias = new ClientRegistration(null, "HHHHM80", Gender.MALE, 1980, Set.of(), null, null,
                null, world.homeSite.id(), null, null, TODAY, "Bhai", null, null);
        assertThatThrownBy(() -> registry.register(manager, managerAlias)).isInstanceOf(InvalidInput.class);

        registrations.update(manager, client.id(), ClientUpdate.of(client, null));
        assertThat(registry.profile(peer, client.id()).alias()).as("others cannot clear the alias").isEqualTo("Chotu");
    }

    @Test
    void everyReadAndWriteIsAudited() {
        Client client = created(byCode("JJJJM80", TODAY));
        registry.profile(manager, client.id());
        registry.timeline(manager, client.id());
        registry.search(manager, ClientSearch.everything(), 0, 10);
        statusChanges.changeStage(peer, client.id(), new StageChange(CareStage.TREATMENT, TODAY, null));
        List<AuditEvent> events = audit.search(ReachUser.system(),
                new AuditFilter(null, null, null, null, "client", null, world.home.id()), 0, 100).events();
        assertThat(events).extracting(AuditEvent::action).contains(AuditAction.CREATE, AuditAction.READ, AuditAction.UPDATE);
        assertThat(events.stream().filter(e -> e.action() == AuditAction.READ).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anotherOrganisationsClientsCannotBeSeenAndCoordinatorsSeeNoClients() {
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        Client foreignClient = registry.register(foreignManager, new ClientRegistration(null, "KKKKM80", Gender.MALE, 1980,
                Set.of(), null, null, null, world.foreignSite.id(), world.marker, null, TODAY, null, null, null)).client();
        assertThatThrownBy(() -> registry.client(manager, foreignClient.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> registry.changeStatus(peer, foreignClient.id(),
                new StatusChange(ClientStatus.EXITED, TODAY, "x"))).isInstanceOf(NotFound.class);
        assertThat(registry.findByUic(manager, "KKKKM80")).isEmpty();
        assertThat(registry.search(manager, ClientSearch.everything(), 0, 100).clients())
                .noneMatch(c -> c.id() == foreignClient.id());
        assertThatThrownBy(() -> registry.search(world.user(Role.COORDINATOR), ClientSearch.everything(), 0, 10))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> registry.client(world.user(Role.ADMIN), foreignClient.id())).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> registry.register(world.user(Role.ME_OFFICER), byCode("LLLLM80", TODAY)))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void codesAreLookedUpInOneReadAndOnlyForTheActorsOwnOrganisation() {
        Client first = created(byCode("CCDDM81", TODAY));
        Client second = created(byCode("EEGGF82", TODAY));
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        Client foreignClient = registry.register(foreignManager, new ClientRegistration(null, "HHJJM83", Gender.MALE, 1983,
                Set.of(), null, null, null, world.foreignSite.id(), world.marker, null, TODAY, null, null, null)).client();
        AuditFilter reads = new AuditFilter(null, null, null, AuditAction.READ, "client", null, world.home.id());
        long readsBefore = audit.search(ReachUser.system(), reads, 0, 1000).events().stream()
                .filter(e -> e.detail() != null && e.detail().startsWith("codes of")).count();

        Map<Long, String> codes = registry.codes(manager,
                List.of(first.id(), second.id(), foreignClient.id(), first.id(), Long.MAX_VALUE));

        assertThat(codes).containsExactlyInAnyOrderEntriesOf(Map.of(first.id(), first.uic(), second.id(), second.uic()));
        assertThat(codes).doesNotContainKey(foreignClient.id());
        assertThat(codes.values()).doesNotContain("HHJJM83");
        assertThat(registry.codes(peer, List.of(foreignClient.id()))).as("a foreign client's id answers nothing").isEmpty();
        assertThat(registry.codes(foreignManager, List.of(foreignClient.id(), first.id())))
                .containsOnlyKeys(foreignClient.id());
        long readsAfter = audit.search(ReachUser.system(), reads, 0, 1000).events().stream()
                .filter(e -> e.detail() != null && e.detail().startsWith("codes of")).count();
        assertThat(readsAfter - readsBefore).as("one audit entry per look-up").isEqualTo(2);
        assertThat(registry.codes(manager, List.of())).isEmpty();
        assertThatThrownBy(() -> registry.codes(world.user(Role.COORDINATOR), List.of(first.id())))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void anImportIsAllOrNothingAndNamesEveryBadRow() {
        created(byCode("MMMMM80", TODAY));
        String bad = """
                uic,gender,birth_year,key_populations,primary_drug,secondary_drug,route,enrolment_site,first_contact,status
                NNNNM81,MALE,1981,PEOPLE_WHO_INJECT_DRUGS;SEX_WORKER,HEROIN,,INJECTING,%1$s,2025-01-10,
                MMMMM80,MALE,1980,,HEROIN,,SMOKING,%1$s,2025-01-10,
                NNNNM81,FEMALE,1981,,,,,%1$s,2025-02-01,
                PPPPX82,ROBOT,19x2,FLYING,HEROIN,HEROIN,,Nowhere,2031-01-01,SLEEPING
                """.formatted(world.homeSite.name());
        ImportReport report = importCsv(bad);
        assertThat(report.imported()).isZero();
        assertThat(report.problems()).extracting(RowProblem::line, RowProblem::column).contains(
                org.assertj.core.groups.Tuple.tuple(3, "uic"), org.assertj.core.groups.Tuple.tuple(4, "uic"),
                org.assertj.core.groups.Tuple.tuple(5, "gender"), org.assertj.core.groups.Tuple.tuple(5, "birth_year"),
                org.assertj.core.groups.Tuple.tuple(5, "key_populations"), org.assertj.core.groups.Tuple.tuple(5, "secondary_drug"),
                org.assertj.core.groups.Tuple.tuple(5, "enrolment_site"), org.assertj.core.groups.Tuple.tuple(5, "first_contact"),
                org.assertj.core.groups.Tuple.tuple(5, "status"));
        assertThat(registry.findByUic(manager, "NNNNM81")).isEmpty();

        String good = """
                uic;gender;birth_year;key_populations;primary_drug;secondary_drug;route;enrolment_site;first_contact;status
                NNNNM81;MALE;1981;PEOPLE_WHO_INJECT_DRUGS;HEROIN;;INJECTING;%1$s;2025-01-10;
                QQQQF90;female;1990;people_who_use_drugs_not_injecting;methamphetamine;;smoking;%1$s;2026-05-01;DETAINED
                """.formatted(world.homeSite.name());
        ImportReport done = importCsv(good);
        assertThat(done.problems()).isEmpty();
        assertThat(done.imported()).isEqualTo(2);
        assertThat(registry.findByUic(manager, "QQQQF90")).map(Client::status).contains(ClientStatus.DETAINED);
        assertThat(registry.findByUic(manager, "NNNNM81")).map(Client::status).contains(ClientStatus.LOST_TO_FOLLOW_UP);
    }

    private ImportReport importCsv(String csv) {
        var table = TableReader.read("clients.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        return imports.importClients(world.user(Role.SITE_MANAGER), table, new BackgroundJobs.Progress() {
            @Override
            public void total(long total) {
            }

            @Override
            public void advance(long done) {
            }
        });
    }

    private Client enrolled(String code, Gender gender, int birthYear, Set<KeyPopulation> populations, Route route,
                            String hotspot, LocalDate firstContact) {
        return created(new ClientRegistration(null, code, gender, birthYear, populations, Drug.HEROIN, null, route,
                world.homeSite.id(), hotspot, null, firstContact, null, null, null));
    }

    @Test
    void reachByHotspotCountsClientsContactedInThePeriodPerNormalisedHotspotAndSubgroup() {
        LocalDate from = TODAY.minusDays(90);
        LocalDate to = TODAY.minusDays(30);
        int year = to.getYear();
        int young = year - 20;    // 20 at the end of the period: youth
        int twentyFive = year - 25; // 25 in the year the period ends: not youth
        // counted at "Empress Market", spelled three ways
        Client injects = enrolled("ABCDM90", Gender.MALE, 1990, Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS),
                Route.INJECTING, "Empress Market", TODAY.minusDays(200));
        contact(injects, TODAY.minusDays(60));           // first contact before, last contact inside the period
        enrolled("EFGHF" + String.format("%02d", young % 100), Gender.FEMALE, young, Set.of(), Route.SMOKING, " empress  márket ",
                TODAY.minusDays(80));                     // registered inside the period
        Client transWoman = enrolled("QRSTT" + String.format("%02d", twentyFive % 100), Gender.TRANSGENDER_WOMAN, twentyFive, Set.of(), null,
                "EMPRESS MARKET", TODAY.minusDays(120));
        contact(transWoman, TODAY.minusDays(10));        // contacted before and after: the span covers the period
        // not counted: contacted only after the period, or only before it
        enrolled("IJKLT99", Gender.TRANSGENDER_WOMAN, 1999, Set.of(KeyPopulation.TRANSGENDER_PERSON), null,
                "Empress Market", TODAY.minusDays(20));
        Client before = enrolled("MNOPM85", Gender.MALE, 1985, Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Route.ORAL,
                "Empress Market", TODAY.minusDays(300));
        contact(before, TODAY.minusDays(91));
        // another hotspot, and a client without one
        enrolled("UVWXM95", Gender.MALE, 1995, Set.of(KeyPopulation.PEOPLE_WHO_USE_DRUGS_NOT_INJECTING), null,
                "Lyari river bank", TODAY.minusDays(45));
        enrolled("YZEAM96", Gender.MALE, 1996, Set.of(), Route.INJECTING, null, TODAY.minusDays(45));
        // another organisation's client at the same place is never counted
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        registry.register(foreignManager, new ClientRegistration(null, "HIJKF90", Gender.FEMALE, 1990,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), null, null, Route.INJECTING, world.foreignSite.id(),
                "Empress Market", null, TODAY.minusDays(50), null, null, null));

        List<HotspotReach> reach = registry.reachByHotspot(world.user(Role.OUTREACH_WORKER), world.home.id(), from, to);

        assertThat(reach).hasSize(2);
        HotspotReach market = reach.stream().filter(r -> HotspotReach.normalise(r.hotspot()).equals("empressmarket"))
                .findFirst().orElseThrow();
        // total 3; injecting 1; non-injecting 1 (the smoker; the trans woman's route is unknown); women 2 (female
        // and transgender woman); youth 1; transgender 1
        assertThat(market).extracting(HotspotReach::total, HotspotReach::injecting, HotspotReach::nonInjecting,
                HotspotReach::women, HotspotReach::youth, HotspotReach::transgender).containsExactly(3, 1, 1, 2, 1, 1);
        HotspotReach lyari = reach.stream().filter(r -> r.hotspot().equals("Lyari river bank")).findFirst().orElseThrow();
        assertThat(lyari).extracting(HotspotReach::total, HotspotReach::injecting, HotspotReach::nonInjecting,
                HotspotReach::women, HotspotReach::youth, HotspotReach::transgender).containsExactly(1, 0, 1, 0, 0, 0);

        // a coordinator of the programme reads the same aggregates; the read is audited once, without client ids
        assertThat(registry.reachByHotspot(world.user(Role.COORDINATOR), world.home.id(), from, to)).isEqualTo(reach);
        List<AuditEvent> reads = audit.search(ReachUser.system(),
                new AuditFilter(null, null, null, null, "client", null, world.home.id()), 0, 100).events().stream()
                .filter(e -> e.action() == AuditAction.READ).toList();
        assertThat(reads).hasSize(2).allSatisfy(e -> assertThat(e.entityId()).isNull());
        // the other organisation sees only its own client at the same place
        assertThat(registry.reachByHotspot(foreignManager, world.foreign.id(), from, to))
                .singleElement().extracting(HotspotReach::total, HotspotReach::injecting).containsExactly(1, 1);
    }

    @Test
    void reachByHotspotIsRefusedToOtherOrganisationsAndForeignCoordinators() {
        enrolled("ABCDM90", Gender.MALE, 1990, Set.of(), Route.INJECTING, "Empress Market", TODAY.minusDays(5));
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        assertThatThrownBy(() -> registry.reachByHotspot(foreignManager, world.home.id(), TODAY.minusDays(30), TODAY))
                .isInstanceOf(Forbidden.class);
        // the home programme's coordinator does not coordinate the foreign programme
        assertThatThrownBy(() -> registry.reachByHotspot(world.user(Role.COORDINATOR), world.foreign.id(),
                TODAY.minusDays(30), TODAY)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> registry.reachByHotspot(manager, world.home.id(), TODAY, TODAY.minusDays(1)))
                .isInstanceOf(InvalidInput.class);
    }
}
