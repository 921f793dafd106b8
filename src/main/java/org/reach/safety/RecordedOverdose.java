package org.reach.safety;

/** The outcome of submitting a report: the stored one, and whether this call created it (false for a repeat). */
public record RecordedOverdose(OverdoseReport report, boolean created) {
}
