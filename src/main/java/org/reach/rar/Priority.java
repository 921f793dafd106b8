package org.reach.rar;

/** How urgent a recommendation is. */
public enum Priority {
    HIGH, MEDIUM, LOW;

    public String messageKey() {
        return "rar.priority." + name();
    }
}
