package org.reach.rar;

/**
 * The groups whose size and reach are compared. ALL is everybody at a hotspot; the others are counted
 * on visits (and may overlap: a young woman who injects counts in three groups).
 */
public enum Subgroup {
    ALL, INJECTING, NON_INJECTING, WOMEN, YOUTH, TRANSGENDER;

    public String messageKey() {
        return "rar.subgroup." + name();
    }

    /** This group's count on one visit. */
    public int countOn(Visit visit) {
        return switch (this) {
            case ALL -> visit.total();
            case INJECTING -> visit.injecting();
            case NON_INJECTING -> visit.nonInjecting();
            case WOMEN -> visit.women();
            case YOUTH -> visit.youth();
            case TRANSGENDER -> visit.transgender();
        };
    }
}
