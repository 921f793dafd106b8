package org.reach.safety;

/** How an overdose ended, as far as the reporter knows. */
public enum Outcome {
    SURVIVED, HOSPITALISED, DIED, UNKNOWN;

    public String messageKey() {
        return "safety.outcome." + name();
    }
}
