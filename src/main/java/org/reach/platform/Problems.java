package org.reach.platform;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems while a service checks a whole input, then throws them all at once. */
public final class Problems {

    private final List<FieldProblem> found = new ArrayList<>();

    public Problems add(String field, String messageKey, Object... arguments) {
        found.add(FieldProblem.of(field, messageKey, arguments));
        return this;
    }

    public Problems check(boolean ok, String field, String messageKey, Object... arguments) {
        if (!ok) {
            add(field, messageKey, arguments);
        }
        return this;
    }

    public boolean has(String field) {
        return found.stream().anyMatch(p -> p.field().equals(field));
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
    }
}
