package org.reach.rar;

import java.util.Set;

/** A recommendation of the assessment, linked to the finding codes it answers, as an action-plan item. */
public record Recommendation(long id, long assessmentId, int ordinal, String text, Set<FindingCode> codes,
                             Priority priority, String owner, RecommendationStatus status) {
}
