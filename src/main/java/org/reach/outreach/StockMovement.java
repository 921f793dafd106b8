package org.reach.outreach;

import java.time.LocalDate;

/** A stored stock movement. */
public record StockMovement(long id, long organisationId, long siteId, StockItem item, MovementKind kind, int quantity,
                            Long peerId, LocalDate date, String note, long createdBy) {

    public int signedQuantity() {
        return kind.sign() * quantity;
    }
}
