package org.reach.safety;

/** What else was done besides naloxone. */
public enum Response {
    RESCUE_BREATHING, RECOVERY_POSITION, AMBULANCE_CALLED, TAKEN_TO_HOSPITAL;

    public String messageKey() {
        return "safety.response." + name();
    }
}
