package org.reach.indicators;

import java.util.List;

/** Whose data an indicator covers: one organisation, or the organisations of a programme; optionally one site. */
public record IndicatorScope(Long organisationId, Long programmeId, List<Long> organisationIds, Long siteId, String label) {

    public IndicatorScope {
        organisationIds = List.copyOf(organisationIds);
    }
}
