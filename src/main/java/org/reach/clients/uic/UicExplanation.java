package org.reach.clients.uic;

import java.util.List;
import java.util.Optional;

/**
 * A code and, part by part, where its characters came from, so the form can show for instance
 * "محمد → MH (transliterated)" or "mother unknown: own first name used" before anything is saved.
 * It holds only the characters that are in the code, never the names or dates they were taken from.
 */
public record UicExplanation(UicScheme scheme, String code, List<Part> parts) {

    public UicExplanation {
        parts = List.copyOf(parts);
    }

    /**
     * One part of the code.
     *
     * @param field          the component the characters stand for ({@code motherFirstName},
     *                       {@code fatherFirstName}, {@code gender}, {@code birthOrder}, {@code birthMonth},
     *                       {@code birthDay}, {@code birthYear})
     * @param characters     the characters of the code for this part, e.g. {@code MH} or {@code 89}
     * @param source         where they came from
     * @param transliterated the letters were transliterated from Arabic script (Urdu, Arabic, Persian)
     * @param padded         the name gave only one letter, so {@code X} was added
     */
    public record Part(String field, String characters, Source source, boolean transliterated, boolean padded) {
    }

    public enum Source {
        /** Taken from the component itself. */
        GIVEN,
        /** The parent is unknown: taken from the person's own first name. */
        OWN_FIRST_NAME,
        /** The father is unknown: taken from the person's own last name. */
        OWN_LAST_NAME,
        /** Not known: the scheme's filler ({@code 99}, {@code 9999}) is used. */
        UNKNOWN;

        public String messageKey() {
            return "uicSource." + name();
        }
    }

    /** The part for one field, if the scheme uses that field. */
    public Optional<Part> part(String field) {
        return parts.stream().filter(p -> p.field().equals(field)).findFirst();
    }
}
