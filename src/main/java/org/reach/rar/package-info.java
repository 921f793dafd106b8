/**
 * Rapid Assessment and Response: where people use drugs (hotspots), how many are there, whom the
 * services miss and why, and the recommendations that follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rapid assessment",
        allowedDependencies = {"platform", "audit", "organisations", "clients", "indicators"})
package org.reach.rar;
