package org.reach.rights;

/** What the organisation did in response. */
public enum ResponseKind {
    MEDICAL_CARE, LEGAL_AID, SAFE_SHELTER, COUNSELLING, CRISIS_VISIT, REFERRAL, ADVOCACY, OTHER;

    public String messageKey() {
        return "rights.response." + name();
    }
}
