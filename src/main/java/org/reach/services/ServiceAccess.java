package org.reach.services;

import org.reach.platform.Forbidden;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;

/** Who may record and read encounters and referrals: organisation staff only, never administrators or coordinators. */
final class ServiceAccess {

    private ServiceAccess() {
    }

    static boolean mayRecord(ReachUser actor) {
        return actor.recordsClientWork();
    }

    static boolean mayRead(ReachUser actor) {
        return actor.readsClientWork();
    }

    /** Organisation managers and M&E officers see every site; site managers and peers only theirs. */
    static boolean seesAllSites(ReachUser actor) {
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
