package org.reach.services;

import java.util.List;

/** The outcome of recording one encounter: the stored record, whether it is new, and note warnings. */
public record RecordedEncounter(Encounter encounter, boolean created, List<NoteWarning> warnings) {

    public RecordedEncounter {
        warnings = List.copyOf(warnings);
    }
}
