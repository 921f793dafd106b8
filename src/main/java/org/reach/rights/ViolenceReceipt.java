package org.reach.rights;

import java.time.Instant;

/**
 * What a recorder learns of a report they submitted: its number and when it was reported, never its details (only
 * the protection focal persons read those). {@code created} is false when the uuid was already stored with the same
 * content.
 */
public record ViolenceReceipt(long number, Instant reportedAt, boolean created) {

    public String reportedAtUtc() {
        return ViolenceReport.utc(reportedAt);
    }
}
