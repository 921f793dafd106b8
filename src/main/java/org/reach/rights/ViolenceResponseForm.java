package org.reach.rights;

import java.time.Instant;

/**
 * A response given to a report: what was done, by whom (the recorder when left empty) and when (now when left
 * empty; a device that was offline sends the time).
 */
public record ViolenceResponseForm(ResponseKind kind, String note, String givenBy, Instant givenAt) {
}
