package org.reach.partners;

import java.time.LocalDate;
import java.util.List;

public record Training(long id, Long programmeId, String topic, LocalDate date, long trainerOrganisationId,
                       String trainerOrganisationName, String trainers, List<Participant> participants,
                       List<Long> actionIds) {

    public Training {
        participants = List.copyOf(participants);
        actionIds = List.copyOf(actionIds);
    }

    public Double averagePre() {
        return participants.stream().filter(p -> p.preScore() != null).mapToInt(Participant::preScore).average().stream()
                .boxed().findFirst().orElse(null);
    }

    public Double averagePost() {
        return participants.stream().filter(p -> p.postScore() != null).mapToInt(Participant::postScore).average().stream()
                .boxed().findFirst().orElse(null);
    }
}
