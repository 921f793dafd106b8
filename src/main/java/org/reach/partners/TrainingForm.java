package org.reach.partners;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

public record TrainingForm(String topic, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Long trainerOrganisationId, String trainers,
                           List<Participant> participants, List<Long> actionIds) {

    public TrainingForm {
        participants = participants == null ? List.of() : List.copyOf(participants);
        actionIds = actionIds == null ? List.of() : List.copyOf(actionIds);
    }
}
