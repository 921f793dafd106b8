/**
 * Violence and rights violations: reports any staff member records and only the organisation's protection focal
 * persons read, answer within a 24-hour crisis clock and close; the counts for indicators; and an anonymised,
 * suppressed advocacy report by type, perpetrator, month and city to share with partners and authorities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Violence and rights violations",
        allowedDependencies = {"platform", "audit", "organisations", "clients", "indicators"})
package org.reach.rights;
