package org.reach.followup;

import java.time.LocalDate;

/**
 * A detention episode: open while {@code releasedOn} is null (the client is DETAINED), then the release, what was
 * given inside and on release, and the first contact after release ({@code contactedOn}).
 */
public record Detention(long id, long organisationId, long clientId, FacilityType facilityType, String facilityName,
                        LocalDate startedOn, LocalDate expectedRelease, LocalDate releasedOn, OatInside oatInside,
                        Boolean naloxoneOnRelease, LocalDate contactedOn) {

    public boolean open() {
        return releasedOn == null;
    }
}
