package org.reach.clients;

import java.time.LocalDate;

/** A recorded status (detained, transferred, deceased, exited) with its date and reason. */
public record StatusChange(ClientStatus status, LocalDate date, String reason) {
}
