package org.reach.rights;

/** Help the person wants from the programme. */
public enum HelpKind {
    MEDICAL, LEGAL_AID, SAFE_SHELTER, COUNSELLING;

    public String messageKey() {
        return "rights.help." + name();
    }
}
