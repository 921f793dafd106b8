package org.reach.clients;

import java.util.Collection;
import java.util.Map;

/** How many encounters each of some clients of one organisation has, for the duplicate review list (services). */
public interface EncounterCounts {

    Map<Long, Integer> encounters(long organisationId, Collection<Long> clientIds);
}
