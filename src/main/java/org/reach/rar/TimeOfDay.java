package org.reach.rar;

/** When people are at a hotspot. */
public enum TimeOfDay {
    MORNING, AFTERNOON, EVENING, NIGHT;

    public String messageKey() {
        return "rar.time." + name();
    }
}
