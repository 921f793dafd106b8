package org.reach.earlywarning;

import java.util.ArrayList;
import java.util.List;

import org.reach.clients.RegistryFacts;
import org.reach.indicators.ContributedIndicator;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.indicators.IndicatorFacts;
import org.reach.indicators.IndicatorUnit;
import org.reach.outreach.SessionCommodities;
import org.reach.services.Encounters;
import org.reach.services.QuantityGiven;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the trends for planning count, offered to the indicator engine so that it breaks them down and suppresses
 * small cells jointly like every other figure: new clients (first contact in the period, one row per client, so the
 * engine splits them by the client's primary drug and route), and the commodities given out in encounters (asked of
 * the services capability) and at outreach sessions (asked of the outreach capability): needles and syringes,
 * naloxone, foil and pipes for people who smoke.
 */
@Component
class PlanningFacts implements IndicatorFacts {

    static final String NEW_CLIENTS = "EW_NEW_CLIENTS";
    static final String SYRINGES = "EW_SYRINGES_GIVEN";
    static final String NALOXONE = "EW_NALOXONE_GIVEN";
    static final String FOIL_PIPES = "EW_FOIL_PIPES_GIVEN";
    static final String SERVICE_SYRINGES = "NEEDLES_SYRINGES";
    static final String SERVICE_NALOXONE = "NALOXONE_KIT";
    private static final List<String> MEASURES = List.of("NEW_CLIENTS", "GIVEN_SYRINGES", "GIVEN_NALOXONE",
            "GIVEN_FOIL_PIPES");
    private static final String SOURCE = "Reach trends for planning (UNODC 2022: services for people who use stimulants)";

    private final RegistryFacts registry;
    private final Encounters encounters;
    private final SessionCommodities sessions;

    PlanningFacts(RegistryFacts registry, Encounters encounters, SessionCommodities sessions) {
        this.registry = registry;
        this.encounters = encounters;
        this.sessions = sessions;
    }

    @Override
    public List<String> measures() {
        return MEASURES;
    }

    @Override
    public List<ContributedIndicator> indicators() {
        List<Disaggregation> places = List.of(Disaggregation.NONE, Disaggregation.SITE, Disaggregation.CITY);
        return List.of(
                new ContributedIndicator(NEW_CLIENTS, "Clients whose first contact fell in the period", null,
                        IndicatorUnit.COUNT, "ANY", List.of(Disaggregation.NONE, Disaggregation.SEX,
                        Disaggregation.DRUG, Disaggregation.ROUTE, Disaggregation.SITE, Disaggregation.CITY),
                        SOURCE, "NEW_CLIENTS", null, 220),
                new ContributedIndicator(SYRINGES, "Needles and syringes given out in encounters and at outreach sessions",
                        null, IndicatorUnit.COUNT, "ANY", places, SOURCE, "GIVEN_SYRINGES", null, 221),
                new ContributedIndicator(NALOXONE, "Naloxone given out in encounters and at outreach sessions", null,
                        IndicatorUnit.COUNT, "ANY", places, SOURCE, "GIVEN_NALOXONE", null, 222),
                new ContributedIndicator(FOIL_PIPES, "Foil and pipes given out at outreach sessions", null,
                        IndicatorUnit.COUNT, "ANY", places, SOURCE, "GIVEN_FOIL_PIPES", null, 223));
    }

    @Override
    @Transactional(readOnly = true)
    public List<FactRow> load(FactQuery query) {
        List<FactRow> rows = new ArrayList<>();
        if (query.organisationIds().isEmpty()) {
            return rows;
        }
        if (!query.anonymousOnly()) {
            registry.enrolledBy(new RegistryFacts.Scope(query.organisationIds(), query.siteId(), query.clientIds()),
                    query.end(), c -> {
                        if (c.firstContact() != null && !c.firstContact().isBefore(query.start())) {
                            rows.add(FactRow.ofClient(c.id(), c.organisationId(), 1, 0, 0, 0));
                        }
                    });
        }
        given(query, SERVICE_SYRINGES, 1, rows);
        given(query, SERVICE_NALOXONE, 2, rows);
        if (query.wants(null)) {
            for (SessionCommodities.Given s : sessions.between(query.organisationIds(), query.siteId(), query.start(),
                    query.end())) {
                if (s.needlesSyringes() + s.naloxone() + s.foilPipes() > 0) {
                    rows.add(new FactRow(null, s.organisationId(), s.siteId(), s.hotspot(), null,
                            new long[] {0, s.needlesSyringes(), s.naloxone(), s.foilPipes()}));
                }
            }
        }
        return rows;
    }

    private void given(FactQuery query, String service, int measure, List<FactRow> rows) {
        for (QuantityGiven q : encounters.quantitiesGiven(query.organisationIds(), service, query.start(), query.end())) {
            if (!query.wants(q.clientId()) || (query.siteId() != null && !query.siteId().equals(q.siteId()))) {
                continue;
            }
            long[] values = new long[MEASURES.size()];
            values[measure] = q.quantity();
            rows.add(new FactRow(q.clientId(), q.organisationId(), q.siteId(), q.hotspot(), null, values));
        }
    }
}
