package org.reach.rar;

import java.util.List;
import java.util.Set;

/**
 * A place where people use drugs, by name or alias only (never an address of a person). The GPS accuracy
 * is in metres; a point measured worse than the configured threshold is flagged as imprecise.
 */
public record Hotspot(long id, long assessmentId, String name, String district, double latitude, double longitude,
                      Double gpsAccuracy, boolean imprecise, String polygon, Typology typology, UseType useType,
                      List<String> drugs, Set<GatheringReason> reasons, Set<TimeOfDay> timesOfDay,
                      Set<SafetyRisk> safetyRisks, boolean womenPresent, boolean youthPresent,
                      boolean transgenderPresent) {
}
