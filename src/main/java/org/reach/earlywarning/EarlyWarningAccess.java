package org.reach.earlywarning;

import org.reach.platform.Forbidden;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;

/**
 * Who may do what. Reports, alerts and plans are an organisation's data: its staff read them; managers, site managers
 * and peers report; managers and site managers act on alerts and write plans. A coordinator extends the substance
 * list and sees programme figures only through the indicators.
 */
final class EarlyWarningAccess {

    private EarlyWarningAccess() {
    }

    static boolean mayReport(ReachUser actor) {
        return actor.recordsClientWork();
    }

    static boolean mayRead(ReachUser actor) {
        return mayReport(actor) || (actor.organisationId() != null && actor.has(Role.ME_OFFICER));
    }

    static boolean mayManage(ReachUser actor) {
        return actor.organisationId() != null && (actor.has(Role.ORG_MANAGER) || actor.has(Role.SITE_MANAGER));
    }

    static boolean mayExtendSubstances(ReachUser actor) {
        return actor.has(Role.COORDINATOR);
    }

    static boolean seesAllSites(ReachUser actor) {
        return actor.has(Role.ORG_MANAGER) || actor.has(Role.ME_OFFICER);
    }

    static long require(boolean allowed, ReachUser actor, String action) {
        if (!allowed) {
            throw new Forbidden(action);
        }
        return actor.organisationId() == null ? 0 : actor.organisationId();
    }
}
