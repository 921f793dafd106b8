package org.reach.safety;

/** Who told the programme of a death. */
public enum DeathSource {
    FAMILY, PEER, HOSPITAL, POLICE;

    public String messageKey() {
        return "safety.source." + name();
    }
}
