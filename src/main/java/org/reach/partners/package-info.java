/**
 * Strengthening partners: organisational assessment against a versioned framework, consensus scoring,
 * twinning of one partner's weakness with another's strength, action plans and capacity building.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partners",
        allowedDependencies = {"platform", "audit", "organisations", "accounts"})
package org.reach.partners;
