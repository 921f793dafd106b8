package org.reach.platform;

import java.util.EnumSet;
import java.util.Set;

/** What a person does in the programme; a person may hold several roles. */
public enum Role {
    ADMIN,
    COORDINATOR,
    ORG_MANAGER,
    SITE_MANAGER,
    ME_OFFICER,
    OUTREACH_WORKER;

    /** Roles that work inside one organisation and may see its client-level data. */
    public static final Set<Role> ORGANISATION_STAFF = EnumSet.of(ORG_MANAGER, SITE_MANAGER, ME_OFFICER, OUTREACH_WORKER);

    public String messageKey() {
        return "role." + name();
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
