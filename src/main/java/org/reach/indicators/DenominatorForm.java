package org.reach.indicators;

/** A size estimate as entered; the organisation is the person's own unless an administrator names one. */
public record DenominatorForm(Long organisationId, Denominator.Population population, String area, Integer year,
                              Integer estimate, String source) {
}
