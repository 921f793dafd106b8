package org.reach.rights;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.Clients;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.NotFound;
import org.reach.platform.Paging;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.rights.store.ViolenceStore;
import org.reach.rights.store.ViolenceStore.Known;
import org.reach.rights.store.ViolenceStore.NewReport;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Violence and rights-violation reports. Any staff member records one and gets its number back; only the
 * organisation's protection focal persons read, answer and close them, and every read of a report is in the audit
 * log with the client it names. Everything is checked before anything is written; a uuid already stored with the
 * same content is answered with the same receipt, with different content it is a conflict.
 */
@Service
@Transactional
public class ViolenceReports {

    public static final int MAX_TEXT = 500;
    public static final int MAX_NAME = 100;
    /** The largest page of the report list. */
    public static final int MAX_PAGE_SIZE = 100;
    /** How long ago an incident may have happened to be reported now. */
    public static final int MAX_AGE_DAYS = 2 * 366;
    /** How far ahead of the server's clock a device's time may run. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_ATTEMPTS = 3;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final String ENTITY = "violence_report";

    private final ViolenceStore store;
    private final OrganisationDirectory directory;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ViolenceReports(ViolenceStore store, OrganisationDirectory directory, Clients clients, AuditTrail audit, Clock clock,
                    PlatformTransactionManager transactionManager) {
        this.store = store;
        this.directory = directory;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public boolean mayRecord(ReachUser actor) {
        return RightsAccess.mayRecord(actor);
    }

    /** Whether this person reads, answers and closes the organisation's reports: its protection focal persons. */
    public boolean mayRead(ReachUser actor) {
        return RightsAccess.mayRead(actor);
    }

    /** The sites a report may name: those the recorder works at (all of the organisation's for managers). */
    @Transactional
    public List<Site> sites(ReachUser actor) {
        long organisationId = RightsAccess.requireRecorder(actor);
        return directory.sites(actor, organisationId).stream().filter(Site::active).toList();
    }

    /** Records a report; the recorder learns its number and time, nothing more. */
    @Transactional(propagation = Propagation.SUPPORTS) // each attempt is its own transaction
    public ViolenceReceipt record(ReachUser actor, ViolenceReportForm form) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return recordOnce(actor, form);
        }
        // A device repeating a submission while the first is being written loses the race to the unique uuid; a
        // fresh attempt finds the first one and answers like any repeat.
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> recordOnce(actor, form));
            } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private ViolenceReceipt recordOnce(ReachUser actor, ViolenceReportForm form) {
        long organisationId = RightsAccess.requireRecorder(actor);
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Problems problems = new Problems();
        String uuid = trim(form.uuid());
        problems.check(uuid != null, "uuid", "error.required");
        problems.check(uuid == null || UUID_TEXT.matcher(uuid).matches(), "uuid", "rights.error.uuid");

        problems.check(form.occurredOn() != null, "occurredOn", "error.required");
        boolean dayInRange = false;
        if (form.occurredOn() != null) {
            // Dates are calendar days where it happened: a day ahead of UTC is allowed for places east of it.
            problems.check(!form.occurredOn().isAfter(today.plusDays(1)), "occurredOn", "rights.error.future");
            problems.check(!form.occurredOn().isBefore(today.minusDays(MAX_AGE_DAYS)), "occurredOn", "rights.error.tooOld");
            dayInRange = !form.occurredOn().isAfter(today.plusDays(1))
                    && !form.occurredOn().isBefore(today.minusDays(MAX_AGE_DAYS));
        }

        Site site = null;
        if (form.siteId() == null) {
            problems.add("siteId", "error.required");
        } else {
            site = sites(actor).stream().filter(s -> s.id() == form.siteId()).findFirst().orElse(null);
            problems.check(site != null, "siteId", "error.unknown");
        }
        String hotspot = trim(form.hotspot());
        problems.check(hotspot == null || hotspot.length() <= MAX_NAME, "hotspot", "error.tooLong", MAX_NAME);

        String code = trim(form.clientCode());
        Client client = null;
        if (code != null) {
            client = code.length() > 40 ? null : clients.findByUic(actor, code)
                    .filter(c -> c.organisationId() == organisationId).orElse(null);
            if (client == null) {
                problems.add("clientCode", clients.whyNoClientHasCode(actor, code, "rights.error.unknownClient"));
            }
        } else {
            problems.check(form.gender() != null, "gender", "rights.error.anonymousSex");
            problems.check(form.ageBand() != null, "ageBand", "rights.error.anonymousAge");
        }

        problems.check(!form.types().isEmpty(), "types", "rights.error.types");
        problems.check(!form.perpetrators().isEmpty(), "perpetrators", "rights.error.perpetrators");
        problems.check(form.wantsHelp() != null, "wantsHelp", "error.required");
        if (Boolean.TRUE.equals(form.wantsHelp())) {
            problems.check(!form.help().isEmpty(), "help", "rights.error.help");
        } else if (Boolean.FALSE.equals(form.wantsHelp())) {
            problems.check(form.help().isEmpty(), "help", "rights.error.helpNotWanted");
        }
        String description = trim(form.description());
        problems.check(description == null || description.length() <= MAX_TEXT, "description", "error.tooLong", MAX_TEXT);

        Instant reportedAt = form.reportedAt() == null ? now : form.reportedAt();
        problems.check(!reportedAt.isAfter(now.plus(CLOCK_SKEW)), "reportedAt", "rights.error.future");
        if (dayInRange) {
            problems.check(!reportedAt.isBefore(form.occurredOn().minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                    "reportedAt", "rights.error.reportedBeforeIncident");
        }
        problems.throwIfAny();

        NewReport row = new NewReport(organisationId, uuid.toLowerCase(), null, form.occurredOn(), site.id(), site.city(),
                hotspot, client == null ? null : client.id(), client == null ? form.gender() : null,
                client == null ? form.ageBand() : null, form.types(), form.perpetrators(), form.wantsHelp(),
                form.wantsHelp() ? form.help() : Set.of(), description, actor.id(), reportedAt);
        String fingerprint = fingerprint(row, form.reportedAt());
        Optional<Known> known = store.known(organisationId, row.uuid());
        if (known.isPresent()) {
            if (!known.get().fingerprint().equals(fingerprint)) {
                throw new ViolenceReportConflict();
            }
            return new ViolenceReceipt(known.get().id(), known.get().reportedAt(), false);
        }
        row = new NewReport(row.organisationId(), row.uuid(), fingerprint, row.occurredOn(), row.siteId(), row.city(),
                row.hotspot(), row.clientId(), row.gender(), row.ageBand(), row.types(), row.perpetrators(),
                row.wantsHelp(), row.help(), row.description(), row.recordedBy(), row.reportedAt());
        long id = store.insert(row, now);
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, ENTITY, id, null,
                row.clientId() == null ? List.of() : List.of(row.clientId()));
        return new ViolenceReceipt(id, reportedAt, true);
    }

    /** One page of the organisation's reports, newest first; for its protection focal persons, and audited. */
    @Transactional // not read-only: the read is written to the audit log
    public ViolenceReportPage list(ReachUser actor, boolean openOnly, int page, int size) {
        long organisationId = RightsAccess.requireReader(actor, "read violence reports");
        Problems problems = new Problems();
        problems.check(page >= 0 && page <= Paging.MAX_PAGE, "page", "error.pageNumber", Paging.MAX_PAGE);
        problems.throwIfAny();
        int bounded = Paging.size(size, MAX_PAGE_SIZE);
        List<ViolenceReport> found = store.page(organisationId, openOnly, Paging.offset(page, bounded), bounded);
        long total = store.count(organisationId, openOnly);
        audit.recordRead(actor, organisationId, ENTITY, null, "list page " + page + ": " + found.size() + " of " + total,
                found.stream().map(ViolenceReport::clientId).filter(Objects::nonNull).distinct().toList());
        return new ViolenceReportPage(found, page, bounded, total);
    }

    /** One report in full; for the organisation's protection focal persons, and audited with its client. */
    @Transactional // not read-only: the read is written to the audit log
    public ViolenceReport report(ReachUser actor, long id) {
        long organisationId = RightsAccess.requireReader(actor, "read violence report");
        ViolenceReport report = store.byId(organisationId, id).orElseThrow(() -> new NotFound(ENTITY, id));
        audit.recordRead(actor, organisationId, ENTITY, id, null,
                report.clientId() == null ? List.of() : List.of(report.clientId()));
        return report;
    }

    /** Records a response given; the first one stops the crisis clock. */
    public ViolenceReport respond(ReachUser actor, long id, ViolenceResponseForm form) {
        long organisationId = RightsAccess.requireReader(actor, "respond to violence report");
        ViolenceReport report = store.byId(organisationId, id).orElseThrow(() -> new NotFound(ENTITY, id));
        Instant now = Instant.now(clock);
        Problems problems = new Problems();
        problems.check(form.kind() != null, "kind", "error.required");
        String note = trim(form.note());
        problems.check(note == null || note.length() <= MAX_TEXT, "note", "error.tooLong", MAX_TEXT);
        String givenBy = trim(form.givenBy());
        problems.check(givenBy == null || givenBy.length() <= MAX_NAME, "givenBy", "error.tooLong", MAX_NAME);
        Instant givenAt = form.givenAt() == null ? now : form.givenAt();
        problems.check(!givenAt.isAfter(now.plus(CLOCK_SKEW)), "givenAt", "rights.error.future");
        problems.check(!givenAt.isBefore(report.reportedAt()), "givenAt", "rights.error.respondedBeforeReport");
        problems.check(!report.closed(), "kind", "rights.error.closed");
        problems.throwIfAny();
        long responseId = store.insertResponse(id, form.kind(), note, givenBy == null ? actor.displayName() : givenBy,
                givenAt, actor.id(), now);
        audit.recordWrite(actor, organisationId, AuditAction.UPDATE, ENTITY, id, "response " + responseId,
                clientOf(report));
        return store.byId(organisationId, id).orElseThrow();
    }

    /** Closes a report with its outcome; a closed report takes no more responses. */
    public ViolenceReport close(ReachUser actor, long id, CaseClosing closing) {
        long organisationId = RightsAccess.requireReader(actor, "close violence report");
        ViolenceReport report = store.byId(organisationId, id).orElseThrow(() -> new NotFound(ENTITY, id));
        Problems problems = new Problems();
        problems.check(closing.outcome() != null, "outcome", "error.required");
        problems.check(!report.closed(), "outcome", "rights.error.closed");
        problems.throwIfAny();
        store.close(organisationId, id, closing.outcome(), actor.id(), Instant.now(clock));
        audit.recordWrite(actor, organisationId, AuditAction.UPDATE, ENTITY, id, "closed " + closing.outcome(),
                clientOf(report));
        return store.byId(organisationId, id).orElseThrow();
    }

    /**
     * How many open reports wait for a first response, for the start page of the protection focal persons: counts
     * only, so it names no client and is not a read of a report.
     */
    @Transactional
    public WaitingReports waiting(ReachUser actor) {
        if (!mayRead(actor)) {
            return new WaitingReports(0, 0);
        }
        long[] counts = store.waiting(actor.organisationId(), Instant.now(clock).minus(ViolenceReport.RESPONSE_DUE));
        return new WaitingReports(counts[0], counts[1]);
    }

    /** How many reports the organisation holds: a count for its protection focal persons, naming nobody. */
    @Transactional
    public long count(ReachUser actor) {
        return store.count(RightsAccess.requireReader(actor, "count violence reports"), false);
    }

    /** The codes of the clients of these reports, for the protection focal persons' pages. */
    @Transactional
    public Map<Long, String> clientCodes(ReachUser actor, Collection<Long> clientIds) {
        RightsAccess.requireReader(actor, "read violence reports");
        List<Long> ids = clientIds.stream().filter(Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Map.of() : clients.codes(actor, ids);
    }

    /** The names of the organisation's sites, for the protection focal persons' pages. */
    @Transactional
    public Map<Long, String> siteNames(ReachUser actor) {
        RightsAccess.requireReader(actor, "read violence reports");
        return directory.siteNamesOfOwnOrganisation(actor);
    }

    public Instant now() {
        return Instant.now(clock);
    }

    private static List<Long> clientOf(ViolenceReport report) {
        return report.clientId() == null ? List.of() : List.of(report.clientId());
    }

    private static String trim(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String fingerprint(NewReport r, Instant sentReportedAt) {
        String canonical = String.join("|", String.valueOf(r.occurredOn()), String.valueOf(r.siteId()),
                String.valueOf(r.hotspot()), String.valueOf(r.clientId()), String.valueOf(r.gender()),
                String.valueOf(r.ageBand()), sorted(r.types()), sorted(r.perpetrators()), String.valueOf(r.wantsHelp()),
                sorted(r.help()), String.valueOf(r.description()), String.valueOf(sentReportedAt));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String sorted(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
