package org.reach.safety;

import java.time.LocalDateTime;
import java.util.List;

/**
 * An overdose report as a peer's phone or the page submits it. The uuid is made by the device, so a repeated
 * submission is recognised. Codes come as text and are checked against the lists in code, so an unknown one is
 * named beside its field. Place: a site, a hotspot of the organisation, or a GPS point with its accuracy in metres.
 * Person: a registered client (code or id) or an anonymous one with sex and age band.
 */
public record OverdoseForm(String uuid, LocalDateTime occurredAt, Long siteId, String hotspot, Double latitude,
                           Double longitude, Double gpsAccuracy, Long clientId, String clientCode, String sex,
                           String ageBand, List<String> substances, List<String> signs, Integer naloxoneDoses,
                           List<String> naloxoneGivers, Boolean naloxoneFromKit, String kitHolderCode,
                           List<String> responses, String outcome, String notes) {

    public OverdoseForm {
        substances = substances == null ? List.of() : substances;
        signs = signs == null ? List.of() : signs;
        naloxoneGivers = naloxoneGivers == null ? List.of() : naloxoneGivers;
        responses = responses == null ? List.of() : responses;
    }
}
