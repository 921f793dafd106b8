package org.reach.indicators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reach.indicators.store.IndicatorStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every capability's {@link IndicatorFacts}, laid out for the engine: each provider's measures get positions after
 * the built-in ones, and its indicators are stored beside the built-in definitions (so that pages, exports, DHIS2
 * mappings and translations need nothing special) and computed like them, under the same joint suppression.
 */
@Component
class IndicatorProviders {

    private record Provider(IndicatorFacts facts, int offset) {
    }

    private final List<Provider> providers = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, IndicatorEngine.Spec> specs = new LinkedHashMap<>(IndicatorEngine.BUILT_IN);
    private final int width;

    IndicatorProviders(ObjectProvider<IndicatorFacts> found, IndicatorStore store) {
        for (IndicatorEngine.Measure m : IndicatorEngine.Measure.values()) {
            positions.put(m.name(), m.ordinal());
        }
        int next = IndicatorEngine.Measure.COUNT;
        for (IndicatorFacts facts : found.orderedStream().toList()) {
            providers.add(new Provider(facts, next));
            for (String measure : facts.measures()) {
                if (positions.putIfAbsent(measure, next++) != null) {
                    throw new IllegalStateException("Two indicator measures are called " + measure);
                }
            }
        }
        width = next;
        for (Provider provider : providers) {
            for (ContributedIndicator indicator : provider.facts().indicators()) {
                if (specs.containsKey(indicator.code())) {
                    throw new IllegalStateException("Two indicators are called " + indicator.code());
                }
                specs.put(indicator.code(), new IndicatorEngine.Spec(position(indicator, indicator.numerator()),
                        indicator.denominator() == null ? null : position(indicator, indicator.denominator()), null,
                        scale(indicator.unit())));
                store.saveContributedDefinition(indicator);
            }
        }
    }

    private int position(ContributedIndicator indicator, String measure) {
        Integer at = positions.get(measure);
        boolean builtIn = at != null && at < IndicatorEngine.Measure.COUNT;
        if (at == null || (builtIn && !ContributedIndicator.BUILT_IN_MEASURES.contains(measure))) {
            throw new IllegalStateException("Indicator " + indicator.code() + " counts an unknown measure " + measure);
        }
        return at;
    }

    /** The factor between numerator / denominator and the value shown in an indicator's unit. */
    static double scale(IndicatorUnit unit) {
        return switch (unit) {
            case COUNT -> 1;
            case PERCENT, PER_100 -> 100;
            case PER_PERSON_YEAR -> -1;
            case PERSON_YEARS -> 1 / IndicatorEngine.DAYS_PER_YEAR;
            case PER_1000_PERSON_YEARS -> IndicatorEngine.DAYS_PER_YEAR * 1000;
        };
    }

    Map<String, IndicatorEngine.Spec> specs() {
        return specs;
    }

    int width() {
        return width;
    }

    /** Every provider's rows for a query, each row's values placed at the provider's positions. */
    List<CountingNote> countingNotes(List<Long> organisationIds) {
        List<CountingNote> notes = new ArrayList<>();
        providers.forEach(provider -> notes.addAll(provider.facts().countingNotes(organisationIds)));
        return notes;
    }

    List<FactRow> load(FactQuery query) {
        List<FactRow> rows = new ArrayList<>();
        if (query.organisationIds().isEmpty()) {
            return rows;
        }
        for (Provider provider : providers) {
            int count = provider.facts().measures().size();
            for (FactRow row : provider.facts().load(query)) {
                if (row.values().length != count) {
                    throw new IllegalStateException(provider.facts().getClass().getSimpleName() + " gave "
                            + row.values().length + " values for " + count + " measures");
                }
                long[] values = new long[width];
                System.arraycopy(row.values(), 0, values, provider.offset(), count);
                rows.add(new FactRow(row.clientId(), row.organisationId(), row.siteId(), row.hotspot(), row.gender(),
                        values));
            }
        }
        return rows;
    }
}
