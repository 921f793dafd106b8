package org.reach.partners;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Who sees and does what with partner-strengthening records. Coordinators work with every partner of their
 * programme, administrators with all; an organisation's own people see their own records; nobody sees a
 * foreign programme's partners.
 */
@Component
class PartnerAccess {

    private final OrganisationDirectory directory;

    PartnerAccess(OrganisationDirectory directory) {
        this.directory = directory;
    }

    /** Looks up any organisation, without regard to the actor; callers decide visibility. */
    Organisation organisation(long id) {
        return directory.organisation(ReachUser.system(), id);
    }

    String name(Long organisationId) {
        if (organisationId == null) {
            return null;
        }
        try {
            return organisation(organisationId).name();
        } catch (NotFound e) {
            return null;
        }
    }

    /** The organisation if it exists and the actor may see it; otherwise not found. */
    Organisation visibleOrganisation(ReachUser actor, Long id) {
        if (id == null) {
            throw new NotFound("organisation", null);
        }
        return directory.organisation(actor, id);
    }

    /** Every organisation by id, in one look-up, for pages that name many (callers decide visibility). */
    Map<Long, Organisation> allById() {
        return directory.organisations(ReachUser.system()).stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
    }

    List<Organisation> inProgramme(Long programmeId) {
        return directory.organisations(ReachUser.system()).stream()
                .filter(o -> Objects.equals(o.programmeId(), programmeId)).toList();
    }

    /** Partners the actor may work with as a programme: all for admins, the programme's for coordinators. */
    List<Organisation> visiblePartners(ReachUser actor) {
        return directory.organisations(actor);
    }

    boolean coordinates(ReachUser actor, Long programmeId) {
        return actor.isAdmin() || actor.coordinatesProgramme(programmeId);
    }

    boolean seesOrganisation(ReachUser actor, long organisationId, Long programmeId) {
        return coordinates(actor, programmeId) || actor.isMemberOf(organisationId);
    }

    boolean managesOwn(ReachUser actor, long organisationId) {
        return actor.has(Role.ORG_MANAGER) && actor.isMemberOf(organisationId);
    }

    static boolean mayManageFramework(ReachUser actor) {
        return actor.isAdmin() || actor.has(Role.COORDINATOR);
    }
}
