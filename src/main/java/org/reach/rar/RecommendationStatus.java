package org.reach.rar;

/** Where a recommendation stands in the action plan. */
public enum RecommendationStatus {
    PROPOSED, AGREED, IN_PROGRESS, DONE, DROPPED;

    public String messageKey() {
        return "rar.recommendation." + name();
    }
}
