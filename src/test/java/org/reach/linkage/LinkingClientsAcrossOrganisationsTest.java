package org.reach.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.accounts.AccountForm;
import org.reach.accounts.Accounts;
import org.reach.accounts.SignIn;
import org.reach.audit.AuditFilter;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.RegistrationOutcome;
import org.reach.clients.uic.UicComponents;
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.organisations.OpeningStatus;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.organisations.Programme;
import org.reach.organisations.ProgrammeForm;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.organisations.SiteType;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.platform.StoredFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Three organisations of one programme (Karachi, Lahore, Mombasa) register the same people the way field work does:
 * each side learns only the other organisation's name, groups span three organisations, a coordinator's run finds
 * what registrations found and counts linked people once, and no answer, page or export carries an encoding or the
 * secret.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LinkingClientsAcrossOrganisationsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ClientRegistry registry;
    @Autowired RecordLinkage linkage;
    @Autowired LinkageFacts facts;
    @Autowired BackgroundJobs jobs;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired StoredFiles files;

    private Organisation karachi;
    private Organisation lahore;
    private Organisation mombasa;
    private Site karachiSite;
    private Site lahoreSite;
    private Site mombasaSite;
    private ReachUser karachiManager;
    private ReachUser lahoreManager;
    private ReachUser mombasaManager;
    private ReachUser coordinator;
    private final List<String> answers = new ArrayList<>();

    @BeforeEach
    void buildProgramme() {
        ReachUser system = ReachUser.system();
        String id = UUID.randomUUID().toString().substring(0, 8);
        Programme programme = directory.createProgramme(system, new ProgrammeForm("Linkage " + id, "linkage test"));
        karachi = directory.createOrganisation(system, new OrganisationForm("Karachi " + id, "PK", List.of("ur"), programme.id()));
        lahore = directory.createOrganisation(system, new OrganisationForm("Lahore <script>alert(1)</script> " + id, "PK",
                List.of("ur"), programme.id()));
        mombasa = directory.createOrganisation(system, new OrganisationForm("Mombasa " + id, "KE", List.of("sw"), programme.id()));
        karachiSite = site(karachi, "Karachi");
        lahoreSite = site(lahore, "Lahore");
        mombasaSite = site(mombasa, "Mombasa");
        karachiManager = account("karachi" + id, karachi.id(), null, Role.ORG_MANAGER);
        lahoreManager = account("lahore" + id, lahore.id(), null, Role.ORG_MANAGER);
        mombasaManager = account("mombasa" + id, mombasa.id(), null, Role.ORG_MANAGER);
        coordinator = account("coord" + id, null, programme.id(), Role.COORDINATOR);
    }

    @Test
    void eachSideLearnsOnlyTheOtherOrganisationsNameAndAPersonCanSpanThree() throws Exception {
        Client inKarachi = register(karachiManager, karachiSite, "Fatima", "Muhammad", "Sana", "Khan", 1989, 7, 5);
        Client inLahore = register(lahoreManager, lahoreSite, "Fatima", "Mohammed", "Sana", "Khan", 1989, 5, 7);
        Client inMombasa = register(mombasaManager, mombasaSite, "Fatma", "Muhammad", "Sana", "Khan", 1990, 7, 5);
        Client stranger = register(mombasaManager, mombasaSite, "Wanjiru", "Otieno", "Achieng", "Omondi", 1995, 3, 12);

        ClientLinks karachiSees = linkage.linksOf(karachiManager, inKarachi.id());
        assertThat(karachiSees.alsoKnownAt()).containsExactlyInAnyOrder(lahore.name(), mombasa.name());
        assertThat(linkage.linksOf(lahoreManager, inLahore.id()).alsoKnownAt())
                .containsExactlyInAnyOrder(karachi.name(), mombasa.name());
        assertThat(linkage.linksOf(mombasaManager, inMombasa.id()).alsoKnownAt())
                .containsExactlyInAnyOrder(karachi.name(), lahore.name());
        assertThat(linkage.linksOf(mombasaManager, stranger.id()).noHint()).isTrue();

        String karachiApi = read(get("/api/linkage/clients/{id}", inKarachi.id()), karachiManager);
        assertThat(karachiApi).contains(mombasa.name()).doesNotContain(inMombasa.uic(), inLahore.uic(),
                "1990");
        String lahorePage = read(get("/clients/{id}", inLahore.id()), lahoreManager);
        assertThat(lahorePage).contains("Probably also known at " + karachi.name()).doesNotContain(inKarachi.uic());
        String mombasaPage = read(get("/linkage"), mombasaManager);
        assertThat(mombasaPage).contains("Lahore &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");

        assertThatThrownBy(() -> linkage.linksOf(karachiManager, inMombasa.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> linkage.linksOf(coordinator, inMombasa.id())).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> linkage.startRun(karachiManager)).isInstanceOf(Forbidden.class);
        assertThat(audit.search(ReachUser.system(), new AuditFilter(null, null, null, null, null, null, karachi.id()), 0, 50)
                .events()).anyMatch(e -> "linkage_group".equals(e.entityType()));
        scanForEncodingsAndSecret();
    }

    @Test
    void aCodeFromTheCodeCardLinksToTheSameCodeElsewhere() throws Exception {
        Client inKarachi = registerCode(karachiManager, karachiSite, "HAYOM95");
        Client inMombasa = registerCode(mombasaManager, mombasaSite, "HAYOM95");
        Client other = registerCode(mombasaManager, mombasaSite, "HAYOF95");

        assertThat(linkage.linksOf(mombasaManager, inMombasa.id()).alsoKnownAt()).containsExactly(karachi.name());
        assertThat(linkage.linksOf(karachiManager, inKarachi.id()).alsoKnownAt()).containsExactly(mombasa.name());
        assertThat(linkage.linksOf(mombasaManager, other.id()).alsoKnownAt()).isEmpty();
        scanForEncodingsAndSecret();
    }

    /**
     * Linkage names partners by the directory's partner rule, which stops at the programme: the same person known in
     * another programme is neither linked nor named, while the partner of the reader's own programme is.
     */
    @Test
    void anotherProgrammesOrganisationIsNeitherLinkedNorNamed() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Programme elsewhere = directory.createProgramme(ReachUser.system(), new ProgrammeForm("Elsewhere " + id, "other"));
        Organisation nairobi = directory.createOrganisation(ReachUser.system(),
                new OrganisationForm("Nairobi " + id, "KE", List.of("sw"), elsewhere.id()));
        ReachUser nairobiManager = account("nairobi" + id, nairobi.id(), null, Role.ORG_MANAGER);
        Client inKarachi = registerCode(karachiManager, karachiSite, "JUMOM88");
        registerCode(mombasaManager, mombasaSite, "JUMOM88");
        Client inNairobi = registerCode(nairobiManager, site(nairobi, "Nairobi"), "JUMOM88");

        assertThat(directory.programmePartners(karachiManager)).extracting(Organisation::id)
                .contains(mombasa.id()).doesNotContain(nairobi.id());
        assertThatThrownBy(() -> directory.programmePartner(karachiManager, nairobi.id())).isInstanceOf(NotFound.class);
        assertThat(linkage.linksOf(karachiManager, inKarachi.id()).alsoKnownAt()).containsExactly(mombasa.name());
        assertThat(linkage.linksOf(nairobiManager, inNairobi.id()).noHint()).isTrue();
        assertThat(read(get("/linkage"), karachiManager)).contains(mombasa.name()).doesNotContain(nairobi.name());
        assertThat(read(get("/linkage"), nairobiManager)).doesNotContain(karachi.name(), mombasa.name());
    }

    @Test
    void aCoordinatorsRunEncodesEarlierClientsFindsTheSameGroupsAndCountsEachPersonOnce() throws Exception {
        Client inKarachi = register(karachiManager, karachiSite, "Ayesha", "Hussain", "Bilal", "Qureshi", 1985, 1, 20);
        Client inLahore = register(lahoreManager, lahoreSite, "Aisha", "Husain", "Bilal", "Qureshi", 1985, 1, 20);
        Client duplicate = register(lahoreManager, lahoreSite, "Aysha", "Husain", "Bilal", "Qureshy", 1985, 1, 20);
        registerCode(karachiManager, karachiSite, "ZAKAM90");
        // A client registered before linkage existed has no encoding until a run makes one from the stored code.
        Client earlier = registerCode(mombasaManager, mombasaSite, "ZAKAM90");
        jdbc.sql("DELETE FROM linkage_encodings WHERE client_id = ?").param(earlier.id()).update();
        jdbc.sql("DELETE FROM linkage_members WHERE programme_id = ?").param(karachi.programmeId()).update();

        String started = read(post("/api/linkage/runs"), coordinator);
        String job = com.jayway.jsonpath.JsonPath.read(started, "$.job");
        BackgroundJobs.JobStatus status = jobs.status(coordinator, job);
        for (int i = 0; i < 200 && !status.finished(); i++) {
            Thread.sleep(50);
            status = jobs.status(coordinator, job);
        }
        assertThat(status.state()).isEqualTo(BackgroundJobs.State.SUCCEEDED);
        answers.add(read(get("/api/jobs/{id}", job), coordinator));

        assertThat(linkage.linksOf(karachiManager, inKarachi.id()).alsoKnownAt()).containsExactly(lahore.name());
        assertThat(linkage.linksOf(mombasaManager, earlier.id()).alsoKnownAt()).containsExactly(karachi.name());
        ClientLinks lahoreSees = linkage.linksOf(lahoreManager, inLahore.id());
        assertThat(lahoreSees.duplicates()).extracting(ClientLinks.PossibleDuplicate::code).containsExactly(duplicate.uic());

        List<LinkageRun> runs = linkage.runs(coordinator);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).encodings()).isEqualTo(5);
        String runsPage = read(get("/linkage"), coordinator);
        assertThat(runsPage).doesNotContain(inKarachi.uic(), "ZAKAM90");

        List<FactRow> rows = facts.load(FactQuery.everything(List.of(karachi.id(), lahore.id(), mombasa.id()), null,
                TODAY.minusDays(30), TODAY));
        assertThat(rows).as("one row per linked person, however many organisations know them").hasSize(2);
        assertThat(rows.stream().mapToLong(r -> r.values()[1]).sum()).as("both moved between cities").isEqualTo(2);
        assertThat(facts.load(FactQuery.everything(List.of(karachi.id()), null, TODAY.minusDays(400),
                TODAY.minusDays(365)))).as("not yet linked a year ago").isEmpty();
        scanForEncodingsAndSecret();
    }

    // ---- the leak scan

    /** Every answer of this test, and the indicator export, must hold no stored encoding and not the secret. */
    private void scanForEncodingsAndSecret() throws Exception {
        answers.add(read(get("/api/linkage/hints"), karachiManager));
        answers.add(read(get("/api/linkage/hints"), mombasaManager));
        answers.add(read(get("/linkage"), karachiManager));
        answers.add(read(get("/api/linkage/runs"), coordinator));
        answers.add(read(get("/linkage"), coordinator));
        List<String> needles = new ArrayList<>();
        for (var row : jdbc.sql("SELECT basic_bits, full_bits FROM linkage_encodings WHERE programme_id = ?")
                .param(karachi.programmeId()).query().listOfRows()) {
            for (Object value : row.values()) {
                if (value instanceof byte[] bytes) {
                    needles.add(Base64.getEncoder().encodeToString(bytes));
                    needles.add(Base64.getEncoder().encodeToString(bytes).substring(0, 24));
                    needles.add(HexFormat.of().formatHex(bytes).substring(0, 32));
                    needles.add(HexFormat.of().withUpperCase().formatHex(bytes).substring(0, 32));
                    needles.add(Long.toString(java.nio.ByteBuffer.wrap(bytes).getLong()));
                }
            }
        }
        assertThat(needles).isNotEmpty();
        Path secret = files.directory("linkage").resolve("secret");
        String key = Files.readString(secret).strip();
        needles.add(key);
        needles.add(HexFormat.of().formatHex(Base64.getDecoder().decode(key)));
        for (String answer : answers) {
            for (String needle : needles) {
                assertThat(answer).doesNotContain(needle);
            }
        }
    }

    // ---- helpers

    private String read(RequestBuilder request, ReachUser as) throws Exception {
        var builder = (org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder) request;
        String body = mvc.perform(builder.with(user(signIn.reload(as.id()).orElseThrow())).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        answers.add(body);
        return body;
    }

    private Client register(ReachUser actor, Site site, String mother, String father, String own, String last, int year,
                            int month, int day) {
        ClientRegistration registration = new ClientRegistration(new UicComponents(mother, father, own, last, Gender.FEMALE,
                year, month, day, 1), null, Gender.FEMALE, year, Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), null,
                null, null, site.id(), null, null, TODAY, null, null, null);
        RegistrationOutcome outcome = registry.register(actor, registration);
        if (outcome.kind() == RegistrationOutcome.Kind.NEEDS_DECISION) {
            outcome = registry.register(actor, new ClientRegistration(registration.components(), null, Gender.FEMALE,
                    year, registration.keyPopulations(), null, null, null, site.id(), null, null, TODAY, null,
                    DuplicateDecision.REJECTED_DIFFERENT, null));
        }
        return outcome.client();
    }

    private Client registerCode(ReachUser actor, Site site, String code) {
        Gender gender = code.charAt(4) == 'F' ? Gender.FEMALE : Gender.MALE;
        ClientRegistration registration = new ClientRegistration(null, code, gender, null,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), null, null, null, site.id(), null, null, TODAY, null,
                null, null);
        RegistrationOutcome outcome = registry.register(actor, registration);
        if (outcome.kind() == RegistrationOutcome.Kind.NEEDS_DECISION) {
            outcome = registry.register(actor, new ClientRegistration(null, code, gender, null,
                    registration.keyPopulations(), null, null, null, site.id(), null, null, TODAY, null,
                    DuplicateDecision.REJECTED_DIFFERENT, null));
        }
        return outcome.client();
    }

    private Site site(Organisation organisation, String city) {
        return directory.createSite(ReachUser.system(), new SiteForm(organisation.id(), city + " drop-in " + organisation.id(),
                SiteType.DROP_IN_CENTRE, "Centre", city, null, null, OpeningStatus.OPEN));
    }

    private ReachUser account(String username, Long organisationId, Long programmeId, Role role) {
        var account = accounts.create(ReachUser.system(), new AccountForm(username, role.name() + " person",
                organisationId, programmeId, EnumSet.of(role), Set.of(), "en")).account();
        accounts.setPasswordBySystem(ReachUser.system(), account.id(), "linkage-password-1");
        return signIn.loadUserByUsername(username);
    }
}
