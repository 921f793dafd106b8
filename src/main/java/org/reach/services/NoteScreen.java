package org.reach.services;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Spots notes that look like they hold a phone number or a name, so the person can rephrase them. */
public final class NoteScreen {

    private static final Pattern PHONE = Pattern.compile("\\+?\\d(?:[\\s-]*\\d){6,}");
    private static final Pattern TWO_CAPITALISED = Pattern.compile("\\b\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+\\b");
    private static final Pattern NAME_IS = Pattern.compile("(?iu)\\b(?:name\\s+is|naam|jina\\s+lake|jina\\s+ni)\\b");

    private NoteScreen() {
    }

    public static List<NoteWarning> warnings(String notes) {
        List<NoteWarning> found = new ArrayList<>();
        if (notes == null || notes.isBlank()) {
            return found;
        }
        if (PHONE.matcher(notes).find()) {
            found.add(NoteWarning.PHONE_NUMBER);
        }
        if (TWO_CAPITALISED.matcher(notes).find() || NAME_IS.matcher(notes).find()) {
            found.add(NoteWarning.NAME);
        }
        return found;
    }
}
