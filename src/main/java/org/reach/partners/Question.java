package org.reach.partners;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One question of a framework domain, scored 1–4; anchors.get(n - 1) describes level n. The text and anchors
 * are the English wording; translations holds the wording in other languages, by language tag.
 */
public record Question(long id, long domainId, String code, String text, int position, List<String> anchors,
                       Map<String, Wording> translations) {

    /** A question's wording in one language. */
    public record Wording(String text, List<String> anchors) {

        public Wording {
            anchors = List.copyOf(anchors);
        }
    }

    public Question {
        anchors = List.copyOf(anchors);
        translations = Map.copyOf(translations);
    }

    public Question(long id, long domainId, String code, String text, int position, List<String> anchors) {
        this(id, domainId, code, text, position, anchors, Map.of());
    }

    /** The wording in the reader's language, in English where the question has no translation into it. */
    public Wording wording(Locale locale) {
        Wording translated = locale == null ? null : translations.get(locale.getLanguage());
        return translated != null ? translated : new Wording(text, anchors);
    }

    public String text(Locale locale) {
        return wording(locale).text();
    }

    public List<String> anchors(Locale locale) {
        return wording(locale).anchors();
    }
}
