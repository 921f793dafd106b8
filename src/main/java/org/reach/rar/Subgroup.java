package org.reach.rar;

import org.reach.clients.HotspotReach;

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

    /** This group's count of clients reached, from the client registry. */
    public int countIn(HotspotReach reach) {
        return switch (this) {
            case ALL -> reach.total();
            case INJECTING -> reach.injecting();
            case NON_INJECTING -> reach.nonInjecting();
            case WOMEN -> reach.women();
            case YOUTH -> reach.youth();
            case TRANSGENDER -> reach.transgender();
        };
    }
}
