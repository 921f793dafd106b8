package org.reach.partners;

import java.time.LocalDate;
import java.util.List;

public record ExchangeVisitForm(Long hostOrganisationId, LocalDate visitStart, LocalDate visitEnd, String purpose,
                                String learningNotes, List<Visitor> visitors, List<Long> actionIds) {

    public ExchangeVisitForm {
        visitors = visitors == null ? List.of() : List.copyOf(visitors);
        actionIds = actionIds == null ? List.of() : List.copyOf(actionIds);
    }
}
