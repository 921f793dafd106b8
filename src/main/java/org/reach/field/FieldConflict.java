package org.reach.field;

import java.time.Instant;
import java.util.List;

/** A phone's version of a record the server holds differently, kept until a supervisor resolves it. */
public record FieldConflict(long id, long organisationId, Long siteId, Long deviceId, long reportedBy,
                            ConflictKind kind, String uuid, String formVersion, String phoneVersion,
                            List<String> differences, Instant reportedAt, Instant resolvedAt, Long resolvedBy,
                            Resolution resolution, String resolutionNote) {

    public FieldConflict {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    public boolean open() {
        return resolvedAt == null;
    }
}
