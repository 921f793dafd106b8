/**
 * The demonstration dataset for the embedded profile: realistic organisations, sites and one account per
 * role, created by code with a fixed seed and never twice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"platform", "organisations", "accounts", "partners", "clients", "services", "rar",
                "safety", "indicators", "followup", "infections", "rights", "outreach", "linkage", "earlywarning"})
package org.reach.demo;
