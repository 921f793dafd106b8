package org.reach.rar;

/** Why people gather at a hotspot. */
public enum GatheringReason {
    PRIVACY, EASY_ACCESS, FRIENDLY_PEERS, FREE_FOOD, SHELTER, OTHER;

    public String messageKey() {
        return "rar.reason." + name();
    }
}
