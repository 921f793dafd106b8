package org.reach.outreach;

import org.reach.clients.Gender;

/** People met without a code at a session, of one sex and age band. Zero means none and is not stored. */
public record ContactCount(Gender sex, AgeBand ageBand, Integer people) {
}
