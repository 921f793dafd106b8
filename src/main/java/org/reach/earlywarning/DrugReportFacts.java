package org.reach.earlywarning;

import java.util.List;

import org.reach.earlywarning.store.EarlyWarningStore;
import org.reach.indicators.ContributedIndicator;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.indicators.IndicatorFacts;
import org.reach.indicators.IndicatorUnit;
import org.springframework.stereotype.Component;

/**
 * Drug reports counted by the indicator engine, so that the programme sees them per site, city and organisation
 * under the same joint small-cell suppression as every other figure. Reports are about no person: one row per site.
 */
@Component
class DrugReportFacts implements IndicatorFacts {

    private final EarlyWarningStore store;

    DrugReportFacts(EarlyWarningStore store) {
        this.store = store;
    }

    @Override
    public List<String> measures() {
        return List.of("DRUG_REPORTS", "DRUG_REPORTS_SYNTHETIC_OPIOIDS");
    }

    @Override
    public List<ContributedIndicator> indicators() {
        List<Disaggregation> places = List.of(Disaggregation.NONE, Disaggregation.SITE, Disaggregation.CITY,
                Disaggregation.ORGANISATION);
        return List.of(
                new ContributedIndicator("EW_DRUG_REPORTS", "Drug reports recorded in the period", null,
                        IndicatorUnit.COUNT, "ANY", places, "Reach early warning: drug reports", "DRUG_REPORTS", null,
                        210),
                new ContributedIndicator("EW_SYNTHETIC_OPIOID_REPORTS",
                        "Drug reports in which fentanyl, an analogue or a nitazene was found", null,
                        IndicatorUnit.COUNT, "ANY", places, "Reach early warning: drug reports, adulterants",
                        "DRUG_REPORTS_SYNTHETIC_OPIOIDS", null, 211));
    }

    @Override
    public List<FactRow> load(FactQuery query) {
        if (query.clientIds() != null && !query.anonymousOnly()) {
            return List.of(); // reports belong to no client
        }
        return store.siteCounts(query.organisationIds(), query.siteId(), query.start(), query.end()).stream()
                .map(c -> new FactRow(null, c.organisationId(), c.siteId(), null, null,
                        new long[] {c.reports(), c.syntheticOpioids()}))
                .toList();
    }
}
