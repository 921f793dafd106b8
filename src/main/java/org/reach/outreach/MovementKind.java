package org.reach.outreach;

/** A receipt adds to a site's stock; an issue to a peer and a loss (expired, damaged, seized) take from it. */
public enum MovementKind {
    RECEIPT, ISSUE, LOSS;

    public String messageKey() {
        return "outreach.movement." + name();
    }

    public int sign() {
        return this == RECEIPT ? 1 : -1;
    }
}
