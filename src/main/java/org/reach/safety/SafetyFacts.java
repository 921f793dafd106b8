package org.reach.safety;

import java.util.ArrayList;
import java.util.List;

import org.reach.indicators.ContributedIndicator;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.indicators.IndicatorFacts;
import org.reach.indicators.IndicatorUnit;
import org.reach.safety.store.DeathStore;
import org.reach.safety.store.OverdoseStore;
import org.reach.services.Encounters;
import org.reach.services.QuantityGiven;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safety's counts for the indicator engine, read from its own tables (and the naloxone kits given, asked of the
 * services capability): one row per overdose at its place, one per naloxone-kit encounter at its place, one per death
 * as the client's. The engine sums, breaks down and suppresses them like every other indicator.
 */
@Component
class SafetyFacts implements IndicatorFacts {

    static final String WITNESSED = "OVERDOSES_WITNESSED";
    static final String REVERSED = "OVERDOSES_REVERSED";
    static final String WITH_NALOXONE = "OVERDOSES_WITH_NALOXONE";
    static final String KITS = "NALOXONE_KITS_GIVEN";
    static final String DEATHS = "DEATHS";
    private static final List<CauseOfDeath> GROUPS = List.of(CauseOfDeath.OVERDOSE, CauseOfDeath.HIV, CauseOfDeath.TB,
            CauseOfDeath.HEPATITIS_LIVER, CauseOfDeath.VIOLENCE, CauseOfDeath.OTHER);
    private static final List<String> MEASURES = measureNames();
    private static final int DEATHS_AT = MEASURES.indexOf(DEATHS);

    private static final String WHO_2014 = "WHO 2014, Community management of opioid overdose";
    private static final String UNODC_WHO_2013 =
            "UNODC/WHO 2013, Opioid overdose: preventing and reducing opioid overdose mortality";
    private static final String MORTALITY = "Crude mortality per 1,000 person-years (Mathers et al. 2013, Bull WHO "
            + "91:102-123); person-time from enrolment or period start to death, exit or period end";
    private static final List<Disaggregation> EVENT_BREAKDOWNS = List.of(Disaggregation.SEX, Disaggregation.AGE_BANDS,
            Disaggregation.SITE, Disaggregation.CITY, Disaggregation.HOTSPOT);
    private static final List<Disaggregation> PERSON_BREAKDOWNS = List.of(Disaggregation.SEX, Disaggregation.AGE_BANDS,
            Disaggregation.SITE, Disaggregation.CITY);

    private final OverdoseStore overdoses;
    private final DeathStore deaths;
    private final Encounters encounters;

    SafetyFacts(OverdoseStore overdoses, DeathStore deaths, Encounters encounters) {
        this.overdoses = overdoses;
        this.deaths = deaths;
        this.encounters = encounters;
    }

    private static List<String> measureNames() {
        List<String> names = new ArrayList<>(List.of(WITNESSED, REVERSED, WITH_NALOXONE, KITS, DEATHS));
        GROUPS.forEach(group -> names.add(DEATHS + "_" + group.name()));
        return List.copyOf(names);
    }

    @Override
    public List<String> measures() {
        return MEASURES;
    }

    @Override
    public List<ContributedIndicator> indicators() {
        List<ContributedIndicator> list = new ArrayList<>();
        list.add(new ContributedIndicator("OVERDOSES_WITNESSED", "Overdoses witnessed and reported in the period", null,
                IndicatorUnit.COUNT, "ANY", EVENT_BREAKDOWNS, WHO_2014, WITNESSED, null, 300));
        list.add(new ContributedIndicator("OVERDOSES_REVERSED",
                "Overdoses in which the person survived after naloxone", null, IndicatorUnit.COUNT, "ANY",
                EVENT_BREAKDOWNS, WHO_2014, REVERSED, null, 305));
        list.add(new ContributedIndicator("OVERDOSE_NALOXONE_SHARE", "Overdoses in which naloxone was given",
                "Overdoses witnessed and reported", IndicatorUnit.PERCENT, "ANY", EVENT_BREAKDOWNS, UNODC_WHO_2013,
                WITH_NALOXONE, WITNESSED, 310));
        list.add(new ContributedIndicator("NALOXONE_KITS_PER_OPIOID_USER",
                "Naloxone kits given out in the period, annualised",
                "People who use opioids reached in the period", IndicatorUnit.PER_PERSON_YEAR, "ANY",
                List.of(Disaggregation.SEX, Disaggregation.SITE, Disaggregation.CITY), WHO_2014, KITS,
                "OPIOIDS_REACHED", 315));
        list.add(new ContributedIndicator("MORTALITY_ALL_CAUSES", "Deaths of enrolled clients in the period",
                "Person-years of enrolled clients in the period", IndicatorUnit.PER_1000_PERSON_YEARS, "ANY",
                PERSON_BREAKDOWNS, MORTALITY, DEATHS, "PERSON_DAYS", 320));
        int order = 321;
        for (CauseOfDeath group : GROUPS) {
            list.add(new ContributedIndicator("MORTALITY_" + group.name(),
                    "Deaths of enrolled clients in the period, cause group " + group.name(),
                    "Person-years of enrolled clients in the period", IndicatorUnit.PER_1000_PERSON_YEARS, "ANY",
                    PERSON_BREAKDOWNS, MORTALITY, DEATHS + "_" + group.name(), "PERSON_DAYS", order++));
        }
        return list;
    }

    @Override
    @Transactional
    public List<FactRow> load(FactQuery query) {
        List<FactRow> rows = new ArrayList<>();
        if (query.organisationIds().isEmpty()) {
            return rows;
        }
        for (OverdoseReport r : overdoses.between(query.organisationIds(), query.start(), query.end())) {
            if (!query.wants(r.clientId()) || (query.siteId() != null && !query.siteId().equals(r.siteId()))) {
                continue;
            }
            long[] v = new long[MEASURES.size()];
            v[0] = 1;
            v[1] = r.reversed() ? 1 : 0;
            v[2] = r.naloxoneGiven() ? 1 : 0;
            rows.add(new FactRow(r.clientId(), r.organisationId(), r.siteId(), r.hotspot(),
                    r.clientId() == null && r.sex() != null ? r.sex().name() : null, v));
        }
        for (QuantityGiven q : encounters.quantitiesGiven(query.organisationIds(), NaloxoneKits.KIT, query.start(),
                query.end())) {
            if (!query.wants(q.clientId()) || (query.siteId() != null && !query.siteId().equals(q.siteId()))) {
                continue;
            }
            long[] v = new long[MEASURES.size()];
            v[3] = q.quantity();
            rows.add(new FactRow(q.clientId(), q.organisationId(), q.siteId(), q.hotspot(), null, v));
        }
        for (Death d : deaths.between(query.organisationIds(), query.start(), query.end())) {
            if (!query.wants(d.clientId()) || (query.siteId() != null && !query.siteId().equals(d.siteId()))) {
                continue;
            }
            long[] v = new long[MEASURES.size()];
            v[DEATHS_AT] = 1;
            v[DEATHS_AT + 1 + GROUPS.indexOf(d.cause().group())] = 1;
            rows.add(FactRow.ofClient(d.clientId(), d.organisationId(), v));
        }
        return rows;
    }
}
