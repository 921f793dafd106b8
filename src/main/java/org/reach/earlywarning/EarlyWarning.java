package org.reach.earlywarning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.earlywarning.detection.EarsC;
import org.reach.earlywarning.detection.FarringtonFlexible;
import org.reach.earlywarning.detection.Signal;
import org.reach.earlywarning.store.EarlyWarningStore;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.rar.RapidAssessments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drug reports, the weekly series over them, the detectors run over every series of an organisation's cities, and
 * the alerts and contingency plans that follow. Everything is validated before anything is written.
 */
@Service
@Transactional
public class EarlyWarning {

    /** The largest price per unit accepted, in local currency: more is a typing error. */
    public static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
    public static final int MAX_NOTE = 300;
    public static final int MAX_SUBSTANCE_NAME = 80;
    /** Weeks of history the detectors read: farrington needs 3 years and 4 weeks for the current week. */
    static final int HISTORY_WEEKS = 52 * 3 + 3 + 1;
    /** Weeks shown as the evidence of an alert. */
    static final int EVIDENCE_WEEKS = 26;
    private static final int LIST_LIMIT = 200;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final EarlyWarningStore store;
    private final OrganisationDirectory directory;
    private final RapidAssessments rar;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<WeeklyCounts> ownSeries;
    private final ObjectProvider<WeeklyCounts> contributedSeries;

    EarlyWarning(EarlyWarningStore store, OrganisationDirectory directory, RapidAssessments rar, AuditTrail audit,
                 Clock clock, ObjectProvider<WeeklyCounts> contributedSeries) {
        this.store = store;
        this.directory = directory;
        this.rar = rar;
        this.audit = audit;
        this.clock = clock;
        this.ownSeries = DrugReportSeries.all(store);
        this.contributedSeries = contributedSeries;
    }

    public boolean mayReport(ReachUser actor) {
        return EarlyWarningAccess.mayReport(actor);
    }

    public boolean mayRead(ReachUser actor) {
        return EarlyWarningAccess.mayRead(actor);
    }

    public boolean mayManage(ReachUser actor) {
        return EarlyWarningAccess.mayManage(actor);
    }

    public boolean mayExtendSubstances(ReachUser actor) {
        return EarlyWarningAccess.mayExtendSubstances(actor);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // substances

    @Transactional
    public List<Substance> substances() {
        return store.substances();
    }

    public Substance addSubstance(ReachUser actor, String name) {
        EarlyWarningAccess.require(mayExtendSubstances(actor), actor, "add substance");
        String clean = name == null ? "" : name.strip();
        Problems problems = new Problems();
        problems.check(!clean.isEmpty(), "name", "error.required");
        problems.check(clean.length() <= MAX_SUBSTANCE_NAME, "name", "error.tooLong", MAX_SUBSTANCE_NAME);
        problems.check(clean.isEmpty() || !store.substanceNamed(clean), "name", "earlywarning.error.substanceKnown");
        problems.throwIfAny();
        long id = store.addSubstance(clean, actor.id(), clock.instant());
        audit.recordWrite(actor, null, AuditAction.CREATE, "drug_substance", id, clean);
        return new Substance(id, clean);
    }

    // reports

    /** The sites the actor reports from: every site of the organisation for managers, else their own. */
    @Transactional
    public List<Site> reportingSites(ReachUser actor) {
        if (!mayRead(actor)) {
            return List.of();
        }
        return directory.sites(actor, actor.organisationId()).stream().filter(Site::active)
                .filter(s -> EarlyWarningAccess.seesAllSites(actor) || actor.siteIds().contains(s.id())).toList();
    }

    /**
     * One report: stored and created, or, when its uuid came before in the organisation with the same content, the
     * stored one (nothing new is written). The same uuid with other content is a {@link DrugReportConflict}: the stored
     * report stands, and a device keeps its version for a supervisor.
     */
    public RecordedReport record(ReachUser actor, DrugReportForm form) {
        long organisationId = EarlyWarningAccess.require(mayReport(actor), actor, "record drug report");
        String uuid = form.uuid() == null ? null : form.uuid().strip().toLowerCase(Locale.ROOT);
        EarlyWarningStore.NewReport row = validate(actor, organisationId, uuid, form);
        Optional<DrugReport> known = store.reportByUuid(organisationId, uuid);
        if (known.isPresent()) {
            return repeat(known.get(), row);
        }
        long id;
        try {
            id = store.insert(row, clock.instant());
        } catch (DuplicateKeyException raced) {
            return repeat(store.reportByUuid(organisationId, uuid).orElseThrow(() -> raced), row);
        }
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, "drug_report", id,
                "site " + row.siteId() + ", " + row.reportedOn());
        detect(organisationId, today());
        return new RecordedReport(store.report(id).orElseThrow(), true);
    }

    /** A uuid that came before: the stored report when the content is the same, else a conflict naming the fields. */
    private static RecordedReport repeat(DrugReport stored, EarlyWarningStore.NewReport sent) {
        List<String> differ = new ArrayList<>();
        differ(differ, "reportedOn", stored.reportedOn(), sent.reportedOn());
        differ(differ, "siteId", stored.siteId(), sent.siteId());
        differ(differ, "hotspotId", stored.hotspotId(), sent.hotspotId());
        differ(differ, "soldAsId", stored.soldAsId(), sent.soldAsId());
        differ(differ, "foundId", stored.foundId(), sent.foundId());
        differ(differ, "form", stored.form(), sent.form());
        differ(differ, "pricePerUnit", stored.pricePerUnit(), sent.price());
        differ(differ, "purity", stored.purity(), sent.purity());
        differ(differ, "adulterants", stored.adulterants(), sent.adulterants());
        differ(differ, "route", stored.route(), sent.route());
        differ(differ, "source", stored.source(), sent.source());
        differ(differ, "effect", stored.effect(), sent.effect());
        differ(differ, "effectNote", stored.effectNote(), sent.effectNote());
        if (!differ.isEmpty()) {
            throw new DrugReportConflict(stored.uuid(), differ);
        }
        return new RecordedReport(stored, false);
    }

    private static void differ(List<String> fields, String field, Object stored, Object sent) {
        boolean same = stored instanceof BigDecimal a && sent instanceof BigDecimal b ? a.compareTo(b) == 0
                : java.util.Objects.equals(stored, sent);
        if (!same) {
            fields.add(field);
        }
    }

    /**
     * The report the actor's organisation stored under a device's uuid, for a supervisor comparing it with a phone's
     * version; empty when there is none the actor may see.
     */
    @Transactional
    public Optional<DrugReport> reportByUuid(ReachUser actor, String uuid) {
        long organisationId = EarlyWarningAccess.require(mayRead(actor), actor, "read drug report");
        if (uuid == null || !UUID_TEXT.matcher(uuid.strip()).matches()) {
            return Optional.empty();
        }
        return store.reportByUuid(organisationId, uuid.strip().toLowerCase(Locale.ROOT))
                .filter(r -> EarlyWarningAccess.seesAllSites(actor) || EarlyWarningAccess.mayManage(actor)
                        || actor.siteIds().contains(r.siteId()));
    }

    private EarlyWarningStore.NewReport validate(ReachUser actor, long organisationId, String uuid, DrugReportForm f) {
        Problems p = new Problems();
        p.check(uuid != null && UUID_TEXT.matcher(uuid).matches(), "uuid", "earlywarning.error.uuid");
        LocalDate today = today();
        if (f.reportedOn() == null) {
            p.add("reportedOn", "error.required");
        } else {
            p.check(!f.reportedOn().isAfter(today), "reportedOn", "earlywarning.error.future");
            p.check(!f.reportedOn().isBefore(today.minusYears(5)), "reportedOn", "earlywarning.error.tooOld");
        }
        Site site = null;
        if (f.siteId() == null) {
            p.add("siteId", "error.required");
        } else {
            site = reportingSites(actor).stream().filter(s -> s.id() == f.siteId()).findFirst().orElse(null);
            p.check(site != null, "siteId", "earlywarning.error.site");
        }
        if (f.hotspotId() != null) {
            boolean visible;
            try {
                visible = rar.hotspot(actor, f.hotspotId()) != null;
            } catch (RuntimeException notVisible) {
                visible = false;
            }
            p.check(visible, "hotspotId", "earlywarning.error.hotspot");
        }
        Set<Long> substances = store.substances().stream().map(Substance::id).collect(Collectors.toSet());
        if (f.soldAsId() == null) {
            p.add("soldAsId", "error.required");
        } else {
            p.check(substances.contains(f.soldAsId()), "soldAsId", "earlywarning.error.substance");
        }
        p.check(f.foundId() == null || substances.contains(f.foundId()), "foundId", "earlywarning.error.substance");
        DrugForm form = code(DrugForm.class, f.form(), "form", true, p);
        DrugRoute route = code(DrugRoute.class, f.route(), "route", true, p);
        ReportSource source = code(ReportSource.class, f.source(), "source", true, p);
        UnusualEffect effect = code(UnusualEffect.class, f.effect(), "effect", false, p);
        Set<Adulterant> adulterants = EnumSet.noneOf(Adulterant.class);
        for (String a : f.adulterants()) {
            Adulterant parsed = code(Adulterant.class, a, "adulterants", true, p);
            if (parsed != null) {
                adulterants.add(parsed);
            }
        }
        BigDecimal price = f.pricePerUnit();
        if (price != null) {
            p.check(price.signum() >= 0, "pricePerUnit", "earlywarning.error.negative");
            p.check(price.compareTo(MAX_PRICE) <= 0, "pricePerUnit", "earlywarning.error.priceTooHigh", MAX_PRICE);
            p.check(price.stripTrailingZeros().scale() <= 2, "pricePerUnit", "earlywarning.error.decimals", 2);
        }
        BigDecimal purity = f.purity();
        if (purity != null) {
            p.check(purity.signum() >= 0 && purity.compareTo(BigDecimal.valueOf(100)) <= 0, "purity",
                    "earlywarning.error.purity");
            p.check(purity.stripTrailingZeros().scale() <= 1, "purity", "earlywarning.error.decimals", 1);
        }
        String note = f.effectNote() == null ? null : f.effectNote().strip();
        if (note != null && note.isEmpty()) {
            note = null;
        }
        p.check(note == null || note.length() <= MAX_NOTE, "effectNote", "error.tooLong", MAX_NOTE);
        p.throwIfAny();
        return new EarlyWarningStore.NewReport(uuid, organisationId, site.id(), site.city(), f.hotspotId(),
                f.reportedOn(), f.soldAsId(), f.foundId(), form, price == null ? null : price.setScale(2,
                RoundingMode.UNNECESSARY), purity == null ? null : purity.setScale(2, RoundingMode.UNNECESSARY),
                adulterants, route, source, effect, note, actor.id());
    }

    private static <E extends Enum<E>> E code(Class<E> type, String value, String field, boolean required,
                                              Problems p) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(field, "error.required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException unknown) {
            p.add(field, "earlywarning.error.code");
            return null;
        }
    }

    @Transactional
    public DrugReport report(ReachUser actor, long id) {
        long organisationId = EarlyWarningAccess.require(mayRead(actor), actor, "read drug report");
        return store.report(id).filter(r -> r.organisationId() == organisationId)
                .filter(r -> EarlyWarningAccess.seesAllSites(actor) || EarlyWarningAccess.mayManage(actor)
                        || actor.siteIds().contains(r.siteId()))
                .orElseThrow(() -> new NotFound("drug report", id));
    }

    /** The organisation's reports in a period, newest first (site managers and peers: their sites). */
    @Transactional
    public List<DrugReport> reports(ReachUser actor, LocalDate from, LocalDate to) {
        long organisationId = EarlyWarningAccess.require(mayRead(actor), actor, "read drug reports");
        LocalDate end = to == null ? today() : to;
        LocalDate start = from == null ? end.minusDays(90) : from;
        if (start.isAfter(end)) {
            throw org.reach.platform.InvalidInput.of("from", "earlywarning.error.period");
        }
        Set<Long> sites = EarlyWarningAccess.seesAllSites(actor) ? null : actor.siteIds();
        return store.reports(organisationId, sites, start, end, LIST_LIMIT);
    }

    // series

    /** Every series watched: the early warning's own and those other capabilities offer. */
    public List<WeeklyCounts> series() {
        List<WeeklyCounts> all = new ArrayList<>(ownSeries);
        contributedSeries.orderedStream().forEach(all::add);
        return all;
    }

    public Optional<WeeklyCounts> series(String name) {
        return series().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The Monday that starts the week of a day. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** A weekly series of the actor's organisation, one city or all: weeks from the first report on are counted. */
    public record WeeklySeries(String name, String city, List<LocalDate> weeks, List<Integer> counts) {
    }

    @Transactional
    public WeeklySeries weekly(ReachUser actor, String name, String city, int weeks) {
        long organisationId = EarlyWarningAccess.require(mayRead(actor), actor, "read weekly series");
        WeeklyCounts series = series(name).orElseThrow(() -> new NotFound("series", name));
        int n = Math.max(1, Math.min(weeks, 520));
        LocalDate last = weekOf(today());
        LocalDate first = last.minusWeeks(n - 1);
        int[] counts = series.counts(organisationId, blankToNull(city), first, n);
        List<LocalDate> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add(first.plusWeeks(i));
            values.add(counts[i]);
        }
        return new WeeklySeries(name, blankToNull(city), labels, values);
    }

    /** Median price per unit by week of a substance as sold, in a city or all; null where nothing was priced. */
    @Transactional
    public List<BigDecimal> weeklyMedianPrice(ReachUser actor, long substanceId, String city, LocalDate firstWeek,
                                              int weeks) {
        long organisationId = EarlyWarningAccess.require(mayRead(actor), actor, "read price series");
        List<List<BigDecimal>> byWeek = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            byWeek.add(new ArrayList<>());
        }
        for (EarlyWarningStore.SubstanceDay d : store.substanceDays(organisationId, blankToNull(city),
                firstWeek.plusWeeks(weeks).minusDays(1))) {
            long w = ChronoUnit.DAYS.between(firstWeek, d.day()) / 7;
            if (d.soldAsId() == substanceId && d.price() != null && !d.day().isBefore(firstWeek)) {
                byWeek.get((int) w).add(d.price());
            }
        }
        List<BigDecimal> medians = new ArrayList<>();
        for (List<BigDecimal> prices : byWeek) {
            if (prices.isEmpty()) {
                medians.add(null);
                continue;
            }
            prices.sort(null);
            int m = prices.size() / 2;
            medians.add(prices.size() % 2 == 1 ? prices.get(m)
                    : prices.get(m - 1).add(prices.get(m)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN));
        }
        return medians;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // detection

    /** What the four detectors said of the last week of a series. */
    public record Verdict(List<String> alarmed, String lead, List<Signal> leadSignals) {
    }

    /**
     * Runs the four detectors on the counts, weeks before {@code firstKnown} being unknown (NA) rather than zero.
     * The verdict concerns the last week.
     */
    static Verdict judge(double[] series) {
        Map<String, List<Signal>> results = new LinkedHashMap<>();
        results.put("FARRINGTON", FarringtonFlexible.detect(series, FarringtonFlexible.Control.defaults()));
        results.put("C1", EarsC.detect(series, EarsC.Control.of(EarsC.Method.C1)));
        results.put("C2", EarsC.detect(series, EarsC.Control.of(EarsC.Method.C2)));
        results.put("C3", EarsC.detect(series, EarsC.Control.of(EarsC.Method.C3)));
        List<String> alarmed = new ArrayList<>();
        for (Map.Entry<String, List<Signal>> e : results.entrySet()) {
            List<Signal> s = e.getValue();
            if (!s.isEmpty() && s.get(s.size() - 1).week() == series.length && s.get(s.size() - 1).alarmed()) {
                alarmed.add(e.getKey());
            }
        }
        String lead = alarmed.isEmpty() ? null : alarmed.get(0);
        return new Verdict(alarmed, lead, lead == null ? List.of() : results.get(lead));
    }

    /**
     * Runs the detectors over every series for every city the organisation reports from, for the week of
     * {@code day}, and raises an alert for each alarm not raised before. Returns the alerts raised.
     */
    public List<Long> detect(long organisationId, LocalDate day) {
        LocalDate week = weekOf(day);
        LocalDate first = week.minusWeeks(HISTORY_WEEKS - 1);
        Optional<LocalDate> firstReport = store.firstReport(organisationId);
        List<String> reportCities = store.cities(organisationId);
        List<Long> raised = new ArrayList<>();
        for (WeeklyCounts series : series()) {
            Optional<LocalDate> firstKnown = series.firstDay(organisationId).or(() -> firstReport);
            if (firstKnown.isEmpty()) {
                continue;
            }
            int known = (int) Math.max(0, ChronoUnit.WEEKS.between(first, weekOf(firstKnown.get())));
            Set<String> cities = new TreeSet<>(reportCities);
            cities.addAll(series.cities(organisationId));
            for (String city : cities) {
                int[] counts = series.counts(organisationId, city, first, HISTORY_WEEKS);
                double[] values = new double[HISTORY_WEEKS];
                for (int i = 0; i < HISTORY_WEEKS; i++) {
                    values[i] = i < known ? Double.NaN : counts[i];
                }
                Verdict verdict = judge(values);
                if (verdict.alarmed().isEmpty()) {
                    continue;
                }
                Signal last = verdict.leadSignals().get(verdict.leadSignals().size() - 1);
                Adulterant adulterant = DrugReportSeries.adulterantOf(series.name());
                List<Long> reports = adulterant != null || series.name().equals(DrugReportSeries.NEW_SUBSTANCES)
                        ? store.reportIds(organisationId, city, week, week.plusDays(6), adulterant) : List.of();
                EarlyWarningStore.NewAlert alert = new EarlyWarningStore.NewAlert(organisationId, series.name(), city,
                        week, (int) last.observed(), last.upperbound(), String.join(",", verdict.alarmed()),
                        Severity.of(verdict.alarmed().size()).name(), evidence(verdict, first));
                Optional<Map.Entry<Long, AlertStatus>> earlier = store.alertOf(organisationId, series.name(), city, week);
                if (earlier.isEmpty()) {
                    raised.add(store.insertAlert(alert, reports, clock.instant()));
                } else if (earlier.get().getValue() != AlertStatus.CLOSED) {
                    store.refreshAlert(earlier.get().getKey(), alert, reports);
                }
            }
        }
        return raised;
    }

    /** "detector;week:count:bound|week:count:bound..." for the last weeks; a missing bound is empty. */
    private static String evidence(Verdict verdict, LocalDate first) {
        List<Signal> signals = verdict.leadSignals();
        int from = Math.max(0, signals.size() - EVIDENCE_WEEKS);
        StringBuilder sb = new StringBuilder(verdict.lead()).append(';');
        for (int i = from; i < signals.size(); i++) {
            Signal s = signals.get(i);
            if (i > from) {
                sb.append('|');
            }
            sb.append(first.plusWeeks(s.week() - 1)).append(':')
                    .append(Double.isNaN(s.observed()) ? "" : String.valueOf((int) s.observed())).append(':')
                    .append(Double.isNaN(s.upperbound()) ? "" : String.valueOf(s.upperbound()));
        }
        return sb.toString();
    }

    static Alert.Evidence parseEvidence(String text) {
        int semi = text.indexOf(';');
        List<String> weeks = new ArrayList<>();
        List<Integer> observed = new ArrayList<>();
        List<Double> threshold = new ArrayList<>();
        for (String cell : text.substring(semi + 1).split("\\|")) {
            String[] parts = cell.split(":", -1);
            weeks.add(parts[0]);
            observed.add(parts[1].isEmpty() ? null : Integer.valueOf(parts[1]));
            threshold.add(parts[2].isEmpty() ? null : Math.round(Double.parseDouble(parts[2]) * 100) / 100.0);
        }
        return new Alert.Evidence(text.substring(0, semi), weeks, observed, threshold);
    }

    // alerts

    @Transactional
    public List<Alert> alerts(ReachUser actor, boolean openOnly) {
        long organisationId = EarlyWarningAccess.require(mayRead(actor), actor, "read alerts");
        return store.alerts(organisationId, openOnly, LIST_LIMIT).stream().map(EarlyWarning::alert).toList();
    }

    @Transactional
    public Alert alert(ReachUser actor, long id) {
        long organisationId = EarlyWarningAccess.require(mayRead(actor), actor, "read alert");
        return store.alert(id).filter(a -> a.organisationId() == organisationId).map(EarlyWarning::alert)
                .orElseThrow(() -> new NotFound("alert", id));
    }

    /** The reports behind an alert: what was sold, found and cut into it, where and when; no person. */
    @Transactional
    public List<DrugReport> alertReports(ReachUser actor, long id) {
        alert(actor, id);
        return store.reportsOfAlert(id);
    }

    /** Open alerts of the organisations a manager acts for, for the start page. */
    @Transactional
    public List<Alert> unacknowledged(ReachUser actor) {
        if (!mayManage(actor)) {
            return List.of();
        }
        return store.alerts(actor.organisationId(), true, LIST_LIMIT).stream()
                .filter(a -> a.status() == AlertStatus.OPEN).map(EarlyWarning::alert).toList();
    }

    public Alert acknowledge(ReachUser actor, long id, String note) {
        Alert alert = managed(actor, id, "acknowledge alert");
        String clean = note(note, false);
        if (alert.status() != AlertStatus.OPEN) {
            throw org.reach.platform.InvalidInput.of("note", "earlywarning.error.notOpen");
        }
        store.acknowledge(id, actor.id(), clean, clock.instant());
        audit.recordWrite(actor, alert.organisationId(), AuditAction.UPDATE, "drug_alert", id, "acknowledged");
        return alert(actor, id);
    }

    public Alert close(ReachUser actor, long id, String note) {
        Alert alert = managed(actor, id, "close alert");
        String clean = note(note, true);
        if (alert.status() == AlertStatus.CLOSED) {
            throw org.reach.platform.InvalidInput.of("note", "earlywarning.error.closed");
        }
        store.close(id, actor.id(), clean, clock.instant());
        audit.recordWrite(actor, alert.organisationId(), AuditAction.UPDATE, "drug_alert", id, "closed");
        return alert(actor, id);
    }

    private Alert managed(ReachUser actor, long id, String action) {
        EarlyWarningAccess.require(mayManage(actor), actor, action);
        return alert(actor, id);
    }

    private static String note(String note, boolean required) {
        String clean = note == null ? "" : note.strip();
        Problems p = new Problems();
        p.check(!required || !clean.isEmpty(), "note", "error.required");
        p.check(clean.length() <= 500, "note", "error.tooLong", 500);
        p.throwIfAny();
        return clean.isEmpty() ? null : clean;
    }

    private static Alert alert(EarlyWarningStore.AlertRow r) {
        return new Alert(r.id(), r.organisationId(), r.series(), r.city(), r.weekStart(), r.observed(), r.threshold(),
                Arrays.asList(r.detectors().split(",")), Severity.valueOf(r.severity()), r.status(),
                parseEvidence(r.evidence()), r.raisedAt(), r.acknowledgedAt(), r.acknowledgeNote(), r.closedAt(),
                r.closeNote());
    }

    // contingency plans

    @Transactional
    public List<ContingencyPlan> plans(ReachUser actor) {
        long organisationId = EarlyWarningAccess.require(mayRead(actor), actor, "read plans");
        return store.plans(organisationId);
    }

    @Transactional
    public Optional<ContingencyPlan> plan(ReachUser actor, String series) {
        long organisationId = EarlyWarningAccess.require(mayRead(actor), actor, "read plan");
        return store.plan(organisationId, series);
    }

    /** Writes (or rewrites) the organisation's plan for a kind of alert. */
    public ContingencyPlan savePlan(ReachUser actor, PlanForm form) {
        long organisationId = EarlyWarningAccess.require(mayManage(actor), actor, "write plan");
        Problems p = new Problems();
        p.check(form.series() != null && series(form.series()).isPresent(), "series", "earlywarning.error.series");
        String title = form.title() == null ? "" : form.title().strip();
        p.check(!title.isEmpty(), "title", "error.required");
        p.check(title.length() <= 120, "title", "error.tooLong", 120);
        p.check(!form.items().isEmpty(), "items", "earlywarning.error.noItems");
        p.check(form.items().size() <= 30, "items", "earlywarning.error.tooManyItems", 30);
        List<ContingencyPlan.Item> items = new ArrayList<>();
        for (ContingencyPlan.Item item : form.items()) {
            String what = item == null || item.what() == null ? "" : item.what().strip();
            String who = item == null || item.who() == null ? "" : item.who().strip();
            int days = item == null ? -1 : item.dueDays();
            p.check(!what.isEmpty() && what.length() <= 200, "items", "earlywarning.error.item");
            p.check(!who.isEmpty() && who.length() <= 100, "items", "earlywarning.error.item");
            p.check(days >= 0 && days <= 90, "items", "earlywarning.error.itemDays");
            items.add(new ContingencyPlan.Item(what, who, days));
        }
        p.throwIfAny();
        long id = store.savePlan(organisationId, form.series(), title, items, clock.instant());
        audit.recordWrite(actor, organisationId, AuditAction.UPDATE, "drug_alert_plan", id, form.series());
        return store.plan(organisationId, form.series()).orElseThrow();
    }

    /** The checklist started for an alert, empty until started. */
    @Transactional
    public List<PlanStep> steps(ReachUser actor, long alertId) {
        alert(actor, alertId);
        return store.steps(alertId);
    }

    /** Starts the organisation's plan for the alert's kind: its items become steps due from today. */
    public List<PlanStep> startPlan(ReachUser actor, long alertId) {
        Alert alert = managed(actor, alertId, "start plan");
        ContingencyPlan plan = store.plan(alert.organisationId(), alert.series()).orElseThrow(
                () -> org.reach.platform.InvalidInput.of("plan", "earlywarning.error.noPlan"));
        if (!store.steps(alertId).isEmpty()) {
            throw org.reach.platform.InvalidInput.of("plan", "earlywarning.error.planStarted");
        }
        LocalDate today = today();
        int position = 0;
        for (ContingencyPlan.Item item : plan.items()) {
            store.addStep(alertId, position++, item.what(), item.who(), today.plusDays(item.dueDays()));
        }
        audit.recordWrite(actor, alert.organisationId(), AuditAction.UPDATE, "drug_alert", alertId, "plan started");
        return store.steps(alertId);
    }

    public List<PlanStep> markDone(ReachUser actor, long alertId, long stepId) {
        Alert alert = managed(actor, alertId, "tick plan step");
        if (store.markDone(alertId, stepId, actor.id(), clock.instant()) == 0
                && store.steps(alertId).stream().noneMatch(s -> s.id() == stepId)) {
            throw new NotFound("plan step", stepId);
        }
        audit.recordWrite(actor, alert.organisationId(), AuditAction.UPDATE, "drug_alert", alertId,
                "step " + stepId + " done");
        return store.steps(alertId);
    }

    /** Cities of the organisation with reports, sorted. */
    @Transactional
    public List<String> cities(ReachUser actor) {
        long organisationId = EarlyWarningAccess.require(mayRead(actor), actor, "read cities");
        return new ArrayList<>(new TreeSet<>(store.cities(organisationId)));
    }

    /** Audits a flyer printed for an alert. */
    public void recordFlyer(ReachUser actor, Alert alert, Locale locale) {
        audit.recordExport(actor, alert.organisationId(), "drug_alert", alert.id(), "warning flyer, " + locale);
    }

    /** A manager's "run now": the detectors over the organisation's series for this week. */
    public List<Long> detectNow(ReachUser actor) {
        long organisationId = EarlyWarningAccess.require(mayManage(actor), actor, "run detectors");
        return detect(organisationId, today());
    }
}
