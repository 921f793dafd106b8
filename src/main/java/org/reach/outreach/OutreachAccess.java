package org.reach.outreach;

import org.reach.platform.Forbidden;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;

/**
 * Who may do what with outreach records: organisation staff only. Peers and site managers record at their own
 * sites; organisation managers and M&E officers see every site; M&E officers only read.
 */
final class OutreachAccess {

    private OutreachAccess() {
    }

    static boolean mayRecord(ReachUser actor) {
        return actor.recordsClientWork();
    }

    static boolean mayRead(ReachUser actor) {
        return actor.readsClientWork();
    }

    static boolean seesAllSites(ReachUser actor) {
        return actor.has(Role.ORG_MANAGER) || actor.has(Role.ME_OFFICER);
    }

    /** Stock is kept by the organisation manager (every site) and site managers (their sites). */
    static boolean mayKeepStock(ReachUser actor) {
        return actor.organisationId() != null && (actor.has(Role.ORG_MANAGER) || actor.has(Role.SITE_MANAGER));
    }

    static boolean mayReadStock(ReachUser actor) {
        return mayKeepStock(actor) || (actor.organisationId() != null && actor.has(Role.ME_OFFICER));
    }

    static long require(boolean allowed, ReachUser actor, String action) {
        if (!allowed) {
            throw new Forbidden(action);
        }
        return actor.organisationId();
    }
}
