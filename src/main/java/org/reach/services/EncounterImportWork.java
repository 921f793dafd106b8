package org.reach.services;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reach.clients.Client;
import org.reach.organisations.Site;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.FieldProblem;
import org.reach.platform.ReachUser;
import org.reach.platform.RowProblem;
import org.reach.platform.Table;
import org.reach.platform.TableRow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The import itself, in one transaction: check every row, then write all encounters or none. */
@Component
class EncounterImportWork {

    static final List<String> REQUIRED = List.of("date", "site", "service_code", "quantity");
    private static final Pattern SERVICE_FIELD = Pattern.compile("services\\[(\\d+)]\\.(\\w+)");

    private final Encounters encounters;

    EncounterImportWork(Encounters encounters) {
        this.encounters = encounters;
    }

    /** Rows that form one encounter, in file order. */
    private static final class Group {
        final List<TableRow> rows = new ArrayList<>();
        String uuid;
        LocalDate date;
        Site site;
        String uic;
    }

    @Transactional
    public ImportReport importTable(ReachUser actor, Table table, BackgroundJobs.Progress progress) {
        Encounters.Context context = encounters.contextFor(actor);
        progress.total(table.rows().size() * 2L);
        List<RowProblem> problems = new ArrayList<>();
        for (String column : REQUIRED) {
            if (!table.headers().contains(column)) {
                problems.add(RowProblem.of(1, column, "import.error.missingColumn", column));
            }
        }
        if (!problems.isEmpty()) {
            return new ImportReport(table.rows().size(), 0, problems);
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (TableRow row : table.rows()) {
            checkRow(context, row, problems, groups);
            progress.advance(1);
        }
        if (!problems.isEmpty()) {
            return new ImportReport(table.rows().size(), 0, problems);
        }
        List<Group> ordered = List.copyOf(groups.values());
        List<EncounterForm> forms = new ArrayList<>();
        for (Group group : ordered) {
            List<ServiceLine> lines = new ArrayList<>();
            for (TableRow row : group.rows) {
                lines.add(new ServiceLine(row.get("service_code").toUpperCase(Locale.ROOT), Integer.valueOf(row.get("quantity")),
                        result(row.get("result")), yes(row.get("linked"))));
            }
            String uuid = group.uuid != null ? group.uuid : UUID.nameUUIDFromBytes(("reach-import|" + context.organisationId
                    + "|" + group.date + "|" + group.site.id() + "|" + group.uic).getBytes(StandardCharsets.UTF_8)).toString();
            forms.add(new EncounterForm(uuid, group.date, group.site.id(), null, null, group.uic, group.uic == null,
                    lines, null, null, null));
        }
        List<Encounters.Prepared> prepared = new ArrayList<>();
        Map<Integer, List<FieldProblem>> invalid = encounters.validateForImport(actor, forms, prepared);
        invalid.forEach((index, found) -> found.forEach(p -> problems.add(toRowProblem(ordered.get(index), p))));
        if (!problems.isEmpty()) {
            return new ImportReport(table.rows().size(), 0, problems);
        }
        try {
            BatchResult result = encounters.storeImported(actor, prepared);
            progress.advance(table.rows().size());
            return new ImportReport(table.rows().size(), result.stored(), List.of());
        } catch (EncounterConflict conflict) {
            conflict.problems().forEach(p -> problems.add(RowProblem.of(ordered.get(Integer.parseInt(p.field())).rows.get(0).line(),
                    "uuid", p.messageKey())));
            return new ImportReport(table.rows().size(), 0, problems);
        }
    }

    private void checkRow(Encounters.Context context, TableRow row, List<RowProblem> problems, Map<String, Group> groups) {
        int line = row.line();
        int before = problems.size();
        String uuid = row.get("uuid") == null ? null : row.get("uuid").toLowerCase(Locale.ROOT);
        if (uuid != null && !uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            problems.add(RowProblem.of(line, "uuid", "encounter.error.uuid"));
        }
        LocalDate date = null;
        if (row.get("date") == null) {
            problems.add(RowProblem.of(line, "date", "error.required"));
        } else {
            try {
                date = LocalDate.parse(row.get("date"));
                if (date.isAfter(context.today)) {
                    problems.add(RowProblem.of(line, "date", "encounter.error.futureDate"));
                }
            } catch (DateTimeParseException bad) {
                problems.add(RowProblem.of(line, "date", "import.error.date"));
            }
        }
        Site site = null;
        if (row.get("site") == null) {
            problems.add(RowProblem.of(line, "site", "error.required"));
        } else {
            site = context.siteNamed(row.get("site")).orElse(null);
            if (site == null) {
                problems.add(RowProblem.of(line, "site", "encounter.error.site"));
            }
        }
        String uic = row.get("client_uic");
        if (uic != null) {
            Optional<Client> client = context.clientByUic(uic);
            if (client.isEmpty()) {
                problems.add(RowProblem.of(line, "client_uic",
                        context.clients.whyNotFound(uic, "encounter.error.unknownClient")));
            } else if (client.get().isDeceased()) {
                problems.add(RowProblem.of(line, "client_uic", "encounter.error.deceased"));
            }
        }
        String code = row.get("service_code") == null ? null : row.get("service_code").toUpperCase(Locale.ROOT);
        ServiceDefinition service = code == null ? null : context.servicesByCode.get(code);
        if (code == null) {
            problems.add(RowProblem.of(line, "service_code", "error.required"));
        } else if (service == null) {
            problems.add(RowProblem.of(line, "service_code", "encounter.error.unknownService", code));
        } else if (!service.active()) {
            problems.add(RowProblem.of(line, "service_code", "encounter.error.retiredService", code));
        }
        String quantityText = row.get("quantity");
        if (quantityText == null) {
            problems.add(RowProblem.of(line, "quantity", "error.required"));
        } else {
            try {
                int quantity = Integer.parseInt(quantityText);
                if (quantity < 0) {
                    problems.add(RowProblem.of(line, "quantity", "encounter.error.negativeQuantity"));
                } else if (quantity == 0) {
                    problems.add(RowProblem.of(line, "quantity", "encounter.error.zeroQuantity"));
                }
            } catch (NumberFormatException bad) {
                problems.add(RowProblem.of(line, "quantity", "import.error.number"));
            }
        }
        if (row.get("result") != null && result(row.get("result")) == null) {
            problems.add(RowProblem.of(line, "result", "import.error.result"));
        }
        if (problems.size() > before) {
            return;
        }
        String key = uuid != null ? "u:" + uuid : "k:" + date + "|" + site.id() + "|" + uic;
        Group group = groups.computeIfAbsent(key, k -> new Group());
        if (group.rows.isEmpty()) {
            group.uuid = uuid;
            group.date = date;
            group.site = site;
            group.uic = uic;
        } else if (!date.equals(group.date) || site.id() != group.site.id() || !java.util.Objects.equals(uic, group.uic)) {
            problems.add(RowProblem.of(line, "uuid", "import.error.uuidMixed"));
            return;
        }
        Set<String> codes = new HashSet<>();
        group.rows.forEach(r -> codes.add(r.get("service_code").toUpperCase(Locale.ROOT)));
        if (codes.contains(code)) {
            problems.add(RowProblem.of(line, "service_code", "encounter.error.duplicateService", code));
            return;
        }
        group.rows.add(row);
    }

    private static RowProblem toRowProblem(Group group, FieldProblem problem) {
        Matcher service = SERVICE_FIELD.matcher(problem.field());
        if (service.matches()) {
            int index = Integer.parseInt(service.group(1));
            String column = switch (service.group(2)) {
                case "quantity" -> "quantity";
                case "result" -> "result";
                default -> "service_code";
            };
            return new RowProblem(group.rows.get(index).line(), column, problem.messageKey(), problem.arguments());
        }
        String column = switch (problem.field()) {
            case "date" -> "date";
            case "siteId" -> "site";
            case "clientUic", "clientId" -> "client_uic";
            default -> "uuid";
        };
        return new RowProblem(group.rows.get(0).line(), column, problem.messageKey(), problem.arguments());
    }

    private static TestResult result(String text) {
        if (text == null) {
            return null;
        }
        try {
            return TestResult.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Boolean yes(String text) {
        return text == null ? null : Set.of("yes", "y", "true", "1").contains(text.strip().toLowerCase(Locale.ROOT));
    }
}
