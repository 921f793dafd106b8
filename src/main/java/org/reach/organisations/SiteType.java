package org.reach.organisations;

public enum SiteType {
    DROP_IN_CENTRE, OUTREACH_BASE, CLINIC, OAT_CENTRE, PRISON_OUTREACH_POINT, SAFE_SPACE;

    public String messageKey() {
        return "site.type." + name();
    }
}
