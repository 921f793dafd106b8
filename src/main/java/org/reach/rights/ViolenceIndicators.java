package org.reach.rights;

import java.util.ArrayList;
import java.util.List;

import org.reach.indicators.ContributedIndicator;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.indicators.IndicatorFacts;
import org.reach.indicators.IndicatorUnit;
import org.reach.rights.store.ViolenceStore;
import org.springframework.stereotype.Component;

/**
 * Violence incidents as the indicator engine counts them: one row per report at its site, with the person's sex when
 * anonymous, counting the incident, whether it had a first response within 24 hours, and each type and perpetrator
 * it names. Incidents are counted in the period their incident date falls in. The hotspot is not passed on: no
 * indicator breaks violence down by hotspot.
 */
@Component
class ViolenceIndicators implements IndicatorFacts {

    static final String INCIDENTS = "VIOLENCE_INCIDENTS";
    static final String RESPONDED = "VIOLENCE_RESPONDED_24H";
    private static final String SOURCE = "Global Fund Modular Framework, reducing human rights-related barriers "
            + "(rights violations reported and responded to); UNAIDS Global AIDS Monitoring (violence experienced by key "
            + "populations); Reach crisis-response standard: first response within 24 hours";
    private static final List<Disaggregation> PLACES_AND_SEX = List.of(Disaggregation.SEX, Disaggregation.SITE,
            Disaggregation.CITY);

    private final ViolenceStore store;

    ViolenceIndicators(ViolenceStore store) {
        this.store = store;
    }

    static String typeMeasure(ViolenceType type) {
        return "VIOLENCE_TYPE_" + type.name();
    }

    static String perpetratorMeasure(Perpetrator perpetrator) {
        return "VIOLENCE_BY_" + perpetrator.name();
    }

    @Override
    public List<String> measures() {
        List<String> measures = new ArrayList<>(List.of(INCIDENTS, RESPONDED));
        for (ViolenceType type : ViolenceType.values()) {
            measures.add(typeMeasure(type));
        }
        for (Perpetrator perpetrator : Perpetrator.values()) {
            measures.add(perpetratorMeasure(perpetrator));
        }
        return measures;
    }

    @Override
    public List<ContributedIndicator> indicators() {
        return List.of(
                new ContributedIndicator(INCIDENTS,
                        "Violence and rights-violation incidents reported to the organisation, by the incident's date",
                        null, IndicatorUnit.COUNT, "ANY", PLACES_AND_SEX, SOURCE, INCIDENTS, null, 300),
                new ContributedIndicator("VIOLENCE_BY_POLICE",
                        "Violence and rights-violation incidents in which the police took part",
                        null, IndicatorUnit.COUNT, "ANY", PLACES_AND_SEX, SOURCE, perpetratorMeasure(Perpetrator.POLICE),
                        null, 305),
                new ContributedIndicator("VIOLENCE_RESPONSE_24H",
                        "Incidents with a first response within 24 hours of the report",
                        "Violence and rights-violation incidents reported", IndicatorUnit.PERCENT, "ANY", PLACES_AND_SEX,
                        SOURCE, RESPONDED, INCIDENTS, 310));
    }

    @Override
    public List<FactRow> load(FactQuery query) {
        List<FactRow> rows = new ArrayList<>();
        int width = measures().size();
        for (ViolenceStore.Counted r : store.counted(query.organisationIds(), query.siteId(), query.start(), query.end())) {
            if (!query.wants(r.clientId())) {
                continue;
            }
            long[] values = new long[width];
            values[0] = 1;
            values[1] = AdvocacyCounts.respondedInTime(r) ? 1 : 0;
            for (ViolenceType type : r.types()) {
                values[2 + type.ordinal()] = 1;
            }
            for (Perpetrator perpetrator : r.perpetrators()) {
                values[2 + ViolenceType.values().length + perpetrator.ordinal()] = 1;
            }
            rows.add(new FactRow(r.clientId(), r.organisationId(), r.siteId(), null,
                    r.clientId() == null && r.gender() != null ? r.gender().name() : null, values));
        }
        return rows;
    }
}
