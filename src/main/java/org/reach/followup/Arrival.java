package org.reach.followup;

import java.time.LocalDate;
import java.util.List;

/**
 * A transfer as the receiving organisation sees it: who sent it, to which of its sites, and only the fields the
 * client consented to share (null where not shared); after arrival, the receiver's own client.
 */
public record Arrival(long id, TransferKind kind, String fromOrganisation, long siteId, String siteName,
                      LocalDate sentOn, TransferStatus status, LocalDate outcomeOn, String code,
                      List<String> keyPopulations, Integer oatDoseMg, String openReferrals, Long clientId) {

    public Arrival {
        keyPopulations = keyPopulations == null ? null : List.copyOf(keyPopulations);
    }
}
