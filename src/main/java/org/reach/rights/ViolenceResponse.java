package org.reach.rights;

import java.time.Instant;

/** A response given to a report: what, by whom, when, and who recorded it. */
public record ViolenceResponse(long id, ResponseKind kind, String note, String givenBy, Instant givenAt, long recordedBy,
                               Instant recordedAt) {

    public String givenAtUtc() {
        return ViolenceReport.utc(givenAt);
    }
}
