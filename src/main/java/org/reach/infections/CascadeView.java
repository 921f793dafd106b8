package org.reach.infections;

import java.util.List;
import java.util.Map;

import org.reach.indicators.IndicatorScope;
import org.reach.indicators.Period;

/**
 * The cascades of a scope and period, or of one part of it (a site of the organisation, an organisation of the
 * programme, taken from the breakdown of the suppressed tables), with the parts one may choose.
 *
 * @param parts the categories of the breakdown by id, with their names
 * @param part  the chosen part, or null for the whole scope
 */
public record CascadeView(IndicatorScope scope, Period period, Map<String, String> parts, String part,
                          List<Cascade> cascades) {
}
