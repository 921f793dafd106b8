package org.reach.indicators;

/** What a person types to define an own indicator. */
public record OwnIndicatorForm(Long organisationId, String name, String serviceCode, OwnIndicator.Counts counts,
                               OwnIndicator.Per per) {
}
