package org.reach.rar;

import java.util.List;

/** confirmNoIdentifyingData lets a person save text that looks like a phone number or name after checking it. */
public record NoteForm(Long hotspotId, NoteKind kind, Subgroup subgroup, List<FindingCode> codes, String summary,
                       String quote, Boolean confirmNoIdentifyingData) {
}
