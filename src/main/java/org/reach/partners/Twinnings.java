package org.reach.partners;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.organisations.Organisation;
import org.reach.partners.store.TwinningStore;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggests which partner can help another, from their assessment scores (see {@link TwinningMatcher}), and
 * records the pairs a coordinator agrees on. Only coordinators of the programme and administrators see
 * suggestions, because they compare partners' scores; a partner's people see the pairs it is part of.
 */
@Service
@Transactional
public class Twinnings {

    private final TwinningStore store;
    private final PartnerAssessments assessments;
    private final PartnerAccess access;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    Twinnings(TwinningStore store, PartnerAssessments assessments, PartnerAccess access, AuditTrail audit,
              MessageSource messages, Clock clock) {
        this.store = store;
        this.assessments = assessments;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Suggestions for the partner assessed here, from this assessment's consensus scores. */
    @Transactional(readOnly = true)
    public List<TwinningSuggestion> suggestionsFor(ReachUser actor, long assessmentId) {
        Assessment assessment = assessments.assessment(actor, assessmentId);
        if (!access.coordinates(actor, assessment.programmeId())) {
            throw new Forbidden("twinning suggestions");
        }
        AssessmentResult result = assessments.result(actor, assessmentId);
        return suggest(actor, assessment.organisationId(), assessment.organisationName(), result, assessment.programmeId());
    }

    /** Suggestions for a partner from its latest finalised assessment; empty when it has none. */
    @Transactional(readOnly = true)
    public List<TwinningSuggestion> suggestionsForOrganisation(ReachUser actor, long organisationId) {
        Organisation organisation = access.visibleOrganisation(actor, organisationId);
        if (!access.coordinates(actor, organisation.programmeId())) {
            throw new Forbidden("twinning suggestions");
        }
        return assessments.history(actor, organisationId).stream().filter(r -> r.assessment().finalised())
                .reduce((a, b) -> b)
                .map(r -> suggest(actor, organisationId, organisation.name(), r, organisation.programmeId()))
                .orElse(List.of());
    }

    private List<TwinningSuggestion> suggest(ReachUser actor, long learnerId, String learnerName, AssessmentResult result, Long programmeId) {
        Map<String, Double> learner = PartnerAssessments.byCode(result);
        Map<String, String> domainNames = new LinkedHashMap<>();
        result.domainScores().forEach(d -> domainNames.put(d.code(), d.name()));
        Map<Long, Organisation> partners = access.inProgramme(actor, programmeId).stream()
                .collect(Collectors.toMap(Organisation::id, o -> o, (a, b) -> a, LinkedHashMap::new));
        Map<Long, Map<String, Double>> candidates = assessments.latestFinalisedScores(actor, programmeId);
        candidates.remove(learnerId);
        List<TwinningSuggestion> suggestions = new ArrayList<>();
        for (TwinningMatcher.Match match : TwinningMatcher.match(learnerId, learner, candidates)) {
            Organisation candidate = partners.get(match.candidateId());
            List<TwinningReason> reasons = new ArrayList<>();
            for (TwinningMatcher.DomainPair pair : match.forward()) {
                String domain = domainNames.getOrDefault(pair.domain(), pair.domain());
                reasons.add(new TwinningReason(pair.domain(), domain, pair.learner(), pair.candidate(), false,
                        text("partners.twinning.reason", learnerName, score(pair.learner()), lower(domain),
                                candidate.name(), score(pair.candidate()))));
            }
            for (TwinningMatcher.DomainPair pair : match.backward()) {
                String domain = domainNames.getOrDefault(pair.domain(), pair.domain());
                reasons.add(new TwinningReason(pair.domain(), domain, pair.learner(), pair.candidate(), true,
                        text("partners.twinning.reasonBack", candidate.name(), score(pair.candidate()), lower(domain),
                                learnerName, score(pair.learner()))));
            }
            suggestions.add(new TwinningSuggestion(candidate.id(), candidate.name(), candidate.countryCode(),
                    match.domains(), match.benefit(), match.mutualBenefit(), reasons));
        }
        return suggestions;
    }

    @Transactional(readOnly = true)
    public List<Twinning> twinnings(ReachUser actor) {
        Map<Long, String> names = new HashMap<>();
        access.allById(actor).forEach((id, organisation) -> names.put(id, organisation.name()));
        return store.all().stream()
                .filter(t -> access.coordinates(actor, t.programmeId()) || actor.isMemberOf(t.learningOrgId())
                        || actor.isMemberOf(t.supportingOrgId()))
                .map(row -> toTwinning(row, names::get)).toList();
    }

    @Transactional(readOnly = true)
    public Twinning twinning(ReachUser actor, long id) {
        return twinnings(actor).stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> new NotFound("twinning", id));
    }

    public Twinning record(ReachUser actor, TwinningForm form) {
        Problems problems = new Problems();
        Organisation learning = organisation(actor, form.learningOrganisationId(), "learningOrganisationId", problems);
        Organisation supporting = organisation(actor, form.supportingOrganisationId(), "supportingOrganisationId", problems);
        if (learning != null && !access.coordinates(actor, learning.programmeId())) {
            throw new Forbidden("record twinning");
        }
        if (learning != null && supporting != null) {
            problems.check(learning.id() != supporting.id(), "supportingOrganisationId", "partners.error.samePartner");
            problems.check(java.util.Objects.equals(learning.programmeId(), supporting.programmeId()),
                    "supportingOrganisationId", "error.unknown");
        }
        if (form.assessmentId() != null) {
            try {
                Assessment assessment = assessments.assessment(actor, form.assessmentId());
                problems.check(learning == null || assessment.organisationId() == learning.id(), "assessmentId",
                        "error.unknown");
            } catch (NotFound unknown) {
                problems.add("assessmentId", "error.unknown");
            }
        }
        List<String> domains = form.domains().stream().filter(d -> d != null && !d.isBlank()).map(String::strip).distinct().toList();
        problems.check(!domains.isEmpty(), "domains", "error.required");
        domains.stream().filter(d -> !d.matches("[A-Z_]{2,40}")).findFirst()
                .ifPresent(d -> problems.add("domains", "error.unknown"));
        String note = AssessmentFramework.strip(form.note());
        problems.check(note == null || note.length() <= 2000, "note", "error.tooLong", 2000);
        problems.throwIfAny();
        long id = store.insert(learning.programmeId(), learning.id(), supporting.id(), form.assessmentId(), domains, note,
                actor.id(), now());
        audit.recordWrite(actor, learning.id(), AuditAction.CREATE, "partner_twinning", id,
                "supporting organisation " + supporting.id() + ": " + String.join(",", domains));
        return toTwinning(actor, store.byId(id).orElseThrow());
    }

    private Organisation organisation(ReachUser actor, Long id, String field, Problems problems) {
        if (id == null) {
            problems.add(field, "error.required");
            return null;
        }
        try {
            return access.visibleOrganisation(actor, id);
        } catch (NotFound unknown) {
            problems.add(field, "error.unknown");
            return null;
        }
    }

    private Twinning toTwinning(ReachUser actor, TwinningStore.Row row) {
        return toTwinning(row, id -> access.name(actor, id));
    }

    private Twinning toTwinning(TwinningStore.Row row, java.util.function.Function<Long, String> name) {
        return new Twinning(row.id(), row.programmeId(), row.learningOrgId(), name.apply(row.learningOrgId()),
                row.supportingOrgId(), name.apply(row.supportingOrgId()), row.assessmentId(), row.domains(), row.note(),
                row.createdAt());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String score(double value) {
        return value == Math.rint(value) ? String.valueOf((int) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String lower(String domain) {
        return domain.isEmpty() ? domain : domain.substring(0, 1).toLowerCase(LocaleContextHolder.getLocale()) + domain.substring(1);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
