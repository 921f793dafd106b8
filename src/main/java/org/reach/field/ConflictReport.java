package org.reach.field;

import java.util.List;
import java.util.Map;

/**
 * What a phone sends when the server refused one of its records because the uuid is already stored with other
 * content: the record as the phone has it, the form version it was made with and the fields the server named.
 */
public record ConflictReport(ConflictKind kind, String uuid, String formVersion, Long siteId,
                             Map<String, Object> record, List<String> differences) {

    public ConflictReport {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }
}
