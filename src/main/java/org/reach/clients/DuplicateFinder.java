package org.reach.clients;

import java.util.List;

/**
 * Finds possible duplicates among one organisation's own clients (record linkage does, from its latest run), for the
 * registry's review list. Only pairs of the same organisation; scores in percent.
 */
public interface DuplicateFinder {

    List<PossibleDuplicate> possibleDuplicates(long organisationId);

    record PossibleDuplicate(long clientA, long clientB, int scorePercent) {
    }
}
