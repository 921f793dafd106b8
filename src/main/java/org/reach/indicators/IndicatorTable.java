package org.reach.indicators;

import java.util.List;

/** An indicator for one scope and period: the total and, when asked, one row per category. */
public record IndicatorTable(IndicatorDefinition definition, Period period, Disaggregation disaggregation,
                             IndicatorRow total, List<IndicatorRow> rows, boolean suppressionApplied) {
}
