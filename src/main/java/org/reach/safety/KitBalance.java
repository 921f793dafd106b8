package org.reach.safety;

/**
 * A client's naloxone kits: received (the services' naloxone kits given to them), reported used in overdoses (their
 * own kit), and whether a refill is due: a kit was used and none is left.
 */
public record KitBalance(long clientId, String code, long received, long used) {

    public long left() {
        return Math.max(0, received - used);
    }

    public boolean refillDue() {
        return used > 0 && received - used <= 0;
    }
}
