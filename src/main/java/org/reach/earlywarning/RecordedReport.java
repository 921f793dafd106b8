package org.reach.earlywarning;

/** A report and whether this call stored it (false: the same uuid was already stored). */
public record RecordedReport(DrugReport report, boolean created) {
}
