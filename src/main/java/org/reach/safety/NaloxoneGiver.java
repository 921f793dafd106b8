package org.reach.safety;

/** Who gave naloxone. */
public enum NaloxoneGiver {
    PEER, STAFF, BYSTANDER, AMBULANCE;

    public String messageKey() {
        return "safety.giver." + name();
    }
}
