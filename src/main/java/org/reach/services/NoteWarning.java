package org.reach.services;

/** Why a note may identify someone: it looks like it holds a phone number or a name. */
public enum NoteWarning {
    PHONE_NUMBER, NAME;

    public String messageKey() {
        return "noteWarning." + name();
    }
}
