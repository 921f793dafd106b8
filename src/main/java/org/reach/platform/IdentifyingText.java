package org.reach.platform;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for free text that may identify a person: a phone or identity-card number, or a cue that a name follows
 * ("my name is", "naam", "jina lake", "Mr", "bhai", "CNIC"). Whoever stores free text asks here, then warns (an
 * encounter note) or refuses unless the person confirms (assessment notes, overdose and death notes).
 * <p>
 * Two capitalised words in a row ("Rashid Minhas") are reported apart, as {@link Kind#CAPITALISED_PAIR}: in a note
 * about a person they are usually a name, in a note about a place they are usually the place ("Lyari Expressway"),
 * so only the caller knows whether they count.
 */
public final class IdentifyingText {

    /** What the text seems to hold. */
    public enum Kind {
        /** Seven or more digits in a row, spaces and dashes allowed between them (phone and identity-card numbers). */
        NUMBER,
        /** Words that introduce a name, in English, Urdu or Swahili as typed in Latin letters. */
        NAME_CUE,
        /** Two capitalised words in a row. */
        CAPITALISED_PAIR
    }

    private static final Pattern NUMBER = Pattern.compile("\\+?\\d(?:[\\s-]*\\d){6,}");
    /** Dates (2026-03-01, 1/3/2026, 01.03.26) are taken out before looking for numbers: they identify nobody. */
    private static final Pattern DATE = Pattern.compile("\\b(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4})\\b");
    private static final Pattern NAME_CUE = Pattern.compile(
            "(?iu)\\b(?:(?:my|his|her)\\s+name\\s+is|name\\s+is|name:|called|mr\\.?|mrs\\.?|ms\\.?|bhai|baji|cnic|naam"
                    + "|jina\\s+lake|jina\\s+ni)(?=\\s|$|[\\p{Punct}])");
    private static final Pattern CAPITALISED_PAIR = Pattern.compile("\\b\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+\\b");

    private IdentifyingText() {
    }

    /** Everything the text seems to hold; empty for blank text. */
    public static Set<Kind> find(String text) {
        Set<Kind> found = EnumSet.noneOf(Kind.class);
        if (text == null || text.isBlank()) {
            return found;
        }
        if (NUMBER.matcher(DATE.matcher(text).replaceAll(" ")).find()) {
            found.add(Kind.NUMBER);
        }
        if (NAME_CUE.matcher(text).find()) {
            found.add(Kind.NAME_CUE);
        }
        if (CAPITALISED_PAIR.matcher(text).find()) {
            found.add(Kind.CAPITALISED_PAIR);
        }
        return found;
    }

    /** A number or a name cue: enough to refuse text that is about places and events, not people. */
    public static boolean looksIdentifying(String text) {
        Set<Kind> found = find(text);
        return found.contains(Kind.NUMBER) || found.contains(Kind.NAME_CUE);
    }
}
