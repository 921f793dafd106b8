package org.reach.clients.store;

import java.time.LocalDate;

/** Last-contact dates from which a client counts as active, and before which as lost to follow-up. */
public record StatusCutoffs(LocalDate activeSince, LocalDate lostBefore) {
}
