/**
 * Privacy-preserving record linkage across a programme: a keyed Bloom-filter encoding (CLK) of each client made at
 * registration, compared by the Dice coefficient on the server, so organisations learn that a client is probably also
 * known elsewhere without either side seeing the other's data, and coordinators see only counts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Record linkage",
        allowedDependencies = {"platform", "audit", "organisations", "clients", "services", "indicators"})
package org.reach.linkage;
