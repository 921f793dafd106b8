package org.reach.indicators;

/**
 * One row of a capability's measures for a period. With a client and no place, it counts in that client's
 * categories; with a place (site or hotspot), place breakdowns use the place and person breakdowns the client's
 * categories; without a client, person breakdowns show it as unknown, except sex when the record states it.
 *
 * @param clientId       the registered client, or null (an anonymous person, or no person at all)
 * @param organisationId the organisation that recorded it
 * @param siteId         the site where it happened, or null for a person's row
 * @param hotspot        the hotspot where it happened, or null
 * @param gender         sex of an anonymous person (as in {@code clients.Gender}), else null
 * @param values         the provider's measures in the order of {@link IndicatorFacts#measures()}
 */
public record FactRow(Long clientId, long organisationId, Long siteId, String hotspot, String gender, long[] values) {

    /** A row about a client as a person: counted in the client's categories. */
    public static FactRow ofClient(long clientId, long organisationId, long... values) {
        return new FactRow(clientId, organisationId, null, null, null, values);
    }

    boolean isPlace() {
        return siteId != null || (hotspot != null && !hotspot.isBlank());
    }
}
