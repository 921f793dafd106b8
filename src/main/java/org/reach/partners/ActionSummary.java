package org.reach.partners;

/** Counts for the progress chart. */
public record ActionSummary(int planned, int inProgress, int done, int overdue, int cancelled) {

    public int total() {
        return planned + inProgress + done + cancelled;
    }
}
