package org.reach.services;

import java.util.List;

/** The outcome of a batch: how many were stored, which were already known, and warnings by index. */
public record BatchResult(int stored, List<Duplicate> duplicates, List<IndexedWarning> warnings, List<Long> ids) {

    public BatchResult {
        duplicates = List.copyOf(duplicates);
        warnings = List.copyOf(warnings);
        ids = List.copyOf(ids);
    }

    /** An encounter whose uuid was already stored with the same content; it was not stored again. */
    public record Duplicate(int index, String uuid, long id) {
    }

    public record IndexedWarning(int index, NoteWarning warning) {
    }
}
