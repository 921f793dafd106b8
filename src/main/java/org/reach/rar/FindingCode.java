package org.reach.rar;

/** The codebook notes are coded against. */
public enum FindingCode {
    NEEDS, BARRIERS, VIOLENCE_POLICE, VIOLENCE_COMMUNITY, VIOLENCE_DEALERS, OVERDOSE, INFECTIONS_WOUNDS, MENTAL_HEALTH, BASIC_NEEDS;

    public String messageKey() {
        return "rar.code." + name();
    }
}
