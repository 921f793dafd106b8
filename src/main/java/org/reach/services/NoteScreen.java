package org.reach.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.reach.platform.IdentifyingText;

/**
 * Spots encounter notes that look like they hold a phone number or a name, so the person can rephrase them. The rule
 * is {@link IdentifyingText}'s; a note about a client counts two capitalised words as a name.
 */
public final class NoteScreen {

    private NoteScreen() {
    }

    public static List<NoteWarning> warnings(String notes) {
        Set<IdentifyingText.Kind> found = IdentifyingText.find(notes);
        List<NoteWarning> warnings = new ArrayList<>();
        if (found.contains(IdentifyingText.Kind.NUMBER)) {
            warnings.add(NoteWarning.PHONE_NUMBER);
        }
        if (found.contains(IdentifyingText.Kind.NAME_CUE) || found.contains(IdentifyingText.Kind.CAPITALISED_PAIR)) {
            warnings.add(NoteWarning.NAME);
        }
        return warnings;
    }
}
