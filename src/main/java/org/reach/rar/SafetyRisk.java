package org.reach.rar;

/** Dangers people face at a hotspot. */
public enum SafetyRisk {
    POLICE_RAIDS, COMMUNITY_VIOLENCE, DEALER_VIOLENCE, OTHER;

    public String messageKey() {
        return "rar.risk." + name();
    }
}
