package org.reach.followup;

import java.time.Clock;
import java.util.List;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.followup.store.FollowUpStore;
import org.reach.platform.Forbidden;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's contact rhythm: the installation's defaults until the organisation's manager sets its own.
 * Everyone on the worklist may read it (it explains why a client is listed); only an organisation manager changes it,
 * since it decides the whole organisation's lists. A change is audited.
 */
@Service
@Transactional
public class ContactRhythms {

    private final FollowUpStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final ContactRhythm defaults;

    ContactRhythms(FollowUpStore store, AuditTrail audit, Clock clock,
                   @Value("${reach.followup.contact-every-days.injecting:7}") int injectingDays,
                   @Value("${reach.followup.contact-every-days.other:30}") int otherDays) {
        if (!withinRange(injectingDays) || !withinRange(otherDays)) {
            throw new IllegalStateException("reach.followup.contact-every-days.* must be whole days from "
                    + ContactRhythm.MIN_DAYS + " to " + ContactRhythm.MAX_DAYS + ": " + injectingDays + ", " + otherDays);
        }
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.defaults = new ContactRhythm(injectingDays, otherDays);
    }

    public boolean mayChange(ReachUser actor) {
        return FollowUpAccess.mayWork(actor) && actor.has(Role.ORG_MANAGER);
    }

    /** The rhythm of the reader's organisation. */
    @Transactional(readOnly = true)
    public ContactRhythm rhythm(ReachUser actor) {
        return of(FollowUpAccess.requireWorker(actor, "read contact rhythm"));
    }

    /** The installation's defaults, which an organisation without its own rhythm follows. */
    public ContactRhythm defaults() {
        return defaults;
    }

    ContactRhythm of(long organisationId) {
        return store.contactRhythm(organisationId).map(days -> new ContactRhythm(days[0], days[1])).orElse(defaults);
    }

    /** Sets the organisation's own rhythm; refused whole unless both are whole days from 1 to 365. */
    public ContactRhythm change(ReachUser actor, ContactRhythmForm form) {
        if (!mayChange(actor)) {
            throw new Forbidden("change contact rhythm");
        }
        long organisationId = actor.organisationId();
        Problems problems = new Problems();
        check(problems, "injectingDays", form.injectingDays());
        check(problems, "otherDays", form.otherDays());
        problems.throwIfAny();
        ContactRhythm before = of(organisationId);
        store.saveContactRhythm(organisationId, form.injectingDays(), form.otherDays(), actor.id(), clock.instant());
        audit.recordWrite(actor, organisationId, AuditAction.UPDATE, "followup_contact_rhythm", organisationId,
                "every " + before.injectingDays() + "/" + before.otherDays() + " days -> every " + form.injectingDays()
                        + "/" + form.otherDays() + " days (injecting/other)", List.of());
        return new ContactRhythm(form.injectingDays(), form.otherDays());
    }

    private static void check(Problems problems, String field, Integer days) {
        if (days == null) {
            problems.add(field, "error.required");
        } else {
            problems.check(withinRange(days), field, "followup.error.contactDays", ContactRhythm.MIN_DAYS,
                    ContactRhythm.MAX_DAYS);
        }
    }

    private static boolean withinRange(int days) {
        return days >= ContactRhythm.MIN_DAYS && days <= ContactRhythm.MAX_DAYS;
    }
}
