package org.reach.rights;

/** Closing a report: its outcome. */
public record CaseClosing(CaseOutcome outcome) {
}
