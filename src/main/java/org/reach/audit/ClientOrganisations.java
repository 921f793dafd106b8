package org.reach.audit;

import java.util.Optional;

/**
 * Which organisation a client belongs to, so that only that organisation's manager reads the client's access
 * history. The client registry answers it; the audit log keeps no client records of its own.
 */
public interface ClientOrganisations {

    /** The client's organisation, or empty when there is no such client. */
    Optional<Long> organisationOf(long clientId);
}
