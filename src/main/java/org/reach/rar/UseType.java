package org.reach.rar;

/** Whether people inject at a hotspot. */
public enum UseType {
    INJECTING, NON_INJECTING, MIXED;

    public String messageKey() {
        return "rar.use." + name();
    }
}
