package org.reach.rar;

/** How a finding was gathered. */
public enum NoteKind {
    INTERVIEW, FOCUS_GROUP, OBSERVATION;

    public String messageKey() {
        return "rar.kind." + name();
    }
}
