/**
 * The pseudonymous client registry: unique identifier codes (never names), duplicate guard, status over
 * time, the continuum of care and each client's timeline. Client-level data never leaves its organisation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients",
        allowedDependencies = {"platform", "audit", "organisations", "accounts"})
package org.reach.clients;
