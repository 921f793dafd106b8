package org.reach.rar;

import java.util.Set;

/** An interview, focus-group or observation note coded against the codebook; quotes carry no identifying data. */
public record Note(long id, long assessmentId, Long hotspotId, NoteKind kind, Subgroup subgroup, Set<FindingCode> codes,
                   String summary, String quote) {
}
