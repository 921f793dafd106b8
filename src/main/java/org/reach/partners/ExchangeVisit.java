package org.reach.partners;

import java.time.LocalDate;
import java.util.List;

public record ExchangeVisit(long id, Long programmeId, long hostOrganisationId, String hostOrganisationName,
                            LocalDate visitStart, LocalDate visitEnd, String purpose, String learningNotes,
                            List<Visitor> visitors, List<Long> actionIds) {

    public ExchangeVisit {
        visitors = List.copyOf(visitors);
        actionIds = List.copyOf(actionIds);
    }
}
