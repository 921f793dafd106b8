package org.reach.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.store.ClientStore;
import org.reach.clients.store.StatusCutoffs;
import org.reach.platform.Forbidden;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's registry settings: how its codes are built (fixed once it has a client) and its status rule
 * (active, defaulter, lost to follow-up). The organisation's manager changes them, its staff read them, and every
 * other class of the registry, the indicators included through {@link Clients#statusRules}, derives a client's status
 * from here, so the client list and the figures cannot disagree.
 */
@Service
@Transactional
public class RegistrySettings {

    private final ClientStore store;
    private final ClientAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    RegistrySettings(ClientStore store, ClientAccess access, AuditTrail audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public ClientSettings settings(ReachUser actor) {
        return settingsOf(access.readable(actor));
    }

    /** The code scheme cannot change once the organisation has a client: their codes were built with it. */
    public boolean schemeLocked(ReachUser actor) {
        return store.count(access.readable(actor)) > 0;
    }

    public ClientSettings updateSettings(ReachUser actor, ClientSettingsForm form) {
        long organisation = access.readable(actor);
        if (!access.mayChangeSettings(actor)) {
            throw new Forbidden("change client settings");
        }
        ClientSettings current = settingsOf(organisation);
        Problems problems = new Problems();
        problems.check(form.scheme() != null, "scheme", "error.required");
        if (form.activeMonths() == null) {
            problems.add("activeMonths", "error.required");
        } else {
            problems.check(form.activeMonths() >= 1 && form.activeMonths() <= 24, "activeMonths", "client.error.months", 1, 24);
        }
        if (form.lostAfterMonths() == null) {
            problems.add("lostAfterMonths", "error.required");
        } else {
            problems.check(form.lostAfterMonths() >= 2 && form.lostAfterMonths() <= 60, "lostAfterMonths", "client.error.months", 2, 60);
            problems.check(form.activeMonths() == null || form.lostAfterMonths() > form.activeMonths(), "lostAfterMonths",
                    "client.error.thresholdOrder");
        }
        if (form.scheme() != null && form.scheme() != current.scheme()) {
            problems.check(store.count(organisation) == 0, "scheme", "client.error.schemeLocked");
        }
        problems.throwIfAny();
        ClientSettings changed = new ClientSettings(organisation, form.scheme(), form.activeMonths(), form.lostAfterMonths());
        store.saveSettings(changed, Instant.now(clock));
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, "client_settings", organisation,
                changed.scheme() + " " + changed.activeMonths() + "/" + changed.lostAfterMonths());
        return changed;
    }

    /** Each organisation's status rule; settings only, no client data. */
    public Map<Long, ClientSettings> statusRules(Collection<Long> organisationIds) {
        Map<Long, ClientSettings> rules = new HashMap<>();
        for (Long organisation : organisationIds) {
            rules.put(organisation, settingsOf(organisation));
        }
        return rules;
    }

    /** Active while the last contact is at most N months old, defaulter until M months, lost after. */
    public ClientStatus derivedStatus(LocalDate lastContact, ClientSettings settings) {
        return settings.statusOn(lastContact, today());
    }

    ClientSettings settingsOf(long organisation) {
        return store.settings(organisation).orElseGet(() -> ClientSettings.defaults(organisation));
    }

    /** Today's boundaries of the status rule, for searching by status in the store. */
    StatusCutoffs cutoffs(ClientSettings settings) {
        LocalDate today = today();
        return new StatusCutoffs(settings.activeSince(today), settings.lostBefore(today));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
