package org.reach.clients;

/**
 * A client as a page or the API shows them: the record, the age band, the names of the enrolment site and
 * peer educator, and the alias only for people assigned to the enrolment site (null for everyone else).
 */
public record ClientProfile(Client client, String ageBand, String enrolmentSiteName, String peerEducatorName,
                            String alias, boolean aliasVisible) {
}
