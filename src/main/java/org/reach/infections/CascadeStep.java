package org.reach.infections;

/**
 * One step of a care cascade as it may be shown: the count, or null with the marker ("&lt;5" for a small count,
 * "*" for one hidden so that a small one cannot be worked out).
 */
public record CascadeStep(String key, Long count, String shown) {

    public boolean hidden() {
        return count == null;
    }
}
