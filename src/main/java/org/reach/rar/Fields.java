package org.reach.rar;

import java.util.List;
import java.util.Objects;

import org.reach.platform.Problems;

/** How the assessment's forms clean and check their text and lists, the same way in each of its services. */
final class Fields {

    private Fields() {
    }

    static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).distinct().toList();
    }

    static void required(Problems problems, String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            problems.add(field, "error.required");
        } else if (value.length() > max) {
            problems.add(field, "error.tooLong", max);
        }
    }

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
