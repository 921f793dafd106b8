package org.reach.rar.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Multi-valued fields are stored as comma-separated codes. */
final class Codes {

    private Codes() {
    }

    static String join(Collection<?> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v.toString()).collect(Collectors.joining(","));
    }

    static List<String> strings(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static <E extends Enum<E>> Set<E> enums(Class<E> type, String joined) {
        Set<E> set = EnumSet.noneOf(type);
        for (String code : strings(joined)) {
            set.add(Enum.valueOf(type, code));
        }
        return set;
    }
}
