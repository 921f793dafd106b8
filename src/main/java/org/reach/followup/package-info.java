/**
 * Keeping people in care: each peer's and site's morning list of people due for contact, tracing attempts and
 * their outcomes, detention episodes, transfers and referrals between organisations of a programme with the
 * client's consent, the partner service directory, each peer's caseload for outreach's microplan, and the
 * programme's flow of people between cities (suppressed).
 * Client-level records never leave their organisation; a transfer carries only the fields the client consented to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Follow-up",
        allowedDependencies = {"platform", "audit", "organisations", "clients", "services", "indicators", "outreach"})
package org.reach.followup;
