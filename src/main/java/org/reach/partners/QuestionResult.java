package org.reach.partners;

import java.util.List;

/**
 * The scores of every assessor for one question and the consensus. {@code disagreement} is any difference,
 * {@code wideSpread} a spread of two levels or more; {@code consensus} is the settled score, or the agreed
 * score when every assessor gave the same one.
 */
public record QuestionResult(Question question, List<AssessorScore> scores, Integer consensus, String evidence,
                             boolean settled, int spread, boolean disagreement, boolean wideSpread) {

    public QuestionResult {
        scores = List.copyOf(scores);
    }

    public AssessorScore scoreOf(long assessorId) {
        return scores.stream().filter(s -> s.assessorId() == assessorId).findFirst().orElse(null);
    }
}
