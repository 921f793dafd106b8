package org.reach.field;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.field.store.FieldConflictStore;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Conflicts never lose data: when the server already holds a record under a uuid with other content, the phone sends
 * its version here and it is kept beside the stored one until a supervisor (the site manager of its site or the
 * organisation manager) resolves it. Reporting the same version again keeps it once.
 */
@Service
@Transactional
public class FieldConflicts {

    static final int MAX_RECORD_CHARS = 20_000;
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_.\\[\\]]{1,60}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FieldConflictStore conflicts;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    FieldConflicts(FieldConflictStore conflicts, OrganisationDirectory directory, AuditTrail audit, Clock clock) {
        this.conflicts = conflicts;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean mayReport(ReachUser actor) {
        return actor.recordsClientWork();
    }

    /** Organisation managers resolve every conflict of the organisation, site managers those of their sites. */
    public boolean mayResolve(ReachUser actor) {
        return actor.organisationId() != null && (actor.has(Role.ORG_MANAGER) || actor.has(Role.SITE_MANAGER));
    }

    public FieldConflict report(ReachUser actor, Long deviceId, ConflictReport report) {
        if (!mayReport(actor)) {
            throw new Forbidden("report a field conflict");
        }
        Problems problems = new Problems();
        problems.check(report.kind() != null, "kind", "error.required");
        problems.check(report.uuid() != null && UUID.matcher(report.uuid()).matches(), "uuid", "fieldapp.error.uuid");
        problems.check(report.record() != null && !report.record().isEmpty(), "record", "error.required");
        problems.check(report.formVersion() == null || report.formVersion().length() <= 40, "formVersion",
                "error.tooLong", 40);
        problems.check(report.siteId() == null || actor.isAssignedTo(report.siteId())
                        || (actor.has(Role.ORG_MANAGER) && directory.siteNamesOfOwnOrganisation(actor).containsKey(report.siteId())),
                "siteId", "fieldapp.error.site");
        problems.check(report.differences().size() <= 50 && report.differences().stream()
                .allMatch(f -> f != null && FIELD.matcher(f).matches()), "differences", "fieldapp.error.differences");
        problems.throwIfAny();
        String version = JSON.writeValueAsString(new TreeMap<>(report.record()));
        problems.check(version.length() <= MAX_RECORD_CHARS && version.indexOf('\0') < 0, "record", "error.tooLong",
                MAX_RECORD_CHARS);
        problems.throwIfAny();
        long organisationId = actor.organisationId();
        String hash = FieldDevices.hash(version);
        var known = conflicts.find(organisationId, report.kind(), report.uuid(), hash);
        if (known.isPresent()) {
            return known.get();
        }
        long id = conflicts.insert(organisationId, report.siteId(), deviceId, actor.id(), report.kind(), report.uuid(),
                report.formVersion(), version, hash, report.differences(), Instant.now(clock));
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, "field-conflict", id,
                report.kind() + " " + report.uuid() + " kept beside the stored version");
        return conflicts.byId(id).orElseThrow();
    }

    /** The conflicts the actor resolves, open ones first; reading them is audited (they may name client codes). */
    public List<FieldConflict> list(ReachUser actor, boolean openOnly) {
        if (!mayResolve(actor)) {
            throw new Forbidden("read field conflicts");
        }
        List<FieldConflict> found = conflicts.ofOrganisation(actor.organisationId(), openOnly).stream()
                .filter(c -> sees(actor, c)).toList();
        audit.recordRead(actor, actor.organisationId(), "field-conflict", null,
                "field conflicts: " + found.size());
        return found;
    }

    /** One conflict the actor resolves (another's, or one they may not resolve, is not found); the read is audited. */
    public FieldConflict conflict(ReachUser actor, long id) {
        FieldConflict conflict = resolvable(actor, id);
        audit.recordRead(actor, conflict.organisationId(), "field-conflict", id, "field conflict " + conflict.kind());
        return conflict;
    }

    public FieldConflict resolve(ReachUser actor, long id, Resolution resolution, String note) {
        FieldConflict conflict = resolvable(actor, id);
        String text = note == null ? null : note.strip();
        Problems problems = new Problems();
        problems.check(resolution != null, "resolution", "error.required");
        problems.check(text == null || text.length() <= 500, "note", "error.tooLong", 500);
        problems.check(conflict.open(), "resolution", "fieldapp.error.resolved");
        problems.throwIfAny();
        conflicts.resolve(id, actor.id(), resolution, text == null || text.isEmpty() ? null : text, Instant.now(clock));
        audit.recordWrite(actor, conflict.organisationId(), AuditAction.UPDATE, "field-conflict", id,
                "resolved: " + resolution);
        return conflicts.byId(id).orElseThrow();
    }

    private FieldConflict resolvable(ReachUser actor, long id) {
        return conflicts.byId(id)
                .filter(c -> mayResolve(actor) && actor.isMemberOf(c.organisationId()) && sees(actor, c))
                .orElseThrow(() -> new NotFound("field-conflict", id));
    }

    private static boolean sees(ReachUser actor, FieldConflict conflict) {
        return actor.has(Role.ORG_MANAGER) || (conflict.siteId() != null && actor.isAssignedTo(conflict.siteId()));
    }
}
