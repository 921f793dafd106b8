package org.reach.field;

/** The kinds of record a phone queues; each is sent to its own capability's uuid endpoint. */
public enum ConflictKind {
    ENCOUNTER, OUTREACH_SESSION, OVERDOSE, DRUG_REPORT, REFERRAL;

    public String messageKey() {
        return "fieldapp.kind." + name();
    }
}
