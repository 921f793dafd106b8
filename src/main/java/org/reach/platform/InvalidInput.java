package org.reach.platform;

import java.util.List;

/**
 * Input that breaks a rule. Services validate everything before writing anything and throw this with
 * every problem found, so the page can show each beside its field and the API can name each field.
 */
public class InvalidInput extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super("Invalid input: " + problems.stream().map(FieldProblem::field).toList());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("InvalidInput needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(String field, String messageKey, Object... arguments) {
        return new InvalidInput(List.of(FieldProblem.of(field, messageKey, arguments)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
