package org.reach.safety;

import org.reach.platform.Forbidden;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;

/**
 * Who may do what with overdoses and deaths: the organisation's staff only, never administrators or coordinators
 * (they see the indicators). Peers and site managers see the reports they made and those of their sites; the
 * organisation's manager and M&amp;E officer see all of the organisation's.
 */
final class SafetyAccess {

    private SafetyAccess() {
    }

    static boolean mayRecord(ReachUser actor) {
        return actor.recordsClientWork();
    }

    static boolean mayRead(ReachUser actor) {
        return actor.readsClientWork();
    }

    /** Managers (and the M&E officer) see clusters, deaths and every peer's naloxone figures. */
    static boolean mayManage(ReachUser actor) {
        return actor.organisationId() != null
                && (actor.has(Role.ORG_MANAGER) || actor.has(Role.SITE_MANAGER) || actor.has(Role.ME_OFFICER));
    }

    static boolean seesWholeOrganisation(ReachUser actor) {
        return actor.has(Role.ORG_MANAGER) || actor.has(Role.ME_OFFICER);
    }

    static long requireRecorder(ReachUser actor, String action) {
        if (!mayRecord(actor)) {
            throw new Forbidden(action);
        }
        return actor.organisationId();
    }

    static long requireReader(ReachUser actor, String action) {
        if (!mayRead(actor)) {
            throw new Forbidden(action);
        }
        return actor.organisationId();
    }
}
