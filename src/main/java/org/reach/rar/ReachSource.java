package org.reach.rar;

/**
 * Where a coverage gap's "clients reached" comes from: the client registry (clients enrolled at a hotspot of
 * the same name and contacted in the assessment's period), the number entered for the hotspot, or nowhere.
 */
public enum ReachSource {
    REGISTRY, ENTERED, UNKNOWN;

    public String messageKey() {
        return "rar.reachSource." + name();
    }
}
