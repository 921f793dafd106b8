package org.reach.safety;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.reach.platform.Problems;

/** Codes sent as text, checked against the lists in code: an unknown one is named beside its field. */
final class Codes {

    /** More choices than any list has: a longer list is a broken client, refused rather than stored. */
    static final int MAX_CHOICES = 20;

    private Codes() {
    }

    static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static <E extends Enum<E>> E one(Class<E> type, String text, String field, Problems problems, boolean required) {
        String code = clean(text);
        if (code == null) {
            if (required) {
                problems.add(field, "error.required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add(field, "safety.error.unknownCode", code.length() > 40 ? code.substring(0, 40) : code);
            return null;
        }
    }

    static <E extends Enum<E>> Set<E> many(Class<E> type, Collection<String> texts, String field, Problems problems) {
        Set<E> values = EnumSet.noneOf(type);
        if (texts.size() > MAX_CHOICES) {
            problems.add(field, "safety.error.tooManyChoices", MAX_CHOICES);
            return values;
        }
        for (String text : texts) {
            if (clean(text) == null) {
                continue;
            }
            E value = one(type, text, field, problems, false);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }
}
