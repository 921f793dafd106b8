package org.reach.outreach;

/** How many times an incident of one kind was observed at a session. */
public record IncidentCount(Incident code, Integer times) {
}
