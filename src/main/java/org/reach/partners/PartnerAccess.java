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

    /**
     * A partner organisation the actor may name (one of {@link OrganisationDirectory#programmePartners}): every
     * organisation in a partners record the actor may see belongs to the record's programme, which is the actor's.
     */
    Organisation organisation(ReachUser actor, long id) {
        return directory.programmePartner(actor, id);
    }

    String name(ReachUser actor, Long organisationId) {
        if (organisationId == null) {
            return null;
        }
        try {
            return organisation(actor, organisationId).name();
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

    /** The partners the actor may name, by id, in one look-up, for pages that name many. */
    Map<Long, Organisation> allById(ReachUser actor) {
        return directory.programmePartners(actor).stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
    }

    /** The partners of one programme the actor may name. */
    List<Organisation> inProgramme(ReachUser actor, Long programmeId) {
        return directory.programmePartners(actor).stream()
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
