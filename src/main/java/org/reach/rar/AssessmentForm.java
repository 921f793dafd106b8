package org.reach.rar;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

public record AssessmentForm(Long organisationId, String title, String area,
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodStart,
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodEnd,
                             String team, String researchQuestions, AssessmentStatus status) {

    /** The four research questions of the Karachi study, offered on every new assessment. */
    public static final String KARACHI_QUESTIONS = """
            Are there (sub)groups of people who inject and use drugs who currently have no access to harm reduction, HIV and other drug-related services?
            Why do these hidden groups not use the available services?
            What are effective strategies to reach these groups, and how can existing strategies be extended to improve reach?
            How can existing harm reduction and HIV services be adapted to match these groups better with the available interventions?""";

    public static AssessmentForm blank(Long organisationId) {
        return new AssessmentForm(organisationId, "", "", null, null, "", KARACHI_QUESTIONS, AssessmentStatus.PLANNING);
    }

    public static AssessmentForm of(Assessment a) {
        return new AssessmentForm(a.organisationId(), a.title(), a.area(), a.periodStart(), a.periodEnd(), a.team(),
                a.researchQuestions(), a.status());
    }
}
