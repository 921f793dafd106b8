package org.reach.outreach;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * An outreach session as a peer or a device submits it: the uuid is made by the client, so a repeat is recognised.
 * Commodity counts are what the team handed out at the session in all; missing counts are zero. Returned syringes
 * are a count or the weight of the sharps container. The form version names the form the record was made with.
 * Without a setting the session is hotspot outreach when it names a hotspot, else what its site's type usually holds.
 */
public record OutreachSessionForm(String uuid, Long siteId, Long hotspotId, OutreachSetting setting, LocalDate date, LocalTime start,
                                  LocalTime end, List<Long> peerIds, List<ContactCount> contacts,
                                  List<KnownClient> knownClients, Integer needlesSyringes, Integer condoms,
                                  Integer naloxone, Integer foilPipes, Integer informationMaterial,
                                  Integer returnedSyringes, Integer returnedWeightGrams, Integer referrals,
                                  List<IncidentCount> incidents, String formVersion) {

    public OutreachSessionForm {
        peerIds = peerIds == null ? List.of() : peerIds;
        contacts = contacts == null ? List.of() : contacts;
        knownClients = knownClients == null ? List.of() : knownClients;
        incidents = incidents == null ? List.of() : incidents;
    }
}
