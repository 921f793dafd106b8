package org.reach.services;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.store.ServiceStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service catalogue: the built-in comprehensive package, seeded by migration, plus each organisation's
 * own services, visible to that organisation only. Services are retired, never deleted once used.
 */
@Service
@Transactional
public class ServiceCatalogue {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private final ServiceStore store;
    private final AuditTrail audit;
    private final Clock clock;

    ServiceCatalogue(ServiceStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Built-in services and the caller's organisation's own, retired ones included. */
    @Transactional(readOnly = true)
    public List<ServiceDefinition> services(ReachUser actor) {
        return store.visibleTo(actor.organisationId());
    }

    @Transactional(readOnly = true)
    public ServiceDefinition service(ReachUser actor, long id) {
        return store.byId(id, actor.organisationId()).filter(s -> s.builtIn() || actor.isMemberOf(s.organisationId()))
                .orElseThrow(() -> new NotFound("service", id));
    }

    public boolean mayManage(ReachUser actor) {
        return actor.organisationId() != null && actor.has(Role.ORG_MANAGER);
    }

    public ServiceDefinition create(ReachUser actor, ServiceForm form) {
        long organisationId = requireManager(actor, "add service");
        String code = form.code() == null ? "" : form.code().strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        String name = form.name() == null ? "" : form.name().strip();
        Problems problems = new Problems();
        if (code.isEmpty()) {
            problems.add("code", "error.required");
        } else if (!CODE.matcher(code).matches()) {
            problems.add("code", "service.error.code");
        } else if (store.visibleTo(organisationId).stream().anyMatch(s -> s.code().equals(code))) {
            problems.add("code", "service.error.codeTaken");
        }
        if (name.isEmpty()) {
            problems.add("name", "error.required");
        } else {
            problems.check(name.length() <= 200, "name", "error.tooLong", 200);
        }
        problems.check(form.category() != null, "category", "error.required");
        problems.check(form.unit() != null, "unit", "error.required");
        problems.throwIfAny();
        ServiceForm clean = new ServiceForm(code, name, form.category(), form.unit());
        long id = store.insert(organisationId, clean, now());
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, "service", id, code);
        return store.byId(id, organisationId).orElseThrow();
    }

    /**
     * Retires or reinstates a service for the manager's organisation: an own service itself, a built-in one
     * for this organisation only (other organisations keep offering it).
     */
    public ServiceDefinition setActive(ReachUser actor, long id, boolean active) {
        ServiceDefinition service = service(actor, id);
        long organisationId = requireManager(actor, active ? "reinstate service" : "retire service");
        if (service.builtIn()) {
            if (active) {
                store.reinstateFor(organisationId, id);
            } else {
                store.retireFor(organisationId, id, now());
            }
        } else {
            store.setActive(id, active);
        }
        audit.recordWrite(actor, organisationId, active ? AuditAction.REACTIVATE : AuditAction.DEACTIVATE,
                "service", id, service.code());
        return store.byId(id, organisationId).orElseThrow();
    }

    /** Removes an organisation's own service that no encounter has used; used ones can only be retired. */
    public void delete(ReachUser actor, long id) {
        ServiceDefinition service = ownService(actor, id, "delete service");
        if (store.used(id)) {
            throw InvalidInput.of("service", "service.error.inUse");
        }
        store.delete(id);
        audit.recordWrite(actor, service.organisationId(), AuditAction.DEACTIVATE, "service", id, "deleted unused " + service.code());
    }

    @Transactional(readOnly = true)
    public ServiceSettings settings(ReachUser actor) {
        if (actor.organisationId() == null) {
            throw new Forbidden("read service settings");
        }
        return new ServiceSettings(actor.organisationId(),
                store.syringesPerKg(actor.organisationId(), ServiceSettings.DEFAULT_SYRINGES_PER_KG));
    }

    public ServiceSettings saveSettings(ReachUser actor, Double syringesPerKg) {
        long organisationId = requireManager(actor, "change service settings");
        new Problems().check(syringesPerKg != null && syringesPerKg > 0 && syringesPerKg <= 10_000, "syringesPerKg",
                "service.error.syringesPerKg").throwIfAny();
        store.saveSyringesPerKg(organisationId, syringesPerKg, now());
        audit.recordWrite(actor, organisationId, AuditAction.UPDATE, "serviceSettings", organisationId,
                "syringes per kg " + syringesPerKg);
        return settings(actor);
    }

    /** Codes for the quick-entry grid: the organisation's most used services lately, else a sensible set. */
    @Transactional(readOnly = true)
    public List<ServiceDefinition> quickServices(ReachUser actor, int limit) {
        return quickServices(actor, null, limit);
    }

    /**
     * The services a form shows first: those the site gave most in the last 90 days (the organisation's, without a
     * site), then the usual outreach package. A naloxone kit is always among them: an overdose response must never be
     * one click further away because a site has not given one lately.
     */
    public List<ServiceDefinition> quickServices(ReachUser actor, Long siteId, int limit) {
        List<ServiceDefinition> active = services(actor).stream().filter(ServiceDefinition::active).toList();
        java.time.LocalDate since = java.time.LocalDate.now(clock).minusDays(90);
        List<String> codes = actor.organisationId() == null ? List.of()
                : siteId != null ? store.mostUsedCodesAtSite(actor.organisationId(), siteId, since, limit - 1)
                : store.mostUsedCodes(actor.organisationId(), since, limit - 1);
        java.util.LinkedHashSet<String> chosen = new java.util.LinkedHashSet<>(codes);
        chosen.add("NALOXONE_KIT");
        for (String code : List.of("NEEDLES_SYRINGES", "CONDOMS", "LUBRICANT", "NALOXONE_KIT", "HIV_TEST",
                "HIV_SELF_TEST_KIT", "INFORMATION_MATERIAL", "PEER_SUPPORT")) {
            if (chosen.size() >= limit) {
                break;
            }
            chosen.add(code);
        }
        return chosen.stream().flatMap(code -> active.stream().filter(s -> s.code().equals(code)).findFirst().stream())
                .toList();
    }

    private ServiceDefinition ownService(ReachUser actor, long id, String action) {
        ServiceDefinition service = service(actor, id);
        if (service.builtIn() || !mayManage(actor)) {
            throw new Forbidden(action);
        }
        return service;
    }

    private long requireManager(ReachUser actor, String action) {
        if (!mayManage(actor)) {
            throw new Forbidden(action);
        }
        return actor.organisationId();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
