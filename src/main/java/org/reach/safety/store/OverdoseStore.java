package org.reach.safety.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.reach.clients.Gender;
import org.reach.platform.GpsAccuracy;
import org.reach.safety.AgeBand;
import org.reach.safety.FollowUpResult;
import org.reach.safety.NaloxoneGiver;
import org.reach.safety.Outcome;
import org.reach.safety.OverdoseReport;
import org.reach.safety.Response;
import org.reach.safety.Sign;
import org.reach.safety.Substance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The overdose reports table; only the safety capability reads and writes it. */
@Repository
public class OverdoseStore {

    private static final String SELECT = """
            SELECT id, uuid, organisation_id, occurred_at, site_id, hotspot, latitude, longitude, gps_accuracy_m,
                   client_id, sex, age_band, substances, signs, naloxone_doses, naloxone_givers, naloxone_from_kit,
                   kit_holder_client_id, responses, outcome, notes, reported_by, follow_up_on, follow_up_result, created_at
            FROM overdose_reports""";

    private final JdbcClient jdbc;

    private final GpsAccuracy gps;

    OverdoseStore(JdbcClient jdbc, GpsAccuracy gps) {
        this.jdbc = jdbc;
        this.gps = gps;
    }

    /** A report ready to insert, checked and with the fingerprint of its content. */
    public record NewReport(String uuid, long organisationId, LocalDateTime occurredAt, Long siteId, String hotspot,
                            Double latitude, Double longitude, Double gpsAccuracy, Long clientId, Gender sex,
                            AgeBand ageBand, Set<Substance> substances, Set<Sign> signs, int naloxoneDoses,
                            Set<NaloxoneGiver> givers, boolean fromKit, Long kitHolderClientId, Set<Response> responses,
                            Outcome outcome, String notes, String fingerprint) {
    }

    /** Who may see which reports: everything of the organisation, or the reports of some sites and one's own. */
    public record Visibility(long organisationId, Collection<Long> siteIds, Long reporterId) {

        public static Visibility all(long organisationId) {
            return new Visibility(organisationId, null, null);
        }

        boolean restricted() {
            return reporterId != null;
        }
    }

    public long insert(NewReport r, long reporterId, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        Map<String, Object> p = new HashMap<>();
        p.put("uuid", r.uuid());
        p.put("org", r.organisationId());
        p.put("at", Timestamp.valueOf(r.occurredAt()));
        p.put("site", r.siteId());
        p.put("hotspot", r.hotspot());
        p.put("lat", r.latitude());
        p.put("lon", r.longitude());
        p.put("acc", r.gpsAccuracy());
        p.put("client", r.clientId());
        p.put("sex", r.sex() == null ? null : r.sex().name());
        p.put("age", r.ageBand() == null ? null : r.ageBand().name());
        p.put("substances", join(r.substances()));
        p.put("signs", join(r.signs()));
        p.put("doses", r.naloxoneDoses());
        p.put("givers", join(r.givers()));
        p.put("kit", r.fromKit());
        p.put("holder", r.kitHolderClientId());
        p.put("responses", join(r.responses()));
        p.put("outcome", r.outcome().name());
        p.put("notes", r.notes());
        p.put("by", reporterId);
        p.put("fp", r.fingerprint());
        p.put("now", Timestamp.from(now));
        jdbc.sql("""
                INSERT INTO overdose_reports (uuid, organisation_id, occurred_at, site_id, hotspot, latitude, longitude,
                    gps_accuracy_m, client_id, sex, age_band, substances, signs, naloxone_doses, naloxone_givers,
                    naloxone_from_kit, kit_holder_client_id, responses, outcome, notes, reported_by, fingerprint,
                    created_at, updated_at)
                VALUES (:uuid, :org, :at, :site, :hotspot, :lat, :lon, :acc, :client, :sex, :age, :substances, :signs,
                    :doses, :givers, :kit, :holder, :responses, :outcome, :notes, :by, :fp, :now, :now)""")
                .params(p).update(keys, "id");
        return keys.getKey().longValue();
    }

    public record Known(long id, String fingerprint) {
    }

    /** The organisation's report with this uuid: another organisation's uuids are never looked at. */
    public Optional<Known> known(long organisationId, String uuid) {
        return jdbc.sql("SELECT id, fingerprint FROM overdose_reports WHERE organisation_id = ? AND uuid = ?")
                .params(organisationId, uuid).query((rs, row) -> new Known(rs.getLong(1), rs.getString(2))).optional();
    }

    public Optional<OverdoseReport> byId(long organisationId, long id) {
        return jdbc.sql(SELECT + " WHERE id = ? AND organisation_id = ?").params(id, organisationId)
                .query(this::report).optional();
    }

    /** A page of the visible reports, newest first, optionally since a moment. */
    public List<OverdoseReport> page(Visibility v, LocalDateTime since, long offset, int size) {
        Map<String, Object> p = params(v, since);
        p.put("offset", offset);
        p.put("size", size);
        return jdbc.sql(SELECT + where(v, since) + " ORDER BY occurred_at DESC, id DESC LIMIT :size OFFSET :offset")
                .params(p).query(this::report).list();
    }

    public long count(Visibility v, LocalDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM overdose_reports" + where(v, since)).params(params(v, since))
                .query(Long.class).single();
    }

    /** Visible reports of people who lived and were not yet contacted, oldest first. */
    public List<OverdoseReport> awaitingFollowUp(Visibility v, int limit) {
        Map<String, Object> p = params(v, null);
        p.put("limit", limit);
        return jdbc.sql(SELECT + where(v, null) + " AND follow_up_on IS NULL AND outcome <> 'DIED'"
                        + " ORDER BY occurred_at, id LIMIT :limit").params(p).query(this::report).list();
    }

    /** How many visible reports since a moment (null: ever) await follow-up. */
    public long countAwaitingFollowUp(Visibility v, LocalDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM overdose_reports" + where(v, since)
                        + " AND follow_up_on IS NULL AND outcome <> 'DIED'").params(params(v, since))
                .query(Long.class).single();
    }

    /** Every report of the organisation since a moment, for the cluster rule (all sites: a cluster is everyone's). */
    public List<OverdoseReport> since(long organisationId, LocalDateTime since) {
        return jdbc.sql(SELECT + " WHERE organisation_id = ? AND occurred_at >= ? ORDER BY occurred_at, id")
                .params(organisationId, Timestamp.valueOf(since)).query(this::report).list();
    }

    public List<OverdoseReport> ofClient(long organisationId, long clientId) {
        return jdbc.sql(SELECT + " WHERE organisation_id = ? AND (client_id = ? OR kit_holder_client_id = ?)"
                        + " ORDER BY occurred_at DESC, id DESC").params(organisationId, clientId, clientId)
                .query(this::report).list();
    }

    /** Every report of these organisations between two days, inclusive, for counting. */
    public List<OverdoseReport> between(Collection<Long> organisationIds, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " WHERE organisation_id IN (:orgs) AND occurred_at >= :from AND occurred_at < :to")
                .param("orgs", organisationIds).param("from", Timestamp.valueOf(from.atStartOfDay()))
                .param("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay())).query(this::report).list();
    }

    /**
     * Reports per day of one organisation between two days, inclusive; with {@code siteIds} only those at these
     * sites (an empty set counts nothing).
     */
    public Map<LocalDate, Integer> perDay(long organisationId, Collection<Long> siteIds, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> days = new HashMap<>();
        if (siteIds != null && siteIds.isEmpty()) {
            return days;
        }
        String sql = "SELECT CAST(occurred_at AS DATE) AS d, COUNT(*) AS n FROM overdose_reports"
                + " WHERE organisation_id = :org AND occurred_at >= :from AND occurred_at < :to"
                + (siteIds == null ? "" : " AND site_id IN (:sites)") + " GROUP BY CAST(occurred_at AS DATE)";
        var spec = jdbc.sql(sql).param("org", organisationId).param("from", Timestamp.valueOf(from.atStartOfDay()))
                .param("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
        if (siteIds != null) {
            spec = spec.param("sites", siteIds);
        }
        spec.query((rs, n) -> days.put(rs.getObject("d", LocalDate.class), rs.getInt("n"))).list();
        return days;
    }

    /** The day of the organisation's first overdose report, if any. */
    public Optional<LocalDate> firstDay(long organisationId) {
        // MIN over no rows is one row holding NULL
        return jdbc.sql("SELECT MIN(occurred_at) FROM overdose_reports WHERE organisation_id = ?").param(organisationId)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(t -> t.toLocalDateTime().toLocalDate()))
                .single();
    }

    /** Every report of the organisation in which a kit was used, for kit balances. */
    public List<OverdoseReport> kitsUsed(long organisationId) {
        return jdbc.sql(SELECT + " WHERE organisation_id = ? AND naloxone_from_kit = TRUE AND naloxone_doses > 0")
                .params(organisationId).query(this::report).list()
                .stream().filter(OverdoseReport::kitUsed).toList();
    }

    public void setFollowUp(long id, LocalDate on, FollowUpResult result, long by, Instant now) {
        jdbc.sql("UPDATE overdose_reports SET follow_up_on = ?, follow_up_result = ?, follow_up_by = ?, updated_at = ? WHERE id = ?")
                .params(java.sql.Date.valueOf(on), result.name(), by, Timestamp.from(now), id).update();
    }

    private static String where(Visibility v, LocalDateTime since) {
        StringBuilder sql = new StringBuilder(" WHERE organisation_id = :org");
        if (v.restricted()) {
            sql.append(v.siteIds().isEmpty() ? " AND reported_by = :me" : " AND (reported_by = :me OR site_id IN (:sites))");
        }
        if (since != null) {
            sql.append(" AND occurred_at >= :since");
        }
        return sql.toString();
    }

    private static Map<String, Object> params(Visibility v, LocalDateTime since) {
        Map<String, Object> p = new HashMap<>();
        p.put("org", v.organisationId());
        if (v.restricted()) {
            p.put("me", v.reporterId());
            if (!v.siteIds().isEmpty()) {
                p.put("sites", v.siteIds());
            }
        }
        if (since != null) {
            p.put("since", Timestamp.valueOf(since));
        }
        return p;
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> split(String text, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(s -> values.add(Enum.valueOf(type, s)));
        }
        return values;
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private OverdoseReport report(ResultSet rs, int row) throws SQLException {
        String sex = rs.getString("sex");
        String age = rs.getString("age_band");
        java.sql.Date followUp = rs.getDate("follow_up_on");
        String result = rs.getString("follow_up_result");
        return new OverdoseReport(rs.getLong("id"), rs.getString("uuid"), rs.getLong("organisation_id"),
                rs.getTimestamp("occurred_at").toLocalDateTime(), longOrNull(rs, "site_id"), rs.getString("hotspot"),
                doubleOrNull(rs, "latitude"), doubleOrNull(rs, "longitude"), doubleOrNull(rs, "gps_accuracy_m"),
                longOrNull(rs, "client_id"), sex == null ? null : Gender.valueOf(sex),
                age == null ? null : AgeBand.valueOf(age), split(rs.getString("substances"), Substance.class),
                split(rs.getString("signs"), Sign.class), rs.getInt("naloxone_doses"),
                split(rs.getString("naloxone_givers"), NaloxoneGiver.class), rs.getBoolean("naloxone_from_kit"),
                longOrNull(rs, "kit_holder_client_id"), split(rs.getString("responses"), Response.class),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("notes"), rs.getLong("reported_by"),
                followUp == null ? null : followUp.toLocalDate(), result == null ? null : FollowUpResult.valueOf(result),
                rs.getTimestamp("created_at").toInstant(), gps.imprecise(doubleOrNull(rs, "gps_accuracy_m")));
    }
}
