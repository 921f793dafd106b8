package org.reach.platform;

import java.util.Map;

/** One data row of an uploaded table, with the line number a person sees in their spreadsheet. */
public record TableRow(int line, Map<String, String> values) {

    public TableRow {
        values = Map.copyOf(values);
    }

    /** The trimmed cell under this header, or null when the column is absent or the cell empty. */
    public String get(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
