package org.reach.rights;

import org.reach.platform.Forbidden;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;

/**
 * Who may do what with violence reports. Any staff member of an organisation may record one (they are the ones who
 * hear of it); only its protection focal persons read, answer and close them. Aggregates only for managers,
 * protection focal persons and coordinators. Administrators never, since they never see client-level data.
 */
final class RightsAccess {

    private RightsAccess() {
    }

    static boolean mayRecord(ReachUser actor) {
        return actor.organisationId() != null && !actor.isAdmin()
                && actor.roles().stream().anyMatch(Role.ORGANISATION_STAFF::contains);
    }

    static boolean mayRead(ReachUser actor) {
        return actor.organisationId() != null && !actor.isAdmin() && actor.has(Role.PROTECTION_OFFICER);
    }

    static boolean mayViewAdvocacy(ReachUser actor) {
        if (actor.isAdmin()) {
            return false;
        }
        return (actor.has(Role.COORDINATOR) && actor.programmeId() != null)
                || (actor.organisationId() != null && (actor.has(Role.ORG_MANAGER) || actor.has(Role.PROTECTION_OFFICER)));
    }

    static long requireRecorder(ReachUser actor) {
        if (!mayRecord(actor)) {
            throw new Forbidden("record violence report");
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
