package org.reach.partners;

public enum ActionSource {
    ASSESSMENT, RAR, TWINNING;

    public String messageKey() {
        return "partners.source." + name();
    }
}
