package org.reach.followup;

import java.util.List;

/**
 * People who moved from one city (rows) to another (columns) in a quarter, as shown: a number, "&lt;5" for a count
 * of 1 to 4, or "*" for a count hidden so that the totals do not give a small one away.
 */
public record FlowTable(int year, int quarter, List<String> fromCities, List<String> toCities, List<List<String>> cells,
                        List<String> rowTotals, List<String> columnTotals, String total) {

    public FlowTable {
        fromCities = List.copyOf(fromCities);
        toCities = List.copyOf(toCities);
        cells = cells.stream().map(List::copyOf).toList();
        rowTotals = List.copyOf(rowTotals);
        columnTotals = List.copyOf(columnTotals);
    }
}
