package org.reach.followup;

import java.time.LocalDate;
import java.util.Set;

/**
 * A transfer as the sending organisation sees it: its own client, where the client was sent, what was shared and
 * the outcome. Nothing the receiving organisation records afterwards.
 */
public record SentTransfer(long id, TransferKind kind, long clientId, String toOrganisation, String toSite,
                           String toCity, LocalDate consentOn, LocalDate sentOn, Set<SharedField> shared,
                           TransferStatus status, LocalDate outcomeOn) {

    public SentTransfer {
        shared = Set.copyOf(shared);
    }
}
