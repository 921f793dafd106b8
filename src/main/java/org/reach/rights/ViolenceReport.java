package org.reach.rights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.reach.clients.Gender;

/** A violence or rights-violation report in full, for the organisation's protection focal persons only. */
public record ViolenceReport(long id, long organisationId, LocalDate occurredOn, long siteId, String city, String hotspot,
                             Long clientId, Gender gender, AgeBand ageBand, Set<ViolenceType> types,
                             Set<Perpetrator> perpetrators, boolean wantsHelp, Set<HelpKind> help, String description,
                             long recordedBy, Instant reportedAt, Instant recordedAt, Instant firstResponseAt,
                             Instant closedAt, Long closedBy, CaseOutcome outcome, List<ViolenceResponse> responses) {

    /** The crisis clock: a first response is due within 24 hours of the report. */
    public static final Duration RESPONSE_DUE = Duration.ofHours(24);

    public ViolenceReport {
        types = Set.copyOf(types);
        perpetrators = Set.copyOf(perpetrators);
        help = Set.copyOf(help);
        responses = List.copyOf(responses);
    }

    /** A time as pages show it: minutes in UTC, named as such. */
    public static String utc(java.time.Instant time) {
        return time == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(time);
    }

    public Instant dueBy() {
        return reportedAt.plus(RESPONSE_DUE);
    }

    public String dueByUtc() {
        return utc(dueBy());
    }

    public String reportedAtUtc() {
        return utc(reportedAt);
    }

    public boolean closed() {
        return closedAt != null;
    }

    public CrisisClock clock(Instant now) {
        if (firstResponseAt != null) {
            return firstResponseAt.isAfter(dueBy()) ? CrisisClock.LATE : CrisisClock.IN_TIME;
        }
        if (closedAt != null) {
            return CrisisClock.CLOSED_UNANSWERED;
        }
        return now.isAfter(dueBy()) ? CrisisClock.OVERDUE : CrisisClock.DUE;
    }
}
