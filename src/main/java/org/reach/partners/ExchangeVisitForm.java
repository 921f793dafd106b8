package org.reach.partners;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

public record ExchangeVisitForm(Long hostOrganisationId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitStart, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitEnd, String purpose,
                                String learningNotes, List<Visitor> visitors, List<Long> actionIds) {

    public ExchangeVisitForm {
        visitors = visitors == null ? List.of() : List.copyOf(visitors);
        actionIds = actionIds == null ? List.of() : List.copyOf(actionIds);
    }
}
