package org.reach.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reach.followup.store.FollowUpStore;
import org.reach.indicators.ContributedIndicator;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.indicators.IndicatorFacts;
import org.reach.indicators.IndicatorUnit;
import org.springframework.stereotype.Component;

/**
 * Follow-up's counts for the indicator engine, one row per client (every measure 0 or 1): people traced in the
 * period, those of them back in care within 30 and 90 days of the first attempt, the last outcome found for each
 * (the reasons for leaving), people detained during the period, and of those released in it: whether they were on
 * OAT inside, whether it continued, and whether they were contacted within 7 days of release.
 */
@Component
class FollowUpFacts implements IndicatorFacts {

    static final int RETURN_SHORT_DAYS = 30;
    static final int RETURN_LONG_DAYS = 90;
    static final int RELEASE_CONTACT_DAYS = 7;
    private static final List<Disaggregation> PEOPLE = List.of(Disaggregation.SEX, Disaggregation.AGE_BANDS,
            Disaggregation.KEY_POPULATION, Disaggregation.SITE);

    private static final int TRACED = 0;
    private static final int RETURNED_30 = 1;
    private static final int RETURNED_90 = 2;
    private static final int OUTCOMES = 3;
    private static final int DETAINED = OUTCOMES + TracingOutcome.values().length;
    private static final int RELEASED = DETAINED + 1;
    private static final int RELEASED_ON_OAT = DETAINED + 2;
    private static final int OAT_CONTINUED = DETAINED + 3;
    private static final int CONTACTED_7 = DETAINED + 4;
    private static final int WIDTH = DETAINED + 5;

    private final FollowUpStore store;

    FollowUpFacts(FollowUpStore store) {
        this.store = store;
    }

    @Override
    public List<String> measures() {
        List<String> names = new ArrayList<>(List.of("FU_TRACED", "FU_RETURNED_30", "FU_RETURNED_90"));
        for (TracingOutcome outcome : TracingOutcome.values()) {
            names.add("FU_LAST_OUTCOME_" + outcome.name());
        }
        names.addAll(List.of("FU_DETAINED", "FU_RELEASED", "FU_RELEASED_ON_OAT", "FU_OAT_CONTINUED", "FU_CONTACTED_7"));
        return names;
    }

    @Override
    public List<ContributedIndicator> indicators() {
        String source = "Reach follow-up: tracing attempts and detention episodes";
        List<ContributedIndicator> list = new ArrayList<>();
        list.add(new ContributedIndicator("FOLLOWUP_TRACED", "Unique people with a tracing attempt in the period", null,
                IndicatorUnit.COUNT, "ANY", PEOPLE, source, "FU_TRACED", null, 300));
        list.add(new ContributedIndicator("FOLLOWUP_RETURNED_30",
                "People traced in the period back in care within 30 days of the first attempt",
                "Unique people with a tracing attempt in the period", IndicatorUnit.PERCENT, "ANY", PEOPLE, source,
                "FU_RETURNED_30", "FU_TRACED", 301));
        list.add(new ContributedIndicator("FOLLOWUP_RETURNED_90",
                "People traced in the period back in care within 90 days of the first attempt",
                "Unique people with a tracing attempt in the period", IndicatorUnit.PERCENT, "ANY", PEOPLE, source,
                "FU_RETURNED_90", "FU_TRACED", 302));
        int order = 303;
        for (TracingOutcome outcome : TracingOutcome.values()) {
            list.add(new ContributedIndicator("FOLLOWUP_OUTCOME_" + outcome.name(),
                    "People traced in the period whose last attempt found: " + outcome.name().toLowerCase().replace('_', ' '),
                    "Unique people with a tracing attempt in the period", IndicatorUnit.PERCENT, "ANY", PEOPLE, source,
                    "FU_LAST_OUTCOME_" + outcome.name(), "FU_TRACED", order++));
        }
        list.add(new ContributedIndicator("FOLLOWUP_DETAINED", "Unique people detained at some time in the period", null,
                IndicatorUnit.COUNT, "ANY", PEOPLE, source, "FU_DETAINED", null, 320));
        list.add(new ContributedIndicator("FOLLOWUP_OAT_CONTINUITY",
                "People released in the period whose OAT continued throughout the detention",
                "People released in the period who were on OAT when detained", IndicatorUnit.PERCENT, "ANY", PEOPLE,
                source, "FU_OAT_CONTINUED", "FU_RELEASED_ON_OAT", 321));
        list.add(new ContributedIndicator("FOLLOWUP_RELEASE_CONTACT_7",
                "People released in the period contacted within 7 days of release",
                "People released in the period", IndicatorUnit.PERCENT, "ANY", PEOPLE, source, "FU_CONTACTED_7",
                "FU_RELEASED", 322));
        return list;
    }

    @Override
    public List<FactRow> load(FactQuery query) {
        if (query.anonymousOnly() || query.organisationIds().isEmpty()) {
            return List.of();
        }
        Map<Long, long[]> rows = new HashMap<>();
        Map<Long, Long> organisations = new HashMap<>();
        for (FollowUpStore.TracedClient traced : store.traced(query.organisationIds(), query.siteId(), query.start(), query.end())) {
            if (!query.wants(traced.clientId())) {
                continue;
            }
            long[] v = rows.computeIfAbsent(traced.clientId(), id -> new long[WIDTH]);
            organisations.put(traced.clientId(), traced.organisationId());
            v[TRACED] = 1;
            LocalDate back = traced.returnedOn();
            if (back != null && !back.isAfter(traced.firstAttempt().plusDays(RETURN_SHORT_DAYS))) {
                v[RETURNED_30] = 1;
            }
            if (back != null && !back.isAfter(traced.firstAttempt().plusDays(RETURN_LONG_DAYS))) {
                v[RETURNED_90] = 1;
            }
            String last = traced.outcomes().get(traced.outcomes().size() - 1);
            v[OUTCOMES + TracingOutcome.valueOf(last).ordinal()] = 1;
        }
        for (Detention d : store.detentionsOverlapping(query.organisationIds(), query.siteId(), query.start(), query.end())) {
            if (!query.wants(d.clientId())) {
                continue;
            }
            long[] v = rows.computeIfAbsent(d.clientId(), id -> new long[WIDTH]);
            organisations.put(d.clientId(), d.organisationId());
            v[DETAINED] = 1;
            boolean releasedInPeriod = d.releasedOn() != null && !d.releasedOn().isBefore(query.start())
                    && !d.releasedOn().isAfter(query.end());
            if (releasedInPeriod) {
                v[RELEASED] = 1;
                if (d.oatInside() == OatInside.CONTINUED || d.oatInside() == OatInside.INTERRUPTED) {
                    v[RELEASED_ON_OAT] = 1;
                }
                if (d.oatInside() == OatInside.CONTINUED) {
                    v[OAT_CONTINUED] = 1;
                }
                if (d.contactedOn() != null && !d.contactedOn().isAfter(d.releasedOn().plusDays(RELEASE_CONTACT_DAYS))) {
                    v[CONTACTED_7] = 1;
                }
            }
        }
        List<FactRow> out = new ArrayList<>();
        rows.forEach((client, values) -> out.add(FactRow.ofClient(client, organisations.get(client), values)));
        return out;
    }
}
