package org.reach.safety;

import java.time.LocalDate;

/** A recorded death of a client, with its coded cause, who told, and the optional verbal autopsy. */
public record Death(long id, long organisationId, long clientId, LocalDate diedOn, Long siteId, String place,
                    CauseOfDeath cause, DeathSource source, Long overdoseReportId, Answer alone, Answer illBefore,
                    Answer soughtCare, Answer recentlyReleased, String notes, long recordedBy) {

    public boolean hasVerbalAutopsy() {
        return alone != null || illBefore != null || soughtCare != null || recentlyReleased != null || notes != null;
    }
}
