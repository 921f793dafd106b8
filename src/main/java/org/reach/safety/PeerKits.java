package org.reach.safety;

import java.util.List;

/**
 * One peer's naloxone figures: kits handed out (services), kits used in the overdoses they reported (theirs or a
 * client's), and the clients they gave kits to who used one and have none left (codes, for a refill).
 */
public record PeerKits(long peerId, String name, long handedOut, long usedInReports, List<String> refillFor) {

    public PeerKits {
        refillFor = List.copyOf(refillFor);
    }
}
