package org.reach.clients;

import java.util.List;

import org.reach.platform.ReachUser;

/**
 * Contributes entries to a client's timeline page. Implemented by capabilities that record things
 * about clients (encounters, referrals), so the registry shows them without depending on them.
 */
public interface ClientHistory {

    List<TimelineEntry> timeline(ReachUser actor, Client client);
}
