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
        types = types == null ? Set.of() : Set.copyOf(types);
        perpetrators = perpetrators == null ? Set.of() : Set.copyOf(perpetrators);
        help = help == null ? Set.of() : Set.copyOf(help);
    }
}
