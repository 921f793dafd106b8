package org.reach.outreach;

import java.util.Map;
import java.util.OptionalInt;

import org.reach.platform.ReachUser;

/**
 * How many clients a peer follows, for the caseload against the 60–90 norm. Which peer follows which client is
 * kept by the follow-up capability, which implements this; until one does, no caseload is shown.
 */
public interface PeerCaseloads {

    /** The clients this peer of the actor's organisation follows, or empty when not known. */
    OptionalInt clientsFollowedBy(ReachUser actor, long peerId);

    /** Every peer's caseload in the actor's organisation (peer id to clients followed), empty when not known. */
    default Map<Long, Integer> clientsFollowedByPeers(ReachUser actor) {
        return Map.of();
    }

    /** The norm programmes aim at: 60 to 90 people per peer. */
    int NORM_LOW = 60;
    int NORM_HIGH = 90;
}
