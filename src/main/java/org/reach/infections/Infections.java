package org.reach.infections;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.Clients;
import org.reach.infections.store.InfectionStore;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.Paging;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records wound assessments, hepatitis and TB tests and treatments of registered clients, and reads them back.
 * Organisation staff who see clients record (managers, site managers, outreach workers); M&E officers read too;
 * administrators and coordinators never see a record. Everything is validated before anything is written; a uuid
 * already stored with the same content is answered with the stored record, with other content it is a conflict.
 * Every read and write is audited with the client's id.
 */
@Service
@Transactional
public class Infections {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_NOTES = 500;
    /** Far above any HCV RNA seen in practice (about 10^8 IU/mL): a larger number is a typing error. */
    public static final long MAX_VIRAL_LOAD = 1_000_000_000L;
    /** SVR12 is assessed twelve weeks after the end of treatment. */
    public static final int SVR_WEEKS = 12;
    static final String ENTITY = "infection_record";
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final InfectionStore store;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    Infections(InfectionStore store, Clients clients, AuditTrail audit, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean mayRecord(ReachUser actor) {
        return actor.recordsClientWork();
    }

    public boolean mayRead(ReachUser actor) {
        return actor.readsClientWork();
    }

    private long requireReader(ReachUser actor) {
        if (!mayRead(actor)) {
            throw new Forbidden("read infection records");
        }
        return actor.organisationId();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** One record: stored and created, or the stored one when the same uuid came with the same content. */
    public RecordedInfection record(ReachUser actor, InfectionForm form) {
        if (!mayRecord(actor)) {
            throw new Forbidden("record infection");
        }
        long organisationId = actor.organisationId();
        Problems problems = new Problems();
        String uuid = form.uuid() == null ? null : form.uuid().trim().toLowerCase(java.util.Locale.ROOT);
        problems.check(uuid != null && UUID_TEXT.matcher(uuid).matches(), "uuid", "infection.error.uuid");
        Client client = client(actor, form, problems);
        InfectionKind kind = form.kind();
        problems.check(kind != null, "kind", "error.required");
        LocalDate date = form.date();
        LocalDate today = today();
        problems.check(date != null, "date", "error.required");
        problems.check(date == null || !date.isAfter(today), "date", "infection.error.futureDate");
        problems.check(date == null || !date.isBefore(EARLIEST), "date", "infection.error.tooEarly");
        String result = code(form.result());
        String detail = code(form.detail());
        String treatment = code(form.treatment());
        String antibiotics = code(form.antibiotics());
        String notes = form.notes() == null || form.notes().isBlank() ? null : form.notes().strip();
        problems.check(notes == null || notes.length() <= MAX_NOTES, "notes", "error.tooLong", MAX_NOTES);
        problems.check(notes == null || notes.indexOf('\0') < 0, "notes", "error.nul");
        Long viralLoad = form.viralLoad();
        LocalDate followUp = form.followUpOn();
        if (kind != null) {
            coded(problems, "result", result, kind.results());
            coded(problems, "detail", detail, kind.details());
            coded(problems, "treatment", treatment, kind.isWound() ? InfectionKind.WOUND_TREATMENTS : List.of());
            coded(problems, "antibiotics", antibiotics, kind.isWound() ? InfectionKind.ANTIBIOTICS : List.of());
            problems.check(followUp == null || kind.isWound(), "followUpOn", "infection.error.notForKind");
            problems.check(followUp == null || date == null || !followUp.isBefore(date), "followUpOn",
                    "infection.error.followUpBefore");
            problems.check(followUp == null || date == null || !followUp.isAfter(date.plusYears(1)), "followUpOn",
                    "infection.error.followUpFar");
            boolean detected = kind == InfectionKind.HCV_RNA_TEST && "DETECTED".equals(result);
            problems.check(viralLoad == null || detected, "viralLoad", "infection.error.viralLoadOnlyDetected");
            problems.check(viralLoad == null || (viralLoad > 0 && viralLoad <= MAX_VIRAL_LOAD), "viralLoad",
                    "infection.error.viralLoad", MAX_VIRAL_LOAD);
            if (client != null && date != null) {
                sequence(problems, organisationId, client.id(), kind, date);
            }
        }
        problems.throwIfAny();

        InfectionRecord candidate = new InfectionRecord(0, uuid, organisationId, client.id(), client.enrolmentSiteId(),
                kind, date, result, detail, viralLoad, treatment, antibiotics, followUp, notes, null);
        String fingerprint = fingerprint(candidate);
        Optional<InfectionStore.Known> known = store.known(organisationId, uuid);
        if (known.isPresent()) {
            return repeated(actor, known.get(), fingerprint, uuid);
        }
        long id = store.insert(candidate, fingerprint, actor.id(), Instant.now(clock));
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, ENTITY, id, kind.name(), List.of(client.id()));
        return new RecordedInfection(store.byId(id).orElseThrow(), true);
    }

    private RecordedInfection repeated(ReachUser actor, InfectionStore.Known known, String fingerprint, String uuid) {
        if (!known.fingerprint().equals(fingerprint)) {
            throw new InfectionConflict(uuid);
        }
        InfectionRecord stored = store.byId(known.id()).orElseThrow();
        audit.recordRead(actor, stored.organisationId(), ENTITY, stored.id(), "repeated submission",
                List.of(stored.clientId()));
        return new RecordedInfection(stored, false);
    }

    /** The client by id or code, of the actor's organisation only: another's is as unknown as none at all. */
    private Client client(ReachUser actor, InfectionForm form, Problems problems) {
        if (form.clientId() != null) {
            try {
                Client found = clients.client(actor, form.clientId());
                if (actor.isMemberOf(found.organisationId())) {
                    return found;
                }
            } catch (NotFound | Forbidden unknown) {
                // answered below, like a client that does not exist
            }
            problems.add("clientId", "infection.error.client");
            return null;
        }
        String code = form.clientCode() == null ? "" : form.clientCode().strip();
        if (code.isEmpty()) {
            problems.add("clientCode", "error.required");
            return null;
        }
        Optional<Client> found = code.length() > 40 ? Optional.empty()
                : clients.findByUic(actor, code).filter(c -> actor.isMemberOf(c.organisationId()));
        problems.check(found.isPresent(), "clientCode", "infection.error.client");
        return found.orElse(null);
    }

    private static String code(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** A coded answer: required and one of the codes when the kind takes it, absent when it does not. */
    private static void coded(Problems problems, String field, String value, List<String> codes) {
        if (codes.isEmpty()) {
            problems.check(value == null, field, "infection.error.notForKind");
        } else if (value == null) {
            problems.add(field, "error.required");
        } else {
            problems.check(codes.contains(value), field, "infection.error.code");
        }
    }

    /** Completion after a start, SVR12 twelve weeks after a completion, a TB outcome after a TB treatment start. */
    private void sequence(Problems problems, long organisationId, long clientId, InfectionKind kind, LocalDate date) {
        List<InfectionRecord> earlier = store.ofClient(organisationId, clientId).stream()
                .filter(r -> !r.date().isAfter(date)).toList();
        switch (kind) {
            case HCV_TREATMENT_COMPLETION -> problems.check(has(earlier, InfectionKind.HCV_TREATMENT_START, date),
                    "date", "infection.error.completionBeforeStart");
            case HCV_SVR12 -> {
                if (!has(earlier, InfectionKind.HCV_TREATMENT_COMPLETION, date)) {
                    problems.add("date", "infection.error.svrWithoutTreatment");
                } else {
                    problems.check(has(earlier, InfectionKind.HCV_TREATMENT_COMPLETION, date.minusWeeks(SVR_WEEKS)),
                            "date", "infection.error.svrTooEarly", SVR_WEEKS);
                }
            }
            case TB_TREATMENT_OUTCOME -> problems.check(has(earlier, InfectionKind.TB_TREATMENT_START, date), "date",
                    "infection.error.outcomeBeforeStart");
            default -> {
            }
        }
    }

    private static boolean has(List<InfectionRecord> records, InfectionKind kind, LocalDate onOrBefore) {
        return records.stream().anyMatch(r -> r.kind() == kind && !r.date().isAfter(onOrBefore));
    }

    private static String fingerprint(InfectionRecord r) {
        String content = String.join("\u001f", String.valueOf(r.clientId()), r.kind().name(), String.valueOf(r.date()),
                Objects.toString(r.result(), ""), Objects.toString(r.detail(), ""), Objects.toString(r.viralLoad(), ""),
                Objects.toString(r.treatment(), ""), Objects.toString(r.antibiotics(), ""),
                Objects.toString(r.followUpOn(), ""), Objects.toString(r.notes(), ""));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    // ---- reading

    /** One record of the actor's organisation; another organisation's is not found. */
    @Transactional
    public InfectionRecord record(ReachUser actor, long id) {
        long organisationId = requireReader(actor);
        InfectionRecord found = store.byId(id).filter(r -> r.organisationId() == organisationId)
                .orElseThrow(() -> new NotFound("infection record", id));
        audit.recordRead(actor, organisationId, ENTITY, id, null, List.of(found.clientId()));
        return found;
    }

    /** A page of the organisation's records, newest first, optionally of one client (of the organisation) or kind. */
    @Transactional
    public InfectionPage list(ReachUser actor, Long clientId, InfectionKind kind, int page, int size) {
        long organisationId = requireReader(actor);
        int number = Paging.page(page);
        int rows = Paging.size(size, MAX_PAGE_SIZE);
        List<InfectionRecord> records = store.page(organisationId, clientId, kind, Paging.offset(number, rows), rows);
        long total = store.count(organisationId, clientId, kind);
        audit.recordRead(actor, organisationId, ENTITY, null, "list",
                records.stream().map(InfectionRecord::clientId).distinct().toList());
        return new InfectionPage(records, number, rows, total);
    }

    /** The client (of the actor's organisation) and their records, newest first. */
    @Transactional
    public ClientInfections ofClient(ReachUser actor, long clientId) {
        long organisationId = requireReader(actor);
        Client client;
        try {
            client = clients.client(actor, clientId);
        } catch (Forbidden refused) {
            throw new NotFound("client", clientId);
        }
        if (client.organisationId() != organisationId) {
            throw new NotFound("client", clientId);
        }
        List<InfectionRecord> records = store.ofClient(organisationId, clientId);
        audit.recordRead(actor, organisationId, ENTITY, null, "client history", List.of(clientId));
        return new ClientInfections(client, records);
    }

    /** A client and their infection records. */
    public record ClientInfections(Client client, List<InfectionRecord> records) {
        public ClientInfections {
            records = List.copyOf(records);
        }
    }
}
