/**
 * The service catalogue (the comprehensive package plus each organisation's own services), encounters with
 * the services given and needles returned, referrals to other providers and the import of encounter lists.
 * Client-level records never leave their organisation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Services",
        allowedDependencies = {"platform", "audit", "organisations", "clients"})
package org.reach.services;
