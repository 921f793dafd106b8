/**
 * Indicators: built-in indicator definitions stored as data, their computation per organisation or
 * programme, period and disaggregation, small-cell suppression of every aggregate that leaves the system,
 * the dashboard and the CSV, XLSX and DHIS2 exports. To aggregate, {@code store.PeriodFactStore} reads the client
 * and service tables with SQL (read-only); no client-level row is ever returned by this capability, only
 * counts and rates per category.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicators",
        allowedDependencies = {"platform", "audit", "organisations", "clients", "services"})
package org.reach.indicators;
