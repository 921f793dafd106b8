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
    OUTREACH_WORKER,
    /**
     * The protection focal person: the named staff member who reads, answers and closes the organisation's violence
     * and rights-violation reports, which other staff may record but not read.
     */
    PROTECTION_OFFICER;

    /** Roles that work inside one organisation and may see its client-level data. */
    public static final Set<Role> ORGANISATION_STAFF = EnumSet.of(ORG_MANAGER, SITE_MANAGER, ME_OFFICER, OUTREACH_WORKER,
            PROTECTION_OFFICER);

    public String messageKey() {
        return "role." + name();
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
