package org.reach.outreach;

import java.time.LocalDate;

/** A receipt of stock at a site, an issue to a peer (who is named) or a loss; the date defaults to today. */
public record StockMovementForm(Long siteId, StockItem item, MovementKind kind, Integer quantity, Long peerId,
                                LocalDate date, String note) {
}
