package org.reach.followup;

import java.util.Set;

import org.reach.clients.Client;
import org.reach.platform.Forbidden;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;

/**
 * Who may do what in follow-up. Peers, site managers and organisation managers work with their own organisation's
 * clients (peers with their own and their sites' clients, site managers with their sites', organisation managers
 * with all); managers assign peers and transfer clients; organisation managers keep their sites in the partner
 * directory, which the programme's staff and coordinators read; coordinators see the programme's flows only.
 */
final class FollowUpAccess {

    private static final Set<Role> WORKERS = Set.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.OUTREACH_WORKER);
    private static final Set<Role> MANAGERS = Set.of(Role.ORG_MANAGER, Role.SITE_MANAGER);

    private FollowUpAccess() {
    }

    static boolean mayWork(ReachUser actor) {
        return actor.organisationId() != null && actor.mayReadClientsOf(actor.organisationId())
                && WORKERS.stream().anyMatch(actor::has);
    }

    static boolean mayManage(ReachUser actor) {
        return mayWork(actor) && MANAGERS.stream().anyMatch(actor::has);
    }

    static boolean seesWholeOrganisation(ReachUser actor) {
        return actor.has(Role.ORG_MANAGER);
    }

    static boolean isPeerOnly(ReachUser actor) {
        return actor.has(Role.OUTREACH_WORKER) && !actor.has(Role.ORG_MANAGER) && !actor.has(Role.SITE_MANAGER);
    }

    static long requireWorker(ReachUser actor, String action) {
        if (!mayWork(actor)) {
            throw new Forbidden(action);
        }
        return actor.organisationId();
    }

    static long requireManager(ReachUser actor, String action) {
        if (!mayManage(actor)) {
            throw new Forbidden(action);
        }
        return actor.organisationId();
    }

    /**
     * Whether this client is on the actor's lists: all of the organisation for its managers, the clients of their
     * sites for site managers, and for peers the clients assigned to them and those of their sites.
     */
    static boolean follows(ReachUser actor, Client client, Long peerId) {
        if (!actor.isMemberOf(client.organisationId())) {
            return false;
        }
        if (seesWholeOrganisation(actor)) {
            return true;
        }
        boolean ownSite = client.enrolmentSiteId() != null && actor.isAssignedTo(client.enrolmentSiteId());
        return ownSite || (peerId != null && peerId == actor.id());
    }
}
