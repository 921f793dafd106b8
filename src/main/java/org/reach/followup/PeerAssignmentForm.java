package org.reach.followup;

/**
 * Assigns a client (by id, or by code when no id is given) to a peer (an outreach worker of the organisation), or
 * removes the assignment with a null peer.
 */
public record PeerAssignmentForm(Long clientId, String clientCode, Long peerId) {
}
