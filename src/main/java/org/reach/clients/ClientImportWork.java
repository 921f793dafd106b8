package org.reach.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.store.ClientStore;
import org.reach.clients.store.NewClient;
import org.reach.clients.uic.UicCodes;
import org.reach.organisations.Site;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.FieldProblem;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.RowProblem;
import org.reach.platform.Table;
import org.reach.platform.TableRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client list imported from a spreadsheet, as a background job: every row is checked with the registry's own rules
 * ({@link ClientAccess} decides who may import, {@link ClientRegistrations} what a valid client is) and nothing is
 * written unless every row is valid; the whole file is one audit entry naming every client it created.
 */
@Service
@Transactional
public class ClientImportWork {

    private final ClientRegistry registry;
    private final ClientAccess access;
    private final RegistrySettings registrySettings;
    private final ClientRegistrations registrations;
    private final ClientStore store;
    private final AuditTrail audit;
    private final Clock clock;

    ClientImportWork(ClientRegistry registry, ClientAccess access, RegistrySettings registrySettings,
                     ClientRegistrations registrations, ClientStore store, AuditTrail audit, Clock clock) {
        this.registry = registry;
        this.access = access;
        this.registrySettings = registrySettings;
        this.registrations = registrations;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public static final List<String> IMPORT_COLUMNS = List.of("uic", "gender", "birth_year", "key_populations",
            "primary_drug", "secondary_drug", "route", "enrolment_site", "first_contact", "status");
    private static final List<String> REQUIRED_COLUMNS = List.of("uic", "gender", "enrolment_site", "first_contact");

    /**
     * Imports a client list: every row is checked first and nothing is imported unless every row is valid.
     * Codes already in the organisation or repeated in the file are bad rows.
     */
    public ImportReport importClients(ReachUser actor, Table table, BackgroundJobs.Progress progress) {
        long organisation = access.writable(actor);
        if (!access.mayImport(actor)) {
            throw new Forbidden("import clients");
        }
        ClientSettings settings = registrySettings.settingsOf(organisation);
        List<RowProblem> problems = new ArrayList<>();
        for (String column : REQUIRED_COLUMNS) {
            if (!table.headers().contains(column)) {
                problems.add(RowProblem.of(1, column, "client.import.missingColumn"));
            }
        }
        if (!problems.isEmpty()) {
            return new ImportReport(0, table.rows().size(), problems);
        }
        progress.total(table.rows().size());
        Map<String, Site> sitesByName = new HashMap<>();
        registry.enrolmentSites(actor).forEach(site -> sitesByName.put(site.name().strip().toLowerCase(Locale.ROOT), site));
        // Imported codes are kept as they are (an existing register's codes, with or without check characters);
        // one person's old and new codes differ only in the check character, so they are compared without it.
        Set<String> existingBodies = new LinkedHashSet<>();
        store.codesIncludingMerged(organisation).forEach(stored -> existingBodies.add(UicCodes.bodyOf(settings.scheme(), stored)));
        Map<String, Integer> seen = new HashMap<>();
        List<NewClient> valid = new ArrayList<>();
        List<ClientStatus> statuses = new ArrayList<>();
        for (TableRow row : table.rows()) {
            int before = problems.size();
            Problems rowProblems = new Problems();
            String code = UicCodes.normalise(row.get("uic"));
            if (code.isEmpty()) {
                problems.add(RowProblem.of(row.line(), "uic", "error.required"));
            } else if (UicCodes.isCheckCharacterWrong(settings.scheme(), code)
                    && UicCodes.isWellFormed(settings.scheme(), UicCodes.bodyOf(settings.scheme(), code))) {
                problems.add(RowProblem.of(row.line(), "uic", "client.error.checkCharacter"));
            } else if (!UicCodes.isWellFormedWithOrWithoutCheck(settings.scheme(), code)) {
                problems.add(RowProblem.of(row.line(), "uic", "client.error.codeFormat", settings.scheme().length(),
                        settings.scheme().length() + 1));
            } else if (existingBodies.contains(UicCodes.bodyOf(settings.scheme(), code))) {
                problems.add(RowProblem.of(row.line(), "uic", "client.import.codeExists"));
            } else if (seen.containsKey(UicCodes.bodyOf(settings.scheme(), code))) {
                problems.add(RowProblem.of(row.line(), "uic", "client.import.codeRepeated",
                        seen.get(UicCodes.bodyOf(settings.scheme(), code))));
            } else {
                seen.put(UicCodes.bodyOf(settings.scheme(), code), row.line());
            }
            Gender gender = parse(row, "gender", Gender.class, problems);
            Integer birthYear = null;
            if (row.get("birth_year") != null) {
                try {
                    birthYear = Integer.valueOf(row.get("birth_year"));
                } catch (NumberFormatException notANumber) {
                    problems.add(RowProblem.of(row.line(), "birth_year", "client.import.notAYear"));
                }
            }
            Set<KeyPopulation> populations = EnumSet.noneOf(KeyPopulation.class);
            if (row.get("key_populations") != null) {
                for (String part : row.get("key_populations").split(";")) {
                    if (!part.isBlank()) {
                        KeyPopulation population = enumValue(KeyPopulation.class, part);
                        if (population == null) {
                            problems.add(RowProblem.of(row.line(), "key_populations", "client.import.unknownValue", part.strip()));
                        } else {
                            populations.add(population);
                        }
                    }
                }
            }
            Drug primary = parse(row, "primary_drug", Drug.class, problems);
            Drug secondary = parse(row, "secondary_drug", Drug.class, problems);
            Route route = parse(row, "route", Route.class, problems);
            Long siteId = null;
            if (row.get("enrolment_site") == null) {
                problems.add(RowProblem.of(row.line(), "enrolment_site", "error.required"));
            } else {
                Site site = sitesByName.get(row.get("enrolment_site").toLowerCase(Locale.ROOT));
                if (site == null) {
                    problems.add(RowProblem.of(row.line(), "enrolment_site", "client.import.unknownSite", row.get("enrolment_site")));
                } else {
                    siteId = site.id();
                }
            }
            LocalDate firstContact = null;
            if (row.get("first_contact") == null) {
                problems.add(RowProblem.of(row.line(), "first_contact", "error.required"));
            } else {
                try {
                    firstContact = LocalDate.parse(row.get("first_contact"));
                } catch (RuntimeException notADate) {
                    problems.add(RowProblem.of(row.line(), "first_contact", "client.import.notADate"));
                }
            }
            ClientStatus status = parse(row, "status", ClientStatus.class, problems);
            NewClient facts = registrations.validate(actor, organisation, code, gender, birthYear, populations, primary, secondary,
                    route, siteId, null, null, firstContact, null, null, rowProblems);
            if (gender == null && row.get("gender") == null) {
                problems.add(RowProblem.of(row.line(), "gender", "error.required"));
            }
            try {
                rowProblems.throwIfAny();
            } catch (InvalidInput invalid) {
                for (FieldProblem problem : invalid.problems()) {
                    String column = column(problem.field());
                    boolean alreadyReported = problems.subList(before, problems.size()).stream()
                            .anyMatch(p -> p.column().equals(column));
                    if (!alreadyReported) {
                        problems.add(new RowProblem(row.line(), column, problem.messageKey(), problem.arguments()));
                    }
                }
            }
            if (problems.size() == before) {
                valid.add(facts);
                statuses.add(status);
            }
            progress.advance(1);
        }
        if (!problems.isEmpty()) {
            return new ImportReport(0, table.rows().size(), problems);
        }
        LocalDate today = today();
        List<Long> imported = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            long id = store.insert(valid.get(i), now());
            ClientStatus status = statuses.get(i);
            if (status != null && ClientStatusChanges.RECORDED.contains(status)) {
                store.setExplicitStatus(id, status, today, now());
                store.addStatusChange(id, status, today, null, ClientAccess.actorId(actor), now());
            }
            imported.add(id);
        }
        // One entry for the whole file, naming every client it created.
        if (!imported.isEmpty()) {
            audit.recordWrite(actor, organisation, AuditAction.CREATE, ClientRegistry.ENTITY, imported.size() == 1 ? imported.get(0) : null,
                    "import of " + imported.size() + " clients", imported);
        }
        return new ImportReport(valid.size(), table.rows().size(), List.of());
    }

    private static <E extends Enum<E>> E parse(TableRow row, String column, Class<E> type, List<RowProblem> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        E parsed = enumValue(type, value);
        if (parsed == null) {
            problems.add(RowProblem.of(row.line(), column, "client.import.unknownValue", value));
        }
        return parsed;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(name)) {
                return candidate;
            }
        }
        return null;
    }

    private static String column(String field) {
        return switch (field) {
            case "birthYear" -> "birth_year";
            case "keyPopulations" -> "key_populations";
            case "primaryDrug" -> "primary_drug";
            case "secondaryDrug" -> "secondary_drug";
            case "enrolmentSiteId" -> "enrolment_site";
            case "firstContact" -> "first_contact";
            case "code" -> "uic";
            default -> field;
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
