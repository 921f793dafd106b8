package org.reach.platform;

import java.util.List;

/** Why one row of an import was refused: line, column and a message-bundle key with arguments. */
public record RowProblem(int line, String column, String messageKey, List<Object> arguments) {

    public RowProblem {
        arguments = List.copyOf(arguments);
    }

    public static RowProblem of(int line, String column, String messageKey, Object... arguments) {
        return new RowProblem(line, column, messageKey, List.of(arguments));
    }
}
