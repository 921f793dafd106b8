package org.reach.indicators;

import java.util.List;

/** An indicator's total month by month within a period. */
public record Trend(IndicatorDefinition definition, List<Period> months, List<IndicatorRow> points) {
}
