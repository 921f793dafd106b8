package org.reach.platform;

import java.util.List;

/** An uploaded CSV or XLSX sheet: its header row and its non-empty data rows. */
public record Table(List<String> headers, List<TableRow> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
