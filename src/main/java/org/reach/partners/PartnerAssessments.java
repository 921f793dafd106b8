package org.reach.partners;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.reach.accounts.StaffDirectory;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.organisations.Organisation;
import org.reach.partners.store.AssessmentStore;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessment visits: a team scores every question of the framework, disagreement between assessors is shown
 * and settled in a consensus score, and domain scores are the mean of the consensus scores.
 * <p>
 * Coordinators of the programme (and administrators) create assessments, settle consensus and finalise;
 * team members enter their own scores; the assessed organisation's managers read their own assessments.
 */
@Service
@Transactional
public class PartnerAssessments {

    private final AssessmentStore store;
    private final StaffDirectory staff;
    private final AssessmentFramework framework;
    private final PartnerAccess access;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    PartnerAssessments(AssessmentStore store, StaffDirectory staff, AssessmentFramework framework, PartnerAccess access,
                       AuditTrail audit, MessageSource messages, Clock clock) {
        this.store = store;
        this.staff = staff;
        this.framework = framework;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public List<Assessment> assessments(ReachUser actor) {
        Set<Long> onTeam = actor.id() == 0 ? Set.of() : new HashSet<>(store.withTeamMember(actor.id()));
        Map<Long, Organisation> organisations = access.allById(actor);
        return store.all().stream().map(row -> toAssessment(row, organisations)).filter(Objects::nonNull)
                .filter(a -> maySee(actor, a) || onTeam.contains(a.id())).toList();
    }

    @Transactional(readOnly = true)
    public Assessment assessment(ReachUser actor, long id) {
        Assessment assessment = store.byId(id).map(r -> toAssessment(actor, r)).filter(Objects::nonNull).orElseThrow(() -> new NotFound("assessment", id));
        if (!maySee(actor, assessment) && !onTeam(actor, id)) {
            throw new NotFound("assessment", id);
        }
        return assessment;
    }

    @Transactional(readOnly = true)
    public AssessmentResult result(ReachUser actor, long id) {
        return compute(assessment(actor, id));
    }

    /** Every assessment of one organisation the actor may see, oldest first: baseline, then follow-ups. */
    @Transactional(readOnly = true)
    public List<AssessmentResult> history(ReachUser actor, long organisationId) {
        Set<Long> onTeam = actor.id() == 0 ? Set.of() : new HashSet<>(store.withTeamMember(actor.id()));
        Map<Long, Organisation> organisations = access.allById(actor);
        return store.ofOrganisation(organisationId).stream().map(r -> toAssessment(r, organisations)).filter(Objects::nonNull)
                .filter(a -> maySee(actor, a) || onTeam.contains(a.id())).map(this::compute).toList();
    }

    /** Accounts the coordinator may put on a team assessing this organisation. */
    @Transactional(readOnly = true)
    public List<Assessor> assessorCandidates(ReachUser actor, long organisationId) {
        Organisation organisation = access.visibleOrganisation(actor, organisationId);
        if (!access.coordinates(actor, organisation.programmeId())) {
            throw new Forbidden("list assessors");
        }
        return organisation.programmeId() == null ? List.of() : candidatesInProgramme(actor, organisation.programmeId());
    }

    /**
     * Accounts that may join an assessment team: active coordinators of the programme and active organisation
     * managers of its organisations.
     */
    private List<Assessor> candidatesInProgramme(ReachUser actor, long programmeId) {
        Map<Long, Organisation> organisations = access.allById(actor);
        List<Long> inProgramme = organisations.values().stream()
                .filter(o -> Objects.equals(o.programmeId(), programmeId)).map(Organisation::id).toList();
        return staff.active(inProgramme, EnumSet.of(Role.ORG_MANAGER), programmeId, EnumSet.of(Role.COORDINATOR)).stream()
                .map(member -> new Assessor(member.id(), member.displayName(),
                        Optional.ofNullable(member.organisationId()).map(organisations::get).map(Organisation::name)
                                .orElse(null)))
                .toList();
    }

    /** Partners the actor may create assessments for. */
    @Transactional(readOnly = true)
    public List<Organisation> assessablePartners(ReachUser actor) {
        return access.visiblePartners(actor).stream().filter(o -> access.coordinates(actor, o.programmeId())).toList();
    }

    public boolean mayCoordinate(ReachUser actor, Assessment assessment) {
        return access.coordinates(actor, assessment.programmeId());
    }

    public boolean mayScore(ReachUser actor, Assessment assessment) {
        return !assessment.finalised() && actor.id() != 0 && (mayCoordinate(actor, assessment) || onTeam(actor, assessment.id()));
    }

    /** Latest finalised domain scores of every partner of a programme, by organisation id. */
    @Transactional(readOnly = true)
    Map<Long, Map<String, Double>> latestFinalisedScores(ReachUser actor, Long programmeId) {
        Map<Long, Map<String, Double>> scores = new LinkedHashMap<>();
        for (Organisation organisation : access.inProgramme(actor, programmeId)) {
            store.ofOrganisation(organisation.id()).stream()
                    .filter(r -> r.status() == AssessmentStatus.FINALISED)
                    .reduce((first, second) -> second)
                    .ifPresent(r -> scores.put(organisation.id(), byCode(compute(toAssessment(r, Map.of(organisation.id(), organisation))))));
        }
        return scores;
    }

    /** The latest assessment of a partner, finalised ones first, for comparing partners. */
    @Transactional(readOnly = true)
    public Optional<AssessmentResult> latest(ReachUser actor, long organisationId) {
        List<AssessmentResult> history = history(actor, organisationId);
        return history.stream().filter(r -> r.assessment().finalised()).reduce((a, b) -> b)
                .or(() -> history.stream().reduce((a, b) -> b));
    }

    static Map<String, Double> byCode(AssessmentResult result) {
        Map<String, Double> map = new LinkedHashMap<>();
        result.domainScores().forEach(d -> map.put(d.code(), d.score()));
        return map;
    }

    // ---- writing

    public Assessment create(ReachUser actor, AssessmentForm form) {
        Problems problems = new Problems();
        Organisation organisation = null;
        if (form.organisationId() == null) {
            problems.add("organisationId", "error.required");
        } else {
            try {
                organisation = access.visibleOrganisation(actor, form.organisationId());
            } catch (NotFound unknown) {
                problems.add("organisationId", "error.unknown");
            }
        }
        if (organisation != null && !access.coordinates(actor, organisation.programmeId())) {
            throw new Forbidden("create assessment");
        }
        problems.check(form.kind() != null, "kind", "error.required");
        problems.check(form.visitStart() != null, "visitStart", "error.required");
        problems.check(form.visitEnd() != null, "visitEnd", "error.required");
        if (form.visitStart() != null && form.visitEnd() != null) {
            problems.check(!form.visitEnd().isBefore(form.visitStart()), "visitEnd", "partners.error.endBeforeStart");
        }
        String sites = AssessmentFramework.strip(form.sitesVisited());
        sites = sites == null || sites.isEmpty() ? null : sites;
        problems.check(sites == null || sites.length() <= 1000, "sitesVisited", "error.tooLong", 1000);
        Set<Long> candidates = organisation == null || organisation.programmeId() == null ? Set.of()
                : candidatesInProgramme(actor, organisation.programmeId()).stream().map(Assessor::userId).collect(Collectors.toSet());
        for (int i = 0; i < form.assessorIds().size(); i++) {
            Long id = form.assessorIds().get(i);
            problems.check(id != null && (candidates.contains(id) || id == actor.id()), "assessorIds[" + i + "]",
                    "partners.error.assessor");
        }
        List<String[]> externals = new ArrayList<>();
        if (form.externalMembers() != null) {
            for (String line : form.externalMembers().split("\\R")) {
                String member = line.strip();
                if (member.isEmpty()) {
                    continue;
                }
                if (member.length() > 200) {
                    problems.add("externalMembers", "error.tooLong", 200);
                    continue;
                }
                int open = member.indexOf('(');
                if (open > 0 && member.endsWith(")")) {
                    externals.add(new String[] {member.substring(0, open).strip(), member.substring(open + 1, member.length() - 1).strip()});
                } else {
                    externals.add(new String[] {member, null});
                }
            }
        }
        problems.throwIfAny();
        Framework current = framework.current();
        long id = store.insert(organisation.id(), organisation.programmeId(), current.id(), form.kind(), form.visitStart(),
                form.visitEnd(), sites, actor.id(), now());
        Set<Long> team = new java.util.LinkedHashSet<>();
        if (actor.id() != 0) {
            team.add(actor.id());
        }
        team.addAll(form.assessorIds());
        Map<Long, Assessor> known = organisation.programmeId() == null ? Map.of()
                : candidatesInProgramme(actor, organisation.programmeId()).stream()
                .collect(Collectors.toMap(Assessor::userId, a -> a, (a, b) -> a));
        for (Long userId : team) {
            Assessor assessor = known.get(userId);
            store.addTeamMember(id, userId, assessor != null ? assessor.name() : staff.displayName(userId).orElse("?"),
                    assessor != null ? assessor.organisation() : null);
        }
        for (String[] external : externals) {
            store.addTeamMember(id, null, external[0], external[1]);
        }
        audit.recordWrite(actor, organisation.id(), AuditAction.CREATE, "partner_assessment", id,
                form.kind().name() + " framework v" + current.version());
        return assessment(actor, id);
    }

    /** The actor's own scores; a coordinator who scores joins the team. */
    public AssessmentResult saveMyScores(ReachUser actor, long id, ScoresForm form) {
        Assessment assessment = assessment(actor, id);
        if (!mayScore(actor, assessment) && !assessment.finalised()) {
            throw new Forbidden("score assessment");
        }
        Framework used = framework.version(assessment.frameworkId());
        validateScores(used, assessment, form);
        if (!onTeam(actor, id)) {
            store.addTeamMember(id, actor.id(), staff.displayName(actor.id()).orElse(actor.getUsername()), null);
        }
        for (ScoreEntry entry : form.scores()) {
            store.saveScore(id, entry.questionId(), actor.id(), entry.score(), AssessmentFramework.strip(entry.evidence()), now());
        }
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.UPDATE, "partner_assessment", id,
                "scores entered: " + form.scores().size());
        return compute(assessment);
    }

    public AssessmentResult settleConsensus(ReachUser actor, long id, ScoresForm form) {
        Assessment assessment = assessment(actor, id);
        if (!mayCoordinate(actor, assessment)) {
            throw new Forbidden("settle consensus");
        }
        Framework used = framework.version(assessment.frameworkId());
        validateScores(used, assessment, form);
        for (ScoreEntry entry : form.scores()) {
            store.saveConsensus(id, entry.questionId(), entry.score(), AssessmentFramework.strip(entry.evidence()),
                    actor.id(), now());
        }
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.UPDATE, "partner_assessment", id,
                "consensus settled: " + form.scores().size());
        return compute(assessment);
    }

    /** Finalising needs a consensus score for every question; agreed scores become the consensus. */
    public AssessmentResult finalise(ReachUser actor, long id) {
        Assessment assessment = assessment(actor, id);
        if (!mayCoordinate(actor, assessment)) {
            throw new Forbidden("finalise assessment");
        }
        AssessmentResult result = compute(assessment);
        if (assessment.finalised()) {
            return result;
        }
        new Problems().check(result.unresolved() == 0, "consensus", "partners.error.consensusMissing", result.unresolved())
                .throwIfAny();
        for (List<QuestionResult> questions : result.questionsByDomain().values()) {
            for (QuestionResult q : questions) {
                if (!q.settled()) {
                    store.saveConsensus(id, q.question().id(), q.consensus(), null, actor.id(), now());
                }
            }
        }
        store.finalise(id, now());
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.UPDATE, "partner_assessment", id, "finalised");
        return compute(assessment(actor, id));
    }

    private void validateScores(Framework used, Assessment assessment, ScoresForm form) {
        Problems problems = new Problems();
        problems.check(!assessment.finalised(), "status", "partners.error.finalised");
        problems.check(!form.scores().isEmpty(), "scores", "error.required");
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < form.scores().size(); i++) {
            ScoreEntry entry = form.scores().get(i);
            String prefix = "scores[" + i + "].";
            if (entry == null) {
                problems.add("scores[" + i + "]", "error.required");
                continue;
            }
            problems.check(entry.questionId() != null && used.question(entry.questionId()).isPresent(),
                    prefix + "questionId", "error.unknown");
            problems.check(entry.questionId() == null || seen.add(entry.questionId()), prefix + "questionId",
                    "partners.error.duplicateQuestion");
            problems.check(entry.score() != null && entry.score() >= 1 && entry.score() <= 4, prefix + "score",
                    "partners.error.score");
            problems.check(entry.evidence() == null || entry.evidence().length() <= 2000, prefix + "evidence",
                    "error.tooLong", 2000);
        }
        problems.throwIfAny();
    }

    // ---- results

    private AssessmentResult compute(Assessment assessment) {
        Framework used = framework.version(assessment.frameworkId());
        List<TeamMember> team = store.team(assessment.id());
        Map<Long, String> names = new LinkedHashMap<>();
        team.stream().filter(t -> t.userId() != null).forEach(t -> names.putIfAbsent(t.userId(), t.name()));
        Map<Long, List<AssessmentStore.ScoreRow>> scores = store.scores(assessment.id()).stream()
                .collect(Collectors.groupingBy(AssessmentStore.ScoreRow::questionId));
        Map<Long, AssessmentStore.ConsensusRow> consensus = store.consensus(assessment.id()).stream()
                .collect(Collectors.toMap(AssessmentStore.ConsensusRow::questionId, c -> c));
        Map<String, List<QuestionResult>> byDomain = new LinkedHashMap<>();
        List<DomainScore> domainScores = new ArrayList<>();
        int unresolved = 0;
        for (Domain domain : used.domains()) {
            List<QuestionResult> results = new ArrayList<>();
            for (Question question : domain.questions()) {
                List<AssessorScore> given = scores.getOrDefault(question.id(), List.of()).stream()
                        .map(s -> new AssessorScore(s.assessorId(), names.getOrDefault(s.assessorId(), "#" + s.assessorId()),
                                s.score(), s.evidence()))
                        .sorted(Comparator.comparing(AssessorScore::assessorName)).toList();
                int min = given.stream().mapToInt(AssessorScore::score).min().orElse(0);
                int max = given.stream().mapToInt(AssessorScore::score).max().orElse(0);
                int spread = max - min;
                AssessmentStore.ConsensusRow settled = consensus.get(question.id());
                Integer value;
                String evidence;
                if (settled != null) {
                    value = settled.score();
                    evidence = settled.evidence();
                } else if (!given.isEmpty() && spread == 0) {
                    value = min;
                    evidence = given.stream().map(AssessorScore::evidence).filter(Objects::nonNull)
                            .filter(e -> !e.isBlank()).collect(Collectors.joining(" / "));
                } else {
                    value = null;
                    evidence = null;
                }
                if (value == null) {
                    unresolved++;
                }
                results.add(new QuestionResult(question, given, value, evidence, settled != null, spread, spread > 0,
                        spread >= 2));
            }
            byDomain.put(domain.code(), results);
            Double mean = results.stream().filter(r -> r.consensus() != null).mapToInt(QuestionResult::consensus)
                    .average().stream().boxed().findFirst().orElse(null);
            domainScores.add(new DomainScore(domain.code(), domainName(domain), mean));
        }
        return new AssessmentResult(assessment, used, team, byDomain, domainScores, unresolved);
    }

    /** Built-in domains have translated names; other domains show the name the framework gives them. */
    String domainName(Domain domain) {
        return messages.getMessage("partners.domain." + domain.code(), null, domain.name(), LocaleContextHolder.getLocale());
    }

    /** The translated name of a domain code, or the given name for domains outside the built-in framework. */
    public String domainLabel(String code, String fallback) {
        return domainName(code, fallback);
    }

    String domainName(String code, String fallback) {
        return messages.getMessage("partners.domain." + code, null, fallback == null ? code : fallback,
                LocaleContextHolder.getLocale());
    }

    // ---- access

    private boolean maySee(ReachUser actor, Assessment assessment) {
        return access.coordinates(actor, assessment.programmeId()) || access.managesOwn(actor, assessment.organisationId());
    }

    private boolean onTeam(ReachUser actor, long assessmentId) {
        return actor.id() != 0 && store.team(assessmentId).stream().anyMatch(t -> Objects.equals(t.userId(), actor.id()));
    }

    /** The assessment as the actor may see it named; null when its organisation is not one of the actor's partners. */
    private Assessment toAssessment(ReachUser actor, AssessmentStore.Row row) {
        return toAssessment(row, access.allById(actor));
    }

    private Assessment toAssessment(AssessmentStore.Row row, Map<Long, Organisation> organisations) {
        Organisation organisation = organisations.get(row.organisationId());
        if (organisation == null) {
            return null;
        }
        return new Assessment(row.id(), row.organisationId(), organisation.name(), organisation.programmeId(),
                row.frameworkId(), row.kind(), row.visitStart(), row.visitEnd(), row.sitesVisited(), row.status(),
                row.createdAt());
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
