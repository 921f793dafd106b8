package org.reach.rar;

import java.util.List;

public record HotspotForm(String name, String district, Double latitude, Double longitude, Double gpsAccuracy,
                          String polygon, Typology typology, UseType useType, List<String> drugs,
                          List<GatheringReason> reasons, List<TimeOfDay> timesOfDay, List<SafetyRisk> safetyRisks,
                          Boolean womenPresent, Boolean youthPresent, Boolean transgenderPresent) {

    public static HotspotForm blank() {
        return new HotspotForm("", "", null, null, null, "", Typology.STREET, UseType.MIXED, List.of(), List.of(),
                List.of(), List.of(), false, false, false);
    }

    public static HotspotForm of(Hotspot h) {
        return new HotspotForm(h.name(), h.district(), h.latitude(), h.longitude(), h.gpsAccuracy(), h.polygon(),
                h.typology(), h.useType(), h.drugs(), List.copyOf(h.reasons()), List.copyOf(h.timesOfDay()),
                List.copyOf(h.safetyRisks()), h.womenPresent(), h.youthPresent(), h.transgenderPresent());
    }
}
