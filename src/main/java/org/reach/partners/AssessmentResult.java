package org.reach.partners;

import java.util.List;
import java.util.Map;

/** Everything about one assessment: the team, every question's scores and consensus, domain scores. */
public record AssessmentResult(Assessment assessment, Framework framework, List<TeamMember> team,
                               Map<String, List<QuestionResult>> questionsByDomain, List<DomainScore> domainScores,
                               int unresolved) {

    public boolean readyToFinalise() {
        return unresolved == 0 && !assessment.finalised();
    }
}
