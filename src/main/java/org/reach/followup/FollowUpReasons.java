package org.reach.followup;

import java.time.LocalDate;
import java.util.List;

import org.reach.platform.ReachUser;

/**
 * Reasons other capabilities know for seeing a client soon (a recent non-fatal overdose, a positive HCV or TB test
 * not yet linked to treatment): a bean implementing this is asked for every worklist and its reasons are listed
 * and ordered beside follow-up's own. Implementations read only their own records, answer only clients of the
 * actor's organisation, and audit their read as any client-level read.
 */
public interface FollowUpReasons {

    /**
     * The clients of the actor's organisation due for contact on {@code day} by this capability's rules, with why.
     *
     * @param siteId a site to narrow to (the record's site or the client's enrolment site), or null for all
     */
    List<DueReason> due(ReachUser actor, long organisationId, Long siteId, LocalDate day);
}
