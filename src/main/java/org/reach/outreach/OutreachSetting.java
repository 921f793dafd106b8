package org.reach.outreach;

import org.reach.organisations.SiteType;

/**
 * The kind of work a session was: a team out at a hotspot, or the opening of a drop-in centre, a safe space or a
 * prison outreach point, where people come to the team. Only hotspot outreach happens at a hotspot; in the others
 * the people counted are those who came (attendance), which donors report apart from contacts in the field.
 */
public enum OutreachSetting {
    HOTSPOT_OUTREACH, DROP_IN, SAFE_SPACE, PRISON_OUTREACH;

    /** The setting a session at this kind of site most likely was, when the record does not say. */
    public static OutreachSetting usualAt(SiteType type) {
        if (type == null) {
            return HOTSPOT_OUTREACH;
        }
        return switch (type) {
            case DROP_IN_CENTRE -> DROP_IN;
            case SAFE_SPACE -> SAFE_SPACE;
            case PRISON_OUTREACH_POINT -> PRISON_OUTREACH;
            default -> HOTSPOT_OUTREACH;
        };
    }

    /** Whether the people counted came to the team (attendance) rather than being met where they are. */
    public boolean countsAttendance() {
        return this != HOTSPOT_OUTREACH;
    }

    public String messageKey() {
        return "outreach.setting." + name();
    }
}
