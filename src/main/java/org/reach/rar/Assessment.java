package org.reach.rar;

import java.time.LocalDate;

/** One rapid assessment of a city or area by an organisation's team. */
public record Assessment(long id, long organisationId, String title, String area, LocalDate periodStart,
                         LocalDate periodEnd, String team, String researchQuestions, AssessmentStatus status) {
}
