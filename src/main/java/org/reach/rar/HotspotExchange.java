package org.reach.rar;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reach.platform.BackgroundJobs;
import org.reach.platform.FieldProblem;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.RowProblem;
import org.reach.platform.Table;
import org.reach.platform.TableReader;
import org.reach.platform.Uploads;
import org.reach.platform.TableRow;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hotspots in and out: GeoJSON (a FeatureCollection of points, as QGIS reads and writes it) and survey
 * exports (CSV/XLSX of KoBoToolbox or ODK) with a column-mapping step. Access and audit go through
 * {@link RapidAssessments}; nothing is imported unless every row is valid or the person chose to import
 * only the good rows.
 */
@Service
public class HotspotExchange {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ROWS = Pattern.compile("rows\\[(\\d+)]\\.(.+)");

    private final RapidAssessments rar;
    private final PopulationSizes sizes;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Uploads uploads;

    /** An upload waiting for its mapping, read again from its kept file whenever it is needed. */
    private record Pending(String id, long assessmentId, String filename, Table table) {
    }

    HotspotExchange(RapidAssessments rar, PopulationSizes sizes, BackgroundJobs jobs, Uploads uploads, Clock clock) {
        this.rar = rar;
        this.sizes = sizes;
        this.jobs = jobs;
        this.uploads = uploads;
        this.clock = clock;
    }

    // ---- GeoJSON

    /** The hotspots as a GeoJSON FeatureCollection, with their attributes and best estimate as properties. */
    public String exportGeoJson(ReachUser actor, long assessmentId) {
        SizeEstimates estimates = sizes.estimates(actor, assessmentId);
        ObjectNode collection = JSON.createObjectNode();
        collection.put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (HotspotEstimate e : estimates.hotspots()) {
            Hotspot h = e.hotspot();
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", h.id());
            ObjectNode geometry = feature.putObject("geometry");
            geometry.put("type", "Point");
            geometry.putArray("coordinates").add(h.longitude()).add(h.latitude());
            ObjectNode p = feature.putObject("properties");
            p.put("name", h.name());
            p.put("district", h.district());
            p.put("typology", h.typology().name());
            p.put("use_type", h.useType().name());
            p.put("drugs", String.join(",", h.drugs()));
            p.put("reasons", join(h.reasons()));
            p.put("times_of_day", join(h.timesOfDay()));
            p.put("safety_risks", join(h.safetyRisks()));
            p.put("women", h.womenPresent());
            p.put("youth", h.youthPresent());
            p.put("transgender", h.transgenderPresent());
            if (h.gpsAccuracy() != null) {
                p.put("gps_accuracy", h.gpsAccuracy());
            }
            p.put("imprecise", h.imprecise());
            if (h.polygon() != null) {
                p.put("polygon", h.polygon());
            }
            if (e.best() != null) {
                p.put("estimate", e.best().rounded());
                p.put("estimate_low", e.best().roundedLow());
                p.put("estimate_high", e.best().roundedHigh());
                p.put("estimate_method", e.best().method().name());
            }
        }
        return JSON.writeValueAsString(collection);
    }

    /** Reads a FeatureCollection of points (as exported above or drawn in QGIS) and saves it in one go. */
    public List<Hotspot> importGeoJson(ReachUser actor, long assessmentId, String text) {
        List<HotspotForm> forms = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(text == null ? "" : text);
        } catch (JacksonException notJson) {
            throw InvalidInput.of("file", "rar.import.error.geojson");
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString("")) || !root.path("features").isArray()) {
            throw InvalidInput.of("file", "rar.import.error.geojson");
        }
        int index = 0;
        List<FieldProblem> problems = new ArrayList<>();
        for (JsonNode feature : root.path("features")) {
            JsonNode geometry = feature.path("geometry");
            JsonNode p = feature.path("properties");
            Double lat = null;
            Double lon = null;
            String polygon = p.path("polygon").isString() ? p.path("polygon").asString() : null;
            String type = geometry.path("type").asString("");
            if ("Point".equals(type) && geometry.path("coordinates").size() >= 2) {
                lon = geometry.path("coordinates").get(0).asDouble();
                lat = geometry.path("coordinates").get(1).asDouble();
            } else if ("Polygon".equals(type)) {
                double[] centre = centroid(geometry.path("coordinates").path(0));
                if (centre != null) {
                    lon = centre[0];
                    lat = centre[1];
                    polygon = JSON.writeValueAsString(geometry);
                }
            }
            if (lat == null) {
                problems.add(FieldProblem.of("rows[" + index + "].latitude", "rar.import.error.geometry"));
            }
            forms.add(new HotspotForm(text(p, "name"), text(p, "district"), lat, lon,
                    p.path("gps_accuracy").isNumber() ? p.path("gps_accuracy").asDouble() : null, polygon,
                    enumOr(Typology.class, text(p, "typology"), Typology.OTHER),
                    enumOr(UseType.class, text(p, "use_type"), UseType.MIXED), split(text(p, "drugs")),
                    enums(GatheringReason.class, text(p, "reasons")), enums(TimeOfDay.class, text(p, "times_of_day")),
                    enums(SafetyRisk.class, text(p, "safety_risks")), p.path("women").asBoolean(false),
                    p.path("youth").asBoolean(false), p.path("transgender").asBoolean(false)));
            index++;
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (forms.isEmpty()) {
            throw InvalidInput.of("file", "rar.import.error.empty");
        }
        return rar.importHotspots(actor, assessmentId, forms, "geojson");
    }

    // ---- survey exports (KoBoToolbox / ODK)

    /** Reads an uploaded file and keeps it for the mapping step; guesses the mapping from the usual column names. */
    public FieldUpload upload(ReachUser actor, long assessmentId, String filename, InputStream content) {
        Assessment assessment = rar.assessment(actor, assessmentId);
        if (!rar.mayRecord(actor, assessment)) {
            throw new org.reach.platform.Forbidden("import hotspots");
        }
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (java.io.IOException unreadable) {
            throw InvalidInput.of("file", "import.error.unreadable");
        }
        Table table = TableReader.read(filename, new java.io.ByteArrayInputStream(bytes));
        if (table.rows().isEmpty()) {
            throw InvalidInput.of("file", "rar.import.error.empty");
        }
        // Kept on disk, not in memory, so a restart between upload and mapping loses nothing.
        Uploads.Upload kept = uploads.keep(actor, purpose(assessmentId), filename, new java.io.ByteArrayInputStream(bytes));
        return describe(kept.id(), new Pending(kept.id(), assessmentId, kept.filename(), table));
    }

    public FieldUpload pending(ReachUser actor, long assessmentId, String uploadId) {
        return describe(uploadId, pendingOf(actor, assessmentId, uploadId));
    }

    /**
     * Checks every row against the mapping and, when all are good or goodRowsOnly is set, imports them in
     * the background. Returns the job id; the job's result is an {@link ImportResult}.
     */
    public String startImport(ReachUser actor, long assessmentId, String uploadId, Map<String, String> mapping,
                              boolean goodRowsOnly) {
        Pending pending = pendingOf(actor, assessmentId, uploadId);
        Map<String, String> clean = new LinkedHashMap<>();
        mapping.forEach((target, column) -> {
            if (FieldUpload.TARGETS.contains(target) && column != null && !column.isBlank()) {
                clean.put(target, column);
            }
        });
        boolean located = clean.containsKey("gps") || (clean.containsKey("latitude") && clean.containsKey("longitude"));
        if (!clean.containsKey("name") || !located) {
            throw InvalidInput.of("mapping", "rar.import.error.mapping");
        }
        return jobs.start(actor, "rar-import", progress -> {
            progress.total(pending.table().rows().size());
            ImportResult result = importRows(actor, assessmentId, pending, clean, goodRowsOnly, progress);
            if (result.imported() > 0) {
                uploads.forget(actor, uploadId);
            }
            return result;
        });
    }

    /** Parses, checks and (if allowed) saves; synchronous, for the background job and for tests. */
    public ImportResult importRows(ReachUser actor, long assessmentId, String uploadId, Map<String, String> mapping,
                                   boolean goodRowsOnly) {
        return importRows(actor, assessmentId, pendingOf(actor, assessmentId, uploadId), mapping, goodRowsOnly, null);
    }

    private ImportResult importRows(ReachUser actor, long assessmentId, Pending pending, Map<String, String> mapping,
                                    boolean goodRowsOnly, BackgroundJobs.Progress progress) {
        List<TableRow> rows = pending.table().rows();
        List<RowProblem> problems = new ArrayList<>();
        List<HotspotForm> forms = new ArrayList<>();
        List<TableRow> formRows = new ArrayList<>();
        for (TableRow row : rows) {
            List<RowProblem> rowProblems = new ArrayList<>();
            HotspotForm form = parse(row, mapping, rowProblems);
            if (rowProblems.isEmpty()) {
                forms.add(form);
                formRows.add(row);
            } else {
                problems.addAll(rowProblems);
            }
            if (progress != null) {
                progress.advance(1);
            }
        }
        Set<Integer> badForms = new java.util.HashSet<>();
        for (FieldProblem problem : rar.checkImport(actor, assessmentId, forms)) {
            Matcher m = ROWS.matcher(problem.field());
            if (m.matches()) {
                int index = Integer.parseInt(m.group(1));
                badForms.add(index);
                String field = m.group(2);
                problems.add(new RowProblem(formRows.get(index).line(), mapping.getOrDefault(field, field),
                        problem.messageKey(), problem.arguments()));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(RowProblem::line));
        if (!problems.isEmpty() && !goodRowsOnly) {
            return new ImportResult(rows.size(), 0, problems);
        }
        List<HotspotForm> good = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            if (!badForms.contains(i)) {
                good.add(forms.get(i));
            }
        }
        if (good.isEmpty()) {
            return new ImportResult(rows.size(), 0, problems);
        }
        rar.importHotspots(actor, assessmentId, good, "survey " + pending.filename());
        return new ImportResult(rows.size(), good.size(), problems);
    }

    private HotspotForm parse(TableRow row, Map<String, String> mapping, List<RowProblem> problems) {
        String name = cell(row, mapping, "name");
        Double lat = number(row, mapping, "latitude", problems);
        Double lon = number(row, mapping, "longitude", problems);
        Double accuracy = number(row, mapping, "gpsAccuracy", problems);
        String gps = cell(row, mapping, "gps");
        if (gps != null && (lat == null || lon == null)) {
            // ODK/KoBo geopoint: "latitude longitude altitude accuracy"
            String[] parts = gps.trim().split("\\s+");
            try {
                lat = Double.parseDouble(parts[0]);
                lon = Double.parseDouble(parts[1]);
                if (parts.length >= 4 && accuracy == null) {
                    accuracy = Double.parseDouble(parts[3]);
                }
            } catch (RuntimeException unreadable) {
                problems.add(RowProblem.of(row.line(), mapping.get("gps"), "rar.import.error.gps", gps));
            }
        }
        if (name == null) {
            problems.add(RowProblem.of(row.line(), mapping.get("name"), "error.required"));
        }
        if ((lat == null || lon == null) && problems.stream().noneMatch(p -> p.line() == row.line())) {
            problems.add(RowProblem.of(row.line(), mapping.getOrDefault("gps", mapping.get("latitude")),
                    "rar.import.error.noLocation"));
        }
        Typology typology = Typology.OTHER;
        String typologyText = cell(row, mapping, "typology");
        if (typologyText != null) {
            typology = parseEnum(Typology.class, typologyText);
            if (typology == null) {
                problems.add(RowProblem.of(row.line(), mapping.get("typology"), "rar.import.error.value", typologyText));
            }
        }
        UseType useType = UseType.MIXED;
        String useText = cell(row, mapping, "useType");
        if (useText != null) {
            useType = parseEnum(UseType.class, useText);
            if (useType == null) {
                problems.add(RowProblem.of(row.line(), mapping.get("useType"), "rar.import.error.value", useText));
            }
        }
        List<String> drugs = new ArrayList<>();
        String drugText = cell(row, mapping, "drugs");
        if (drugText != null) {
            for (String d : drugText.split("[\\s,;]+")) {
                String code = d.toUpperCase(Locale.ROOT).replace('-', '_');
                if (!code.isEmpty()) {
                    if (rar.drugs().contains(code)) {
                        drugs.add(code);
                    } else {
                        problems.add(RowProblem.of(row.line(), mapping.get("drugs"), "rar.error.drug", d));
                    }
                }
            }
        }
        return new HotspotForm(name, cell(row, mapping, "district"), lat, lon, accuracy, null, typology, useType, drugs,
                List.of(), List.of(), List.of(), yes(cell(row, mapping, "womenPresent")),
                yes(cell(row, mapping, "youthPresent")), yes(cell(row, mapping, "transgenderPresent")));
    }

    private Pending pendingOf(ReachUser actor, long assessmentId, String uploadId) {
        Uploads.Upload upload = uploads.find(actor, purpose(assessmentId), uploadId);
        try (java.io.InputStream content = upload.open()) {
            return new Pending(upload.id(), assessmentId, upload.filename(), TableReader.read(upload.filename(), content));
        } catch (java.io.IOException gone) {
            throw new NotFound("upload", uploadId);
        }
    }

    private static String purpose(long assessmentId) {
        return "rar-hotspots:" + assessmentId;
    }

    private FieldUpload describe(String id, Pending pending) {
        Map<String, String> guess = new TreeMap<>();
        for (String header : pending.table().headers()) {
            String h = header.toLowerCase(Locale.ROOT).replaceAll("^.*/", "");
            if (h.equals("_gps_latitude") || h.equals("latitude") || h.equals("lat")) {
                guess.put("latitude", header);
            } else if (h.equals("_gps_longitude") || h.equals("longitude") || h.equals("lon") || h.equals("lng")) {
                guess.put("longitude", header);
            } else if (h.equals("_gps_precision") || h.equals("accuracy") || h.equals("gps_accuracy")) {
                guess.put("gpsAccuracy", header);
            } else if (h.equals("gps") || h.equals("location") || h.equals("geopoint")) {
                guess.put("gps", header);
            } else if (h.contains("hotspot") || h.equals("name") || h.equals("alias")) {
                guess.putIfAbsent("name", header);
            } else if (h.contains("district") || h.equals("area") || h.equals("town")) {
                guess.put("district", header);
            } else if (h.contains("typology") || h.equals("type_of_place")) {
                guess.put("typology", header);
            } else if (h.contains("use_type") || h.contains("injecting")) {
                guess.put("useType", header);
            } else if (h.contains("drug")) {
                guess.put("drugs", header);
            } else if (h.contains("women")) {
                guess.put("womenPresent", header);
            } else if (h.contains("youth")) {
                guess.put("youthPresent", header);
            } else if (h.contains("transgender")) {
                guess.put("transgenderPresent", header);
            }
        }
        return new FieldUpload(id, pending.assessmentId(), pending.filename(), pending.table().headers(),
                pending.table().rows().size(), guess);
    }


    private static String cell(TableRow row, Map<String, String> mapping, String target) {
        String column = mapping.get(target);
        return column == null ? null : row.get(column);
    }

    private static Double number(TableRow row, Map<String, String> mapping, String target, List<RowProblem> problems) {
        String text = cell(row, mapping, target);
        if (text == null) {
            return null;
        }
        try {
            return Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            problems.add(RowProblem.of(row.line(), mapping.get(target), "rar.import.error.number", text));
            return null;
        }
    }

    private static boolean yes(String text) {
        return text != null && Set.of("1", "yes", "true", "y", "ja", "haan", "ndiyo").contains(text.toLowerCase(Locale.ROOT));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        String code = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String text, E fallback) {
        E value = text == null ? null : parseEnum(type, text);
        return value == null ? fallback : value;
    }

    private static <E extends Enum<E>> List<E> enums(Class<E> type, String text) {
        return split(text).stream().map(t -> parseEnum(type, t)).filter(java.util.Objects::nonNull).toList();
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static String join(Set<? extends Enum<?>> values) {
        return String.join(",", values.stream().map(Enum::name).toList());
    }

    private static double[] centroid(JsonNode ring) {
        if (!ring.isArray() || ring.size() == 0) {
            return null;
        }
        double lon = 0;
        double lat = 0;
        for (JsonNode position : ring) {
            lon += position.path(0).asDouble();
            lat += position.path(1).asDouble();
        }
        return new double[] {lon / ring.size(), lat / ring.size()};
    }
}
