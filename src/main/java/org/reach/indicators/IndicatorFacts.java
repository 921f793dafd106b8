package org.reach.indicators;

import java.util.List;

/**
 * What a capability offers the indicators: measures it counts on its own tables, and indicators defined over
 * them. The engine, the cache, joint suppression, exports and DHIS2 stay in this capability; the knowledge of
 * what an overdose or a tracing attempt is stays in the capability that owns it. Implementations are Spring beans
 * in their own capability; the indicators find them all and never read those capabilities' tables.
 * <p>
 * A measure is summed per category like the built-in ones: a row of a client counts for that client's person
 * categories (sex, age, key population, enrolment site ...), a row with a place counts for the place's site and
 * hotspot in place breakdowns. A measure of people must therefore be 0 or 1 per client (one row per client,
 * without a place); a measure of events or quantities may come in as many rows as there are places.
 */
public interface IndicatorFacts {

    /** Stable names of this capability's measures, unique across Reach (e.g. {@code OVERDOSES_WITNESSED}). */
    List<String> measures();

    /** Indicators over these measures and the built-in ones (see {@link ContributedIndicator}). */
    List<ContributedIndicator> indicators();

    /**
     * The measures of a scope and period as rows, with {@link FactRow#values()} in the order of
     * {@link #measures()}. Only rows of the query's organisations; when the query names clients, only their rows;
     * when it asks for anonymous rows only, only rows without a client.
     */
    List<FactRow> load(FactQuery query);

    /** How this capability's figures count people for these organisations, for the dashboard (none by default). */
    default List<CountingNote> countingNotes(List<Long> organisationIds) {
        return List.of();
    }
}
