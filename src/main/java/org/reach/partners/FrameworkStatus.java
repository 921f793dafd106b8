package org.reach.partners;

public enum FrameworkStatus {
    DRAFT, PUBLISHED, RETIRED;

    public String messageKey() {
        return "partners.frameworkStatus." + name();
    }
}
