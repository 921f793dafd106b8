package org.reach.partners;

import java.util.List;
import java.util.Optional;

/** One version of the assessment framework. Assessments keep the version they were scored on. */
public record Framework(long id, int version, String name, FrameworkStatus status, List<Domain> domains) {

    public Framework {
        domains = List.copyOf(domains);
    }

    public List<Question> questions() {
        return domains.stream().flatMap(d -> d.questions().stream()).toList();
    }

    public Optional<Question> question(long questionId) {
        return questions().stream().filter(q -> q.id() == questionId).findFirst();
    }
}
