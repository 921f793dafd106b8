package org.reach.rights;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.reach.audit.AuditTrail;
import org.reach.indicators.IndicatorQuery;
import org.reach.indicators.Period;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Programme;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.rights.store.ViolenceStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The anonymised advocacy report, for sharing with partners and authorities: an organisation's managers and
 * protection focal persons see their organisation's, a coordinator the whole programme's (never one organisation of
 * it, which next to the programme's would give counts away by subtraction). Only whole months, quarters and years
 * that have ended: a period still running grows a day at a time, and two days side by side would give a day away.
 */
@Service
@Transactional
public class ViolenceAdvocacy {

    static final String ENTITY = "violence_advocacy";

    private final ViolenceStore store;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    ViolenceAdvocacy(ViolenceStore store, OrganisationDirectory directory, AuditTrail audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean mayView(ReachUser actor) {
        return RightsAccess.mayViewAdvocacy(actor);
    }

    /** The period shown when none is asked for: the last quarter that has ended. */
    public Period defaultPeriod() {
        return IndicatorQuery.lastCompleteQuarter(LocalDate.now(clock));
    }

    /** Periods offered on the page: the last four quarters and the last two years that have ended. */
    public List<Period> offeredPeriods() {
        List<Period> periods = new ArrayList<>();
        Period quarter = defaultPeriod();
        for (int i = 0; i < 4; i++) {
            periods.add(quarter);
            quarter = IndicatorQuery.lastCompleteQuarter(quarter.start());
        }
        int year = LocalDate.now(clock).getYear();
        periods.add(Period.year(year - 1));
        periods.add(Period.year(year - 2));
        return periods;
    }

    /** The period a text names, when it is a whole month, quarter or year that has ended (asked by a viewer). */
    public Period period(ReachUser actor, String text) {
        if (!mayView(actor)) {
            throw new Forbidden("view the violence advocacy report");
        }
        if (text == null || text.isBlank()) {
            return defaultPeriod();
        }
        Period period = Period.parse(text);
        if (period == null || period.type() == Period.Type.CUSTOM) {
            throw InvalidInput.of("period", "rights.error.period");
        }
        if (!period.end().isBefore(LocalDate.now(clock))) {
            throw InvalidInput.of("period", "rights.error.periodNotEnded");
        }
        return period;
    }

    /** The report of the actor's scope (programme or organisation) for a period that has ended. */
    public AdvocacyReport report(ReachUser actor, Period period) {
        Scope scope = scope(actor);
        return AdvocacyCounts.report(scope.label(), period, store.counted(scope.organisationIds(), null, period.start(),
                period.end()));
    }

    /** Notes in the audit log that the report left Reach as a file. */
    @Transactional
    public void exported(ReachUser actor, String period, String format) {
        Scope scope = scope(actor);
        audit.recordExport(actor, actor.organisationId(), ENTITY, null,
                "advocacy report " + scope.label() + " " + period + " " + format);
    }

    private record Scope(String label, List<Long> organisationIds) {
    }

    private Scope scope(ReachUser actor) {
        if (!mayView(actor)) {
            throw new Forbidden("view the violence advocacy report");
        }
        if (actor.organisationId() != null) {
            Organisation own = directory.organisation(actor, actor.organisationId());
            return new Scope(own.name(), List.of(own.id()));
        }
        Programme programme = directory.programme(actor, actor.programmeId());
        List<Long> ids = directory.organisations(actor).stream()
                .filter(o -> o.programmeId() != null && o.programmeId() == programme.id()).map(Organisation::id).toList();
        return new Scope(programme.name(), ids);
    }
}
