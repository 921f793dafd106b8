/**
 * Keeping people alive: overdose reports in seconds (place, person, naloxone, response, outcome, 72-hour follow-up),
 * naloxone kits given out and used per person and per peer, deaths with a coded cause and an optional verbal
 * autopsy, overdose clusters on the managers' start page, and the counts as indicators. Client-level records never
 * leave their organisation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety",
        allowedDependencies = {"platform", "audit", "organisations", "clients", "services", "rar", "indicators",
                "earlywarning"})
package org.reach.safety;
