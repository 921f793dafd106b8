package org.reach.linkage;

import java.util.List;

/**
 * What an organisation learns about one of its clients from linkage: the names of the other organisations of the
 * programme where the person is probably also known (nothing of their records), and the organisation's own clients
 * who are probably the same person (possible duplicates, with their codes, which the organisation already holds).
 */
public record ClientLinks(long clientId, String code, List<String> alsoKnownAt, List<PossibleDuplicate> duplicates) {

    public ClientLinks {
        alsoKnownAt = List.copyOf(alsoKnownAt);
        duplicates = List.copyOf(duplicates);
    }

    public boolean noHint() {
        return alsoKnownAt.isEmpty() && duplicates.isEmpty();
    }

    /** A client of the same organisation whose encoding is close: its id, its code and the Dice score in percent. */
    public record PossibleDuplicate(long clientId, String code, int scorePercent) {
    }
}
