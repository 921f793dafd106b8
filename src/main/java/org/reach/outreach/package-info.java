/**
 * Work where outreach happens: outreach sessions at hotspots (anonymous contacts, known clients served through the
 * services capability's encounters, commodities given and returned), the commodities and stock a site holds, and
 * the peer's own plan: hotspots, contact targets and the gap between need and what was given.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach",
        allowedDependencies = {"platform", "audit", "organisations", "clients", "services", "rar", "indicators"})
package org.reach.outreach;
