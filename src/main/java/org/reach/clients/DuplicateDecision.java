package org.reach.clients;

/** A person's answer to "is this new code the same person as that existing client?". */
public enum DuplicateDecision {
    /** It is that existing client: open them, create nothing. */
    CONFIRMED_SAME,
    /** A different person from every near match: register a new client. */
    REJECTED_DIFFERENT;

    public String messageKey() {
        return "duplicateDecision." + name();
    }
}
