package org.reach.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.AccountForm;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditEvent;
import org.reach.audit.AuditFilter;
import org.reach.audit.AuditTrail;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class StrengtheningPartnersTest {

    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;
    @Autowired AssessmentFramework framework;
    @Autowired PartnerAssessments assessments;
    @Autowired Twinnings twinnings;
    @Autowired ActionPlans actions;

    private ProgrammeFixture world;
    private Organisation second;
    private ReachUser coordinator;
    private ReachUser manager;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        second = directory.createOrganisation(ReachUser.system(), new OrganisationForm(
                "Second partner " + UUID.randomUUID().toString().substring(0, 8), "KE", List.of("sw"), world.homeProgramme.id()));
        coordinator = world.user(Role.COORDINATOR);
        manager = world.user(Role.ORG_MANAGER);
    }

    private Assessment assess(Organisation organisation, List<Long> assessors) {
        return assessments.create(coordinator, new AssessmentForm(organisation.id(), AssessmentKind.BASELINE,
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 11), "Drop-in centre", assessors, "Tariq Zafar (Nai Zindagi)"));
    }

    private void score(ReachUser assessor, Assessment assessment, ToIntFunction<Question> scoring) {
        List<ScoreEntry> entries = new ArrayList<>();
        framework.version(assessment.frameworkId()).questions()
                .forEach(q -> entries.add(new ScoreEntry(q.id(), scoring.applyAsInt(q), "seen " + q.code())));
        assessments.saveMyScores(assessor, assessment.id(), new ScoresForm(entries));
    }

    /** Scores every question of one domain {@code domainScore} and every other question {@code rest}, then finalises. */
    private Assessment finalised(Organisation organisation, String domain, int domainScore, int rest) {
        Assessment assessment = assess(organisation, List.of());
        Framework used = framework.version(assessment.frameworkId());
        score(coordinator, assessment, q -> used.domains().stream().filter(d -> d.id() == q.domainId()).findFirst()
                .orElseThrow().code().equals(domain) ? domainScore : rest);
        assessments.finalise(coordinator, assessment.id());
        return assessment;
    }

    @Test
    void assessorsAreTheProgrammesActiveCoordinatorsAndManagersNamedWithTheirOrganisation() {
        ReachUser outsider = signIn.reload(world.foreignManager.id()).orElseThrow();
        List<Assessor> candidates = assessments.assessorCandidates(coordinator, second.id());
        assertThat(candidates).extracting(Assessor::userId).contains(coordinator.id(), manager.id())
                .doesNotContain(world.user(Role.OUTREACH_WORKER).id(), outsider.id());
        assertThat(candidates).filteredOn(a -> a.userId() == manager.id()).singleElement()
                .extracting(Assessor::name, Assessor::organisation).containsExactly("ORG_MANAGER person", world.home.name());
        assertThat(candidates).filteredOn(a -> a.userId() == coordinator.id()).singleElement()
                .extracting(Assessor::organisation).isNull();
        accounts.setActive(ReachUser.system(), manager.id(), false);
        assertThat(assessments.assessorCandidates(coordinator, second.id())).extracting(Assessor::userId)
                .doesNotContain(manager.id());
        assertThatThrownBy(() -> assessments.assessorCandidates(manager, second.id()))
                .isInstanceOfAny(Forbidden.class, NotFound.class);
    }

    @Test
    void disagreementIsFlaggedAndMustBeSettledBeforeFinalising() {
        Assessment assessment = assess(second, List.of(manager.id()));
        Framework used = framework.version(assessment.frameworkId());
        Question wide = used.questions().get(0);
        Question narrow = used.questions().get(1);
        score(coordinator, assessment, q -> 3);
        score(manager, assessment, q -> q.id() == wide.id() ? 1 : q.id() == narrow.id() ? 4 : 3);

        AssessmentResult result = assessments.result(coordinator, assessment.id());
        QuestionResult first = result.questionsByDomain().get(used.domains().get(0).code()).get(0);
        QuestionResult secondQuestion = result.questionsByDomain().get(used.domains().get(0).code()).get(1);
        assertThat(first.scores()).hasSize(2);
        assertThat(first.wideSpread()).isTrue();
        assertThat(first.consensus()).isNull();
        assertThat(secondQuestion.disagreement()).isTrue();
        assertThat(secondQuestion.wideSpread()).isFalse();
        assertThat(result.unresolved()).isEqualTo(2);
        assertThat(result.domainScores().get(1).score()).as("agreed scores are the consensus").isEqualTo(3.0);

        assertThatThrownBy(() -> assessments.finalise(coordinator, assessment.id()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.field()).isEqualTo("consensus")));
        assertThatThrownBy(() -> assessments.settleConsensus(manager, assessment.id(),
                new ScoresForm(List.of(new ScoreEntry(wide.id(), 2, null))))).isInstanceOf(Forbidden.class);

        assessments.settleConsensus(coordinator, assessment.id(), new ScoresForm(List.of(
                new ScoreEntry(wide.id(), 2, "agreed after discussion"), new ScoreEntry(narrow.id(), 4, null))));
        AssessmentResult settled = assessments.finalise(coordinator, assessment.id());

        assertThat(settled.assessment().status()).isEqualTo(AssessmentStatus.FINALISED);
        int questionsInFirstDomain = used.domains().get(0).questions().size();
        double expected = (2 + 4 + 3.0 * (questionsInFirstDomain - 2)) / questionsInFirstDomain;
        assertThat(settled.domainScores().get(0).score()).isEqualTo(expected);
        assertThatThrownBy(() -> score(manager, assessment, q -> 2))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.field()).isEqualTo("status")));
    }

    @Test
    void anOldAssessmentKeepsTheFrameworkVersionItWasScoredOn() {
        Assessment before = assess(second, List.of());
        Framework old = framework.version(before.frameworkId());
        Question question = old.questions().get(0);
        assertThatThrownBy(() -> framework.updateQuestion(ReachUser.system(), question.id(),
                new QuestionForm("changed", "a", "b", "c", "d"))).isInstanceOf(InvalidInput.class);

        Framework draft = framework.draft(coordinator);
        assertThat(draft.version()).isGreaterThan(old.version());
        Question copy = draft.questions().get(0);
        String newText = "Board oversight, version " + draft.version();
        framework.updateQuestion(coordinator, copy.id(), new QuestionForm(newText, "none", "some", "most", "all"));
        assertThatThrownBy(() -> framework.publish(manager, draft.id())).isInstanceOf(Forbidden.class);
        framework.publish(coordinator, draft.id());

        assertThat(framework.current().id()).isEqualTo(draft.id());
        AssessmentResult kept = assessments.result(coordinator, before.id());
        assertThat(kept.framework().id()).isEqualTo(old.id());
        assertThat(kept.framework().questions().get(0).text()).isEqualTo(question.text());
        Assessment after = assess(second, List.of());
        assertThat(after.frameworkId()).isEqualTo(draft.id());
        assertThat(assessments.result(coordinator, after.id()).framework().questions().get(0).text()).isEqualTo(newText);
        assertThat(framework.version(old.id()).status()).isEqualTo(FrameworkStatus.RETIRED);
    }

    @Test
    void twinningSuggestsThePartnerStrongWhereThisOneIsWeakWithTheReason() {
        finalised(second, "HUMAN_RIGHTS", 4, 3);
        Assessment weak = finalised(world.home, "HUMAN_RIGHTS", 1, 3);

        List<TwinningSuggestion> suggestions = twinnings.suggestionsFor(coordinator, weak.id());

        assertThat(suggestions).singleElement().satisfies(s -> {
            assertThat(s.organisationId()).isEqualTo(second.id());
            assertThat(s.domains()).containsExactly("HUMAN_RIGHTS");
            assertThat(s.benefit()).isEqualTo(3.0);
            assertThat(s.reasons().get(0).text()).isEqualTo(world.home.name() + " scores 1/4 on human rights and community "
                    + "involvement; " + second.name() + " scores 4/4");
        });
        assertThatThrownBy(() -> twinnings.suggestionsFor(manager, weak.id())).isInstanceOf(Forbidden.class);

        Twinning pair = twinnings.record(coordinator, new TwinningForm(world.home.id(), second.id(), weak.id(),
                List.of("HUMAN_RIGHTS"), null));
        assertThat(twinnings.twinnings(manager)).extracting(Twinning::id).contains(pair.id());
        assertThat(twinnings.twinnings(world.user(Role.OUTREACH_WORKER))).extracting(Twinning::id).contains(pair.id());
    }

    @Test
    void partnersSeeTheirOwnAssessmentsAndCoordinatorsOnlyTheirProgramme() throws Exception {
        Assessment own = assess(world.home, List.of());
        Assessment other = assess(second, List.of());
        ReachUser foreignCoordinator = foreignCoordinator();

        assertThat(assessments.assessments(coordinator)).extracting(Assessment::id).contains(own.id(), other.id());
        assertThat(assessments.assessments(manager)).extracting(Assessment::id).contains(own.id()).doesNotContain(other.id());
        assertThat(assessments.assessments(foreignCoordinator)).extracting(Assessment::id).doesNotContain(own.id(), other.id());
        assertThatThrownBy(() -> assessments.assessment(foreignCoordinator, own.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> assessments.assessment(world.user(Role.OUTREACH_WORKER), own.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> assessments.create(foreignCoordinator, new AssessmentForm(world.home.id(),
                AssessmentKind.BASELINE, LocalDate.now(clock), LocalDate.now(clock), null, List.of(), null)))
                .isInstanceOf(InvalidInput.class);

        mvc.perform(get("/api/partners/assessments/{id}", own.id()).header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.assessment.organisationName").value(world.home.name()));
        mvc.perform(get("/api/partners/assessments/{id}", other.id()).header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/partners/assessments/{id}", own.id()).header("Authorization", "Bearer " + world.foreignManagerToken()))
                .andExpect(status().isNotFound());

        PartnerAction action = actions.create(coordinator, new ActionForm(world.home.id(), ActionSource.ASSESSMENT, own.id(),
                null, null, "Monthly data review", "MONITORING", "M&E officer", second.id(), LocalDate.now(clock).plusDays(30)));
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        assertThat(actions.actions(peer, null)).extracting(PartnerAction::id).contains(action.id());
        assertThat(actions.actions(foreignCoordinator, null)).extracting(PartnerAction::id).doesNotContain(action.id());
        assertThatThrownBy(() -> actions.recordProgress(peer, action.id(), new ProgressForm(ActionStatus.DONE, null)))
                .isInstanceOf(Forbidden.class);
        assertThat(actions.recordProgress(manager, action.id(), new ProgressForm(ActionStatus.DONE, "done")).status())
                .isEqualTo(ActionStatus.DONE);
    }

    @Test
    void everyWriteIsAudited() {
        Assessment assessment = assess(world.home, List.of());
        score(coordinator, assessment, q -> 2);
        assessments.finalise(coordinator, assessment.id());
        PartnerAction action = actions.create(coordinator, new ActionForm(world.home.id(), ActionSource.RAR, null, null,
                "RAR 2026 recommendation 1", "Train peers in naloxone", "HARM_REDUCTION", "Manager", null, LocalDate.now(clock)));
        actions.recordProgress(manager, action.id(), new ProgressForm(ActionStatus.IN_PROGRESS, null));

        List<AuditEvent> events = audit.search(ReachUser.system(), new AuditFilter(null, null, null, null, null, null,
                world.home.id()), 0, 100).events();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.CREATE);
            assertThat(e.entityType()).isEqualTo("partner_assessment");
            assertThat(e.entityId()).isEqualTo(String.valueOf(assessment.id()));
            assertThat(e.actorUsername()).isEqualTo(coordinator.getUsername());
        });
        assertThat(events.stream().filter(e -> e.entityType().equals("partner_assessment") && e.action() == AuditAction.UPDATE))
                .hasSize(2);
        assertThat(events.stream().filter(e -> e.entityType().equals("partner_action"))).hasSize(2);
    }

    @Test
    void badInputIsRejectedWithTheField() throws Exception {
        Assessment assessment = assess(world.home, List.of());
        long question = framework.version(assessment.frameworkId()).questions().get(0).id();
        mvc.perform(put("/api/partners/assessments/{id}/scores", assessment.id())
                        .header("Authorization", "Bearer " + world.token(Role.COORDINATOR)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scores\":[{\"questionId\":" + question + ",\"score\":5}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("scores[0].score"))
                .andExpect(jsonPath("$.errors[0].code").value("partners.error.score"));
        assertThat(assessments.result(coordinator, assessment.id()).unresolved())
                .isEqualTo(framework.version(assessment.frameworkId()).questions().size());

        mvc.perform(post("/api/partners/actions").header("Authorization", "Bearer " + world.token(Role.COORDINATOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisationId\":" + world.home.id() + ",\"source\":\"ASSESSMENT\",\"assessmentId\":"
                                + assessment.id() + ",\"title\":\"Late\",\"domainCode\":\"FINANCE\",\"owner\":\"x\","
                                + "\"dueDate\":\"" + LocalDate.now(clock).minusDays(1) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueDate"))
                .andExpect(jsonPath("$.errors[0].code").value("partners.error.dueBeforeCreation"));

        mvc.perform(post("/api/partners/assessments").header("Authorization", "Bearer " + world.token(Role.COORDINATOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisationId\":987654321,\"kind\":\"BASELINE\",\"visitStart\":\"2026-03-09\","
                                + "\"visitEnd\":\"2026-03-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='organisationId')].code").value("error.unknown"))
                .andExpect(jsonPath("$.errors[?(@.field=='visitEnd')].code").value("partners.error.endBeforeStart"));
    }

    @Test
    void aRefusedExchangeVisitNamesItsFieldsByTheirLabelsNotTheirCodes() throws Exception {
        String page = mvc.perform(post("/partners/exchange-visits/new").with(user(coordinator))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .header("Accept-Language", "en").param("hostOrganisationId", String.valueOf(world.home.id()))
                        .param("visitStart", "2026-03-01").param("visitEnd", "2026-03-03").param("purpose", "Learn OAT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-field=\"visitors\"").contains("Visitors: ").doesNotContain(">visitors: ");
    }

    @Test
    void thePdfReportHasTheDomainScores() throws Exception {
        Assessment assessment = assess(world.home, List.of());
        score(coordinator, assessment, q -> 3);
        byte[] pdf = mvc.perform(get("/partners/assessments/{id}/report.pdf", assessment.id())
                        .with(user(coordinator)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        assertThat(text.toString()).contains(world.home.name()).contains("Governance and leadership").contains("3.0 / 4");

        mvc.perform(get("/partners/assessments/{id}/report.pdf", assessment.id()).with(user(world.user(Role.OUTREACH_WORKER))))
                .andExpect(status().isNotFound());

        if (new java.io.File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").canRead()) {
            // In Urdu the report embeds a font that has Arabic-script glyphs, so the labels do not vanish.
            byte[] urdu = mvc.perform(get("/partners/assessments/{id}/report.pdf", assessment.id())
                            .with(user(coordinator)).header("Accept-Language", "ur"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            // Amiri where installed (it has every Urdu letter), else DejaVu Sans.
            boolean amiri = new java.io.File("/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf").canRead();
            assertThat(new String(urdu, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .contains(amiri ? "Amiri" : "DejaVuSans");
        }
    }

    private ReachUser foreignCoordinator() {
        String username = "fc" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(ReachUser.system(), new AccountForm(username, "Foreign coordinator", null,
                world.foreignProgramme.id(), EnumSet.of(Role.COORDINATOR), Set.of(), "en"));
        return signIn.loadUserByUsername(username);
    }
}
