package org.reach.outreach;

/** What a team saw happen at a hotspot during a session, coded so that it can be counted and nobody is named. */
public enum Incident {
    POLICE_HARASSMENT, ARREST, VIOLENCE, OVERDOSE, DEATH, EVICTION, OTHER;

    public String messageKey() {
        return "outreach.incident." + name();
    }
}
