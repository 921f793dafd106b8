package org.reach.safety;

/**
 * The coded cause of a death (issue list of the Karachi assessment), and the group mortality is reported by:
 * overdose, HIV, TB, hepatitis/liver, violence, and everything else with the unknown.
 */
public enum CauseOfDeath {
    OVERDOSE, HIV, TB, HEPATITIS_LIVER, VIOLENCE, INFECTION_SEPSIS, SUICIDE, ACCIDENT, OTHER, UNKNOWN;

    public String messageKey() {
        return "safety.cause." + name();
    }

    /** The mortality group: the first five causes have their own, the rest count as other and unknown. */
    public CauseOfDeath group() {
        return switch (this) {
            case OVERDOSE, HIV, TB, HEPATITIS_LIVER, VIOLENCE -> this;
            default -> OTHER;
        };
    }
}
