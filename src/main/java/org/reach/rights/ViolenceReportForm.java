package org.reach.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.reach.clients.Gender;

/**
 * A violence or rights-violation report as a recorder sends it. The person is a registered client (by code) or
 * anonymous with sex and age band. {@code uuid} is made by the sender, so a repeated submission is recognised;
 * {@code reportedAt} is when the recorder heard of it (a device that was offline sends it; otherwise it is now) and
 * starts the crisis clock.
 */
public record ViolenceReportForm(String uuid, LocalDate occurredOn, Long siteId, String hotspot, String clientCode,
                                 Gender gender, AgeBand ageBand, Set<ViolenceType> types, Set<Perpetrator> perpetrators,
                                 Boolean wantsHelp, Set<HelpKind> help, String description, Instant reportedAt) {

    public ViolenceReportForm {
        types = present(types);
        perpetrators = present(perpetrators);
        help = present(help);
    }

    /** The values given, without the empty ones a JSON list may hold ({@code [null]} names nothing). */
    private static <E> Set<E> present(Set<E> values) {
        return values == null ? Set.of() : values.stream().filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
