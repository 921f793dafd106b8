package org.reach.indicators;

import java.util.Locale;

import org.reach.audit.AuditTrail;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Service;

/**
 * Puts every indicator file or payload that leaves Reach into the audit log, as the RAR and partner reports
 * are: who (the entry's actor), what, for which scope and period, in which format. Called once the content is
 * built, so a refused or failed export leaves no entry.
 */
@Service
public class IndicatorExportLog {

    /** CSV and XLSX tables, the full export and the DHIS2 payload. */
    public static final String EXPORT = "indicator_export";
    /** The donor report PDF. */
    public static final String REPORT = "indicator_report";

    private final AuditTrail audit;

    IndicatorExportLog(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * @param what           the indicator code, "all indicators" or what the file is
     * @param disaggregation the breakdown, or null when the export has none or all of them
     */
    public void exported(ReachUser actor, String entityType, IndicatorScope scope, Period period, String what,
                         Disaggregation disaggregation, String format) {
        String detail = format.toLowerCase(Locale.ROOT) + " " + what
                + (disaggregation == null || disaggregation == Disaggregation.NONE ? "" : " by " + disaggregation.name())
                + ", " + scope(scope) + ", " + period.code();
        audit.recordExport(actor, organisationOf(scope), entityType, null, detail);
    }

    /** The organisation's log holds the entry when the scope is one organisation; programme-wide ones are the administrators'. */
    private static Long organisationOf(IndicatorScope scope) {
        if (scope.organisationId() != null) {
            return scope.organisationId();
        }
        return scope.organisationIds().size() == 1 ? scope.organisationIds().get(0) : null;
    }

    private static String scope(IndicatorScope scope) {
        StringBuilder text = new StringBuilder();
        if (scope.organisationId() != null) {
            text.append("organisation ").append(scope.organisationId());
        } else if (scope.programmeId() != null) {
            text.append("programme ").append(scope.programmeId());
        } else {
            text.append("organisations ").append(scope.organisationIds());
        }
        if (scope.siteId() != null) {
            text.append(" site ").append(scope.siteId());
        }
        return text.toString();
    }
}
