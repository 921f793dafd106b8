/**
 * Indicators: built-in indicator definitions stored as data, their computation per organisation or
 * programme, period and disaggregation, small-cell suppression of every aggregate that leaves the system,
 * the dashboard and the CSV, XLSX and DHIS2 exports. To aggregate, {@code store.PeriodFactStore} asks the registry
 * and the services capability for per-client summaries ({@code RegistryFacts}, {@code ServiceFacts}) and reads no
 * other capability's tables; no client-level row is ever returned by this capability, only counts and rates per
 * category.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicators",
        allowedDependencies = {"platform", "audit", "organisations", "clients", "services"})
package org.reach.indicators;
