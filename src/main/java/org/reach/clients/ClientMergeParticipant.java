package org.reach.clients;

import org.reach.platform.ReachUser;

/**
 * A capability that keeps rows naming a client takes part in merging two records of one person: it moves the merged
 * record's rows in its own tables to the survivor, and on undo moves exactly those rows back. Called by
 * {@link ClientMerges} in the merge's transaction, for the merging manager's organisation only; a failure undoes the
 * whole merge.
 */
public interface ClientMergeParticipant {

    /** A stable name under which the journal is kept with the merge (the capability's name). */
    String participant();

    /**
     * Moves the rows of {@code fromClient} to {@code toClient} and answers a journal, opaque to the registry, naming
     * what was moved (empty when nothing was).
     */
    String moveRows(ReachUser actor, long organisationId, long fromClient, long toClient);

    /** Moves back exactly the rows a journal of {@link #moveRows} names. */
    void moveBack(ReachUser actor, long organisationId, String journal, long fromClient, long toClient);
}
