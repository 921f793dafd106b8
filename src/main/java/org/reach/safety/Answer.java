package org.reach.safety;

/** An answer to a verbal-autopsy question. */
public enum Answer {
    YES, NO, UNKNOWN;

    public String messageKey() {
        return "safety.answer." + name();
    }
}
