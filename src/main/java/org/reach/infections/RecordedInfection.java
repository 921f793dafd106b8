package org.reach.infections;

/** The stored record and whether this call created it (false: the same uuid and content came before). */
public record RecordedInfection(InfectionRecord record, boolean created) {
}
