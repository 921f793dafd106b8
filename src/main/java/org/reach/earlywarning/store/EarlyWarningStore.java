package org.reach.earlywarning.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.reach.earlywarning.Adulterant;
import org.reach.earlywarning.AlertStatus;
import org.reach.earlywarning.ContingencyPlan;
import org.reach.earlywarning.DrugForm;
import org.reach.earlywarning.DrugReport;
import org.reach.earlywarning.DrugRoute;
import org.reach.earlywarning.PlanStep;
import org.reach.earlywarning.ReportSource;
import org.reach.earlywarning.Substance;
import org.reach.earlywarning.UnusualEffect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The early warning's own tables, and nothing else. */
@Repository
public class EarlyWarningStore {

    private static final String REPORT = """
            SELECT r.id, r.uuid, r.organisation_id, r.site_id, r.city, r.hotspot_id, r.reported_on, r.sold_as_id,
                   s.name AS sold_as, r.found_id, f.name AS found, r.form, r.price_per_unit, r.purity, r.route, r.source,
                   r.effect, r.effect_note
              FROM ew_drug_reports r JOIN ew_substances s ON s.id = r.sold_as_id
              LEFT JOIN ew_substances f ON f.id = r.found_id""";

    private final JdbcClient jdbc;

    EarlyWarningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // substances

    public List<Substance> substances() {
        return jdbc.sql("SELECT id, name FROM ew_substances ORDER BY name")
                .query((rs, n) -> new Substance(rs.getLong(1), rs.getString(2))).list();
    }

    public boolean substanceNamed(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM ew_substances WHERE LOWER(name) = LOWER(?)").param(name)
                .query(Integer.class).single() > 0;
    }

    public long addSubstance(String name, long by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO ew_substances (name, added_by, created_at) VALUES (?, ?, ?)")
                .params(name, by, Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    // reports

    public record NewReport(String uuid, long organisationId, long siteId, String city, Long hotspotId,
                            LocalDate reportedOn, long soldAsId, Long foundId, DrugForm form, BigDecimal price,
                            BigDecimal purity, Set<Adulterant> adulterants, DrugRoute route, ReportSource source,
                            UnusualEffect effect, String effectNote, long recordedBy) {
    }

    public long insert(NewReport r, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO ew_drug_reports (uuid, organisation_id, site_id, city, hotspot_id, reported_on,
                               sold_as_id, found_id, form, price_per_unit, purity, route, source, effect, effect_note,
                               recorded_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.uuid(), r.organisationId(), r.siteId(), r.city(), r.hotspotId(), r.reportedOn(),
                        r.soldAsId(), r.foundId(), r.form().name(), r.price(), r.purity(), r.route().name(),
                        r.source().name(), r.effect() == null ? null : r.effect().name(), r.effectNote(),
                        r.recordedBy(), Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (Adulterant a : r.adulterants()) {
            jdbc.sql("INSERT INTO ew_report_adulterants (report_id, adulterant) VALUES (?, ?)").params(id, a.name())
                    .update();
        }
        return id;
    }

    public Optional<DrugReport> report(long id) {
        return reports(" WHERE r.id = ?", List.of(id)).stream().findFirst();
    }

    public Optional<DrugReport> reportByUuid(long organisationId, String uuid) {
        return reports(" WHERE r.organisation_id = ? AND r.uuid = ?", List.of(organisationId, uuid)).stream()
                .findFirst();
    }

    /** An organisation's reports in a period (sites null: every site), newest first, at most {@code limit}. */
    public List<DrugReport> reports(long organisationId, Set<Long> sites, LocalDate from, LocalDate to, int limit) {
        StringBuilder where = new StringBuilder(" WHERE r.organisation_id = ? AND r.reported_on BETWEEN ? AND ?");
        List<Object> params = new ArrayList<>(List.of(organisationId, from, to));
        if (sites != null) {
            if (sites.isEmpty()) {
                return List.of();
            }
            where.append(" AND r.site_id IN (").append(String.join(",", sites.stream().map(s -> "?").toList()))
                    .append(")");
            params.addAll(sites);
        }
        where.append(" ORDER BY r.reported_on DESC, r.id DESC LIMIT ").append(limit);
        return reports(where.toString(), params);
    }

    public List<DrugReport> reportsOfAlert(long alertId) {
        return reports(" WHERE r.id IN (SELECT report_id FROM ew_alert_reports WHERE alert_id = ?)"
                + " ORDER BY r.reported_on, r.id", List.of(alertId));
    }

    private List<DrugReport> reports(String where, List<Object> params) {
        List<DrugReport> rows = jdbc.sql(REPORT + where).params(params).query(EarlyWarningStore::mapReport).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Set<Adulterant>> cut = new HashMap<>();
        List<Long> ids = rows.stream().map(DrugReport::id).toList();
        jdbc.sql("SELECT report_id, adulterant FROM ew_report_adulterants WHERE report_id IN ("
                        + String.join(",", ids.stream().map(i -> "?").toList()) + ")")
                .params(new ArrayList<>(ids))
                .query((rs, n) -> cut.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Adulterant.class))
                        .add(Adulterant.valueOf(rs.getString(2)))).list();
        return rows.stream().map(r -> new DrugReport(r.id(), r.uuid(), r.organisationId(), r.siteId(), r.city(),
                r.hotspotId(), r.reportedOn(), r.soldAsId(), r.soldAs(), r.foundId(), r.found(), r.form(),
                r.pricePerUnit(), r.purity(), cut.getOrDefault(r.id(), Set.of()), r.route(), r.source(), r.effect(),
                r.effectNote())).toList();
    }

    private static DrugReport mapReport(ResultSet rs, int n) throws SQLException {
        String effect = rs.getString("effect");
        return new DrugReport(rs.getLong("id"), rs.getString("uuid"), rs.getLong("organisation_id"),
                rs.getLong("site_id"), rs.getString("city"), rs.getObject("hotspot_id", Long.class),
                rs.getObject("reported_on", LocalDate.class), rs.getLong("sold_as_id"), rs.getString("sold_as"),
                rs.getObject("found_id", Long.class), rs.getString("found"), DrugForm.valueOf(rs.getString("form")),
                rs.getBigDecimal("price_per_unit"), rs.getBigDecimal("purity"), Set.of(),
                DrugRoute.valueOf(rs.getString("route")), ReportSource.valueOf(rs.getString("source")),
                effect == null ? null : UnusualEffect.valueOf(effect), rs.getString("effect_note"));
    }

    /** Reports per day with an adulterant, of an organisation (and a city unless null), in a period. */
    public Map<LocalDate, Integer> dailyWithAdulterant(long organisationId, String city, Adulterant adulterant,
                                                      LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> days = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT r.reported_on, COUNT(*) FROM ew_drug_reports r
                          JOIN ew_report_adulterants a ON a.report_id = r.id AND a.adulterant = :adulterant
                         WHERE r.organisation_id = :org AND r.reported_on BETWEEN :from AND :to
                           AND (CAST(:city AS VARCHAR(100)) IS NULL OR r.city = :city)
                         GROUP BY r.reported_on""")
                .param("adulterant", adulterant.name()).param("org", organisationId).param("from", from)
                .param("to", to).param("city", city)
                .query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), rs.getInt(2))).list();
        return days;
    }

    /** Report days with their substance (found where known, else as sold), of an organisation up to a day. */
    public record SubstanceDay(LocalDate day, long substanceId, BigDecimal price, long soldAsId) {
    }

    public List<SubstanceDay> substanceDays(long organisationId, String city, LocalDate to) {
        return jdbc.sql("""
                        SELECT reported_on, COALESCE(found_id, sold_as_id), price_per_unit, sold_as_id
                          FROM ew_drug_reports
                         WHERE organisation_id = :org AND reported_on <= :to
                           AND (CAST(:city AS VARCHAR(100)) IS NULL OR city = :city)
                         ORDER BY reported_on, id""")
                .param("org", organisationId).param("to", to).param("city", city)
                .query((rs, n) -> new SubstanceDay(rs.getObject(1, LocalDate.class), rs.getLong(2),
                        rs.getBigDecimal(3), rs.getLong(4))).list();
    }

    /** A priced report: the substance as sold, the day and the price per unit. */
    public record Price(long soldAsId, LocalDate day, BigDecimal price) {
    }

    /** Every priced report of these organisations from {@code from} to {@code to}, both included. */
    public List<Price> prices(java.util.Collection<Long> organisationIds, LocalDate from, LocalDate to) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT sold_as_id, reported_on, price_per_unit FROM ew_drug_reports
                         WHERE organisation_id IN (:orgs) AND reported_on BETWEEN :from AND :to
                           AND price_per_unit IS NOT NULL""")
                .param("orgs", organisationIds).param("from", from).param("to", to)
                .query((rs, n) -> new Price(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)))
                .list();
    }

    /** Ids of an organisation's reports in a city and period with an adulterant (null: any report). */
    public List<Long> reportIds(long organisationId, String city, LocalDate from, LocalDate to, Adulterant adulterant) {
        return jdbc.sql("""
                        SELECT r.id FROM ew_drug_reports r
                         WHERE r.organisation_id = :org AND r.city = :city AND r.reported_on BETWEEN :from AND :to
                           AND (CAST(:adulterant AS VARCHAR(30)) IS NULL OR EXISTS (SELECT 1 FROM ew_report_adulterants a
                                WHERE a.report_id = r.id AND a.adulterant = :adulterant))
                         ORDER BY r.id""")
                .param("org", organisationId).param("city", city).param("from", from).param("to", to)
                .param("adulterant", adulterant == null ? null : adulterant.name()).query(Long.class).list();
    }

    /** Per site: all reports and those with fentanyl or nitazenes, for the indicators. */
    public record SiteCounts(long organisationId, long siteId, long reports, long syntheticOpioids) {
    }

    public List<SiteCounts> siteCounts(List<Long> organisationIds, Long siteId, LocalDate from, LocalDate to) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                SELECT r.organisation_id, r.site_id, COUNT(*),
                       SUM(CASE WHEN EXISTS (SELECT 1 FROM ew_report_adulterants a WHERE a.report_id = r.id
                                AND a.adulterant IN ('FENTANYL', 'NITAZENES')) THEN 1 ELSE 0 END)
                  FROM ew_drug_reports r WHERE r.reported_on BETWEEN ? AND ? AND r.organisation_id IN (""");
        sql.append(String.join(",", organisationIds.stream().map(i -> "?").toList())).append(")");
        List<Object> params = new ArrayList<>(List.of(from, to));
        params.addAll(organisationIds);
        if (siteId != null) {
            sql.append(" AND r.site_id = ?");
            params.add(siteId);
        }
        sql.append(" GROUP BY r.organisation_id, r.site_id");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new SiteCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }

    public Optional<LocalDate> firstReport(long organisationId) {
        // MIN over no rows is one row holding NULL: an organisation without reports has no first report
        return jdbc.sql("SELECT MIN(reported_on) FROM ew_drug_reports WHERE organisation_id = ?")
                .param(organisationId).query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)))
                .single();
    }

    public List<String> cities(long organisationId) {
        return jdbc.sql("""
                        SELECT DISTINCT city FROM ew_drug_reports WHERE organisation_id = ? AND city IS NOT NULL
                         ORDER BY city""").param(organisationId).query(String.class).list();
    }

    public List<Long> organisationsWithReports() {
        return jdbc.sql("SELECT DISTINCT organisation_id FROM ew_drug_reports ORDER BY organisation_id")
                .query(Long.class).list();
    }

    // alerts

    public record NewAlert(long organisationId, String series, String city, LocalDate weekStart, int observed,
                           double threshold, String detectors, String severity, String evidence) {
    }

    /** The alert already raised for a series, city and week, with its status. */
    public Optional<Map.Entry<Long, AlertStatus>> alertOf(long organisationId, String series, String city,
                                                          LocalDate weekStart) {
        return jdbc.sql("""
                        SELECT id, status FROM ew_alerts WHERE organisation_id = ? AND series = ? AND city = ?
                           AND week_start = ?""").params(organisationId, series, city, weekStart)
                .query((rs, n) -> Map.entry(rs.getLong(1), AlertStatus.valueOf(rs.getString(2)))).optional();
    }

    /** New reports in the week of a raised alert: its figures and evidence follow, and the reports join it. */
    public void refreshAlert(long id, NewAlert a, List<Long> reportIds) {
        jdbc.sql("""
                        UPDATE ew_alerts SET observed = ?, threshold = ?, detectors = ?, severity = ?, evidence = ?
                         WHERE id = ?""")
                .params(a.observed(), a.threshold(), a.detectors(), a.severity(), a.evidence(), id).update();
        Set<Long> linked = new java.util.HashSet<>(jdbc.sql("SELECT report_id FROM ew_alert_reports WHERE alert_id = ?")
                .param(id).query(Long.class).list());
        for (Long report : reportIds) {
            if (!linked.contains(report)) {
                jdbc.sql("INSERT INTO ew_alert_reports (alert_id, report_id) VALUES (?, ?)").params(id, report)
                        .update();
            }
        }
    }

    public long insertAlert(NewAlert a, List<Long> reportIds, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO ew_alerts (organisation_id, series, city, week_start, observed, threshold, detectors,
                               severity, status, evidence, raised_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(a.organisationId(), a.series(), a.city(), a.weekStart(), a.observed(), a.threshold(),
                        a.detectors(), a.severity(), a.evidence(), Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (Long report : reportIds) {
            jdbc.sql("INSERT INTO ew_alert_reports (alert_id, report_id) VALUES (?, ?)").params(id, report).update();
        }
        return id;
    }

    public record AlertRow(long id, long organisationId, String series, String city, LocalDate weekStart, int observed,
                           double threshold, String detectors, String severity, AlertStatus status, String evidence,
                           Instant raisedAt, Instant acknowledgedAt, String acknowledgeNote, Instant closedAt,
                           String closeNote) {
    }

    private static final String ALERT = """
            SELECT id, organisation_id, series, city, week_start, observed, threshold, detectors, severity, status,
                   evidence, raised_at, acknowledged_at, acknowledge_note, closed_at, close_note FROM ew_alerts""";

    public Optional<AlertRow> alert(long id) {
        return jdbc.sql(ALERT + " WHERE id = ?").param(id).query(EarlyWarningStore::mapAlert).optional();
    }

    public List<AlertRow> alerts(long organisationId, boolean openOnly, int limit) {
        return jdbc.sql(ALERT + " WHERE organisation_id = ?" + (openOnly ? " AND status <> 'CLOSED'" : "")
                        + " ORDER BY raised_at DESC, id DESC LIMIT " + limit)
                .param(organisationId).query(EarlyWarningStore::mapAlert).list();
    }

    public void acknowledge(long id, long by, String note, Instant now) {
        jdbc.sql("""
                        UPDATE ew_alerts SET status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?,
                               acknowledge_note = ? WHERE id = ?""")
                .params(by, Timestamp.from(now), note, id).update();
    }

    public void close(long id, long by, String note, Instant now) {
        jdbc.sql("UPDATE ew_alerts SET status = 'CLOSED', closed_by = ?, closed_at = ?, close_note = ? WHERE id = ?")
                .params(by, Timestamp.from(now), note, id).update();
    }

    private static AlertRow mapAlert(ResultSet rs, int n) throws SQLException {
        Timestamp ack = rs.getTimestamp("acknowledged_at");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new AlertRow(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("series"),
                rs.getString("city"), rs.getObject("week_start", LocalDate.class), rs.getInt("observed"),
                rs.getDouble("threshold"), rs.getString("detectors"), rs.getString("severity"),
                AlertStatus.valueOf(rs.getString("status")), rs.getString("evidence"),
                rs.getTimestamp("raised_at").toInstant(), ack == null ? null : ack.toInstant(),
                rs.getString("acknowledge_note"), closed == null ? null : closed.toInstant(), rs.getString("close_note"));
    }

    // plans

    public Optional<ContingencyPlan> plan(long organisationId, String series) {
        return jdbc.sql("SELECT id, title FROM ew_plans WHERE organisation_id = ? AND series = ?")
                .params(organisationId, series)
                .query((rs, n) -> new ContingencyPlan(rs.getLong(1), organisationId, series, rs.getString(2),
                        items(rs.getLong(1)))).optional();
    }

    public List<ContingencyPlan> plans(long organisationId) {
        return jdbc.sql("SELECT id, series, title FROM ew_plans WHERE organisation_id = ? ORDER BY series")
                .param(organisationId)
                .query((rs, n) -> new ContingencyPlan(rs.getLong(1), organisationId, rs.getString(2), rs.getString(3),
                        List.of())).list().stream()
                .map(p -> new ContingencyPlan(p.id(), organisationId, p.series(), p.title(), items(p.id()))).toList();
    }

    private List<ContingencyPlan.Item> items(long planId) {
        return jdbc.sql("SELECT what, who, due_days FROM ew_plan_items WHERE plan_id = ? ORDER BY position")
                .param(planId)
                .query((rs, n) -> new ContingencyPlan.Item(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }

    /** Replaces the organisation's plan for a series. */
    public long savePlan(long organisationId, String series, String title, List<ContingencyPlan.Item> items,
                         Instant now) {
        Optional<ContingencyPlan> existing = plan(organisationId, series);
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            jdbc.sql("UPDATE ew_plans SET title = ? WHERE id = ?").params(title, id).update();
            jdbc.sql("DELETE FROM ew_plan_items WHERE plan_id = ?").param(id).update();
        } else {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO ew_plans (organisation_id, series, title, created_at) VALUES (?, ?, ?, ?)")
                    .params(organisationId, series, title, Timestamp.from(now)).update(keys, "id");
            id = keys.getKey().longValue();
        }
        int position = 0;
        for (ContingencyPlan.Item item : items) {
            jdbc.sql("INSERT INTO ew_plan_items (plan_id, position, what, who, due_days) VALUES (?, ?, ?, ?, ?)")
                    .params(id, position++, item.what(), item.who(), item.dueDays()).update();
        }
        return id;
    }

    public List<PlanStep> steps(long alertId) {
        return jdbc.sql("""
                        SELECT id, alert_id, position, what, who, due_on, done_at FROM ew_plan_steps
                         WHERE alert_id = ? ORDER BY position""").param(alertId)
                .query((rs, n) -> {
                    Timestamp done = rs.getTimestamp("done_at");
                    return new PlanStep(rs.getLong("id"), rs.getLong("alert_id"), rs.getInt("position"),
                            rs.getString("what"), rs.getString("who"), rs.getObject("due_on", LocalDate.class),
                            done == null ? null : done.toInstant());
                }).list();
    }

    public void addStep(long alertId, int position, String what, String who, LocalDate dueOn) {
        jdbc.sql("INSERT INTO ew_plan_steps (alert_id, position, what, who, due_on) VALUES (?, ?, ?, ?, ?)")
                .params(alertId, position, what, who, dueOn).update();
    }

    public int markDone(long alertId, long stepId, long by, Instant now) {
        return jdbc.sql("""
                        UPDATE ew_plan_steps SET done_by = ?, done_at = ? WHERE id = ? AND alert_id = ?
                           AND done_at IS NULL""").params(by, Timestamp.from(now), stepId, alertId).update();
    }
}
