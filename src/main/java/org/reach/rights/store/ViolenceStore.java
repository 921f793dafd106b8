package org.reach.rights.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.reach.clients.Gender;
import org.reach.rights.AgeBand;
import org.reach.rights.CaseOutcome;
import org.reach.rights.HelpKind;
import org.reach.rights.Perpetrator;
import org.reach.rights.ResponseKind;
import org.reach.rights.ViolenceReport;
import org.reach.rights.ViolenceResponse;
import org.reach.rights.ViolenceType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The violence reports and their responses; coded lists are stored as comma-separated codes. */
@Repository
public class ViolenceStore {

    private static final String COLUMNS = "id, organisation_id, occurred_on, site_id, city, hotspot, client_id, gender, "
            + "age_band, types, perpetrators, wants_help, help, description, recorded_by, reported_at, recorded_at, "
            + "first_response_at, closed_at, closed_by, outcome";

    private final JdbcClient jdbc;

    ViolenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A report ready to be written. */
    public record NewReport(long organisationId, String uuid, String fingerprint, LocalDate occurredOn, long siteId,
                            String city, String hotspot, Long clientId, Gender gender, AgeBand ageBand,
                            Set<ViolenceType> types, Set<Perpetrator> perpetrators, boolean wantsHelp, Set<HelpKind> help,
                            String description, long recordedBy, Instant reportedAt) {
    }

    /** What is known of a stored uuid: enough to answer a repeat. */
    public record Known(long id, String fingerprint, Instant reportedAt) {
    }

    /** One report as the indicators count it. */
    public record Counted(long id, long organisationId, LocalDate occurredOn, long siteId, String city, String hotspot,
                          Long clientId, Gender gender, Set<ViolenceType> types, Set<Perpetrator> perpetrators,
                          Instant reportedAt, Instant firstResponseAt) {
    }

    public long insert(NewReport r, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO violence_reports (organisation_id, uuid, fingerprint, occurred_on, site_id, city, hotspot,
                            client_id, gender, age_band, types, perpetrators, wants_help, help, description, recorded_by,
                            reported_at, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.organisationId(), r.uuid(), r.fingerprint(), r.occurredOn(), r.siteId(), r.city(), r.hotspot(),
                        r.clientId(), r.gender() == null ? null : r.gender().name(),
                        r.ageBand() == null ? null : r.ageBand().name(), codes(r.types()), codes(r.perpetrators()),
                        r.wantsHelp(), codes(r.help()), r.description(), r.recordedBy(), Timestamp.from(r.reportedAt()),
                        Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Known> known(long organisationId, String uuid) {
        return jdbc.sql("SELECT id, fingerprint, reported_at FROM violence_reports WHERE organisation_id = ? AND uuid = ?")
                .params(organisationId, uuid)
                .query((rs, i) -> new Known(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant())).optional();
    }

    public Optional<ViolenceReport> byId(long organisationId, long id) {
        List<ViolenceReport> found = jdbc.sql("SELECT " + COLUMNS + " FROM violence_reports WHERE id = ? AND organisation_id = ?")
                .params(id, organisationId).query(this::report).list();
        return withResponses(found).stream().findFirst();
    }

    public List<ViolenceReport> page(long organisationId, boolean openOnly, long offset, int limit) {
        List<ViolenceReport> found = jdbc.sql("SELECT " + COLUMNS + " FROM violence_reports WHERE organisation_id = ?"
                        + (openOnly ? " AND closed_at IS NULL" : "") + " ORDER BY reported_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(organisationId, limit, offset).query(this::report).list();
        return withResponses(found);
    }

    public long count(long organisationId, boolean openOnly) {
        return jdbc.sql("SELECT COUNT(*) FROM violence_reports WHERE organisation_id = ?"
                        + (openOnly ? " AND closed_at IS NULL" : ""))
                .param(organisationId).query(Long.class).single();
    }

    /** Open reports without a response, by whether their clock ran out before {@code dueBefore}. */
    public long[] waiting(long organisationId, Instant reportedBefore) {
        long overdue = jdbc.sql("""
                        SELECT COUNT(*) FROM violence_reports WHERE organisation_id = ? AND first_response_at IS NULL
                          AND closed_at IS NULL AND reported_at < ?""")
                .params(organisationId, Timestamp.from(reportedBefore)).query(Long.class).single();
        long all = jdbc.sql("""
                        SELECT COUNT(*) FROM violence_reports WHERE organisation_id = ? AND first_response_at IS NULL
                          AND closed_at IS NULL""")
                .param(organisationId).query(Long.class).single();
        return new long[] {overdue, all - overdue};
    }

    public long insertResponse(long reportId, ResponseKind kind, String note, String givenBy, Instant givenAt,
                               long recordedBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO violence_responses (report_id, kind, note, given_by, given_at, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(reportId, kind.name(), note, givenBy, Timestamp.from(givenAt), recordedBy, Timestamp.from(now))
                .update(keys, "id");
        // The first response stops the clock: the earliest one given, whatever order they were recorded in.
        jdbc.sql("""
                        UPDATE violence_reports SET first_response_at = ?
                        WHERE id = ? AND (first_response_at IS NULL OR first_response_at > ?)""")
                .params(Timestamp.from(givenAt), reportId, Timestamp.from(givenAt)).update();
        return keys.getKey().longValue();
    }

    public boolean close(long organisationId, long id, CaseOutcome outcome, long closedBy, Instant now) {
        return jdbc.sql("""
                        UPDATE violence_reports SET closed_at = ?, closed_by = ?, outcome = ?
                        WHERE id = ? AND organisation_id = ? AND closed_at IS NULL""")
                .params(Timestamp.from(now), closedBy, outcome.name(), id, organisationId).update() == 1;
    }

    /** The reports of these organisations whose incident happened in the period, as the indicators count them. */
    public List<Counted> counted(Collection<Long> organisationIds, Long siteId, LocalDate start, LocalDate end) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("organisations", organisationIds);
        params.put("start", start);
        params.put("end", end);
        params.put("site", siteId);
        return jdbc.sql("SELECT id, organisation_id, occurred_on, site_id, city, hotspot, client_id, gender, types, "
                        + "perpetrators, reported_at, first_response_at FROM violence_reports "
                        + "WHERE organisation_id IN (:organisations) AND occurred_on BETWEEN :start AND :end"
                        + (siteId == null ? "" : " AND site_id = :site") + " ORDER BY id")
                .params(params)
                .query((rs, i) -> new Counted(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7, Long.class),
                        rs.getString(8) == null ? null : Gender.valueOf(rs.getString(8)),
                        parse(rs.getString(9), ViolenceType.class), parse(rs.getString(10), Perpetrator.class),
                        rs.getTimestamp(11).toInstant(), instant(rs, 12)))
                .list();
    }

    private List<ViolenceReport> withResponses(List<ViolenceReport> reports) {
        if (reports.isEmpty()) {
            return reports;
        }
        Map<Long, List<ViolenceResponse>> responses = new LinkedHashMap<>();
        jdbc.sql("SELECT report_id, id, kind, note, given_by, given_at, recorded_by, recorded_at FROM violence_responses "
                        + "WHERE report_id IN (:ids) ORDER BY given_at, id")
                .param("ids", reports.stream().map(ViolenceReport::id).toList())
                .query((rs, i) -> responses.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ViolenceResponse(rs.getLong(2), ResponseKind.valueOf(rs.getString(3)), rs.getString(4),
                                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getLong(7),
                                rs.getTimestamp(8).toInstant())))
                .list();
        return reports.stream().map(r -> new ViolenceReport(r.id(), r.organisationId(), r.occurredOn(), r.siteId(),
                r.city(), r.hotspot(), r.clientId(), r.gender(), r.ageBand(), r.types(), r.perpetrators(), r.wantsHelp(),
                r.help(), r.description(), r.recordedBy(), r.reportedAt(), r.recordedAt(), r.firstResponseAt(),
                r.closedAt(), r.closedBy(), r.outcome(), responses.getOrDefault(r.id(), List.of()))).toList();
    }

    private ViolenceReport report(ResultSet rs, int row) throws SQLException {
        return new ViolenceReport(rs.getLong("id"), rs.getLong("organisation_id"),
                rs.getObject("occurred_on", LocalDate.class), rs.getLong("site_id"), rs.getString("city"),
                rs.getString("hotspot"), (Long) rs.getObject("client_id", Long.class),
                rs.getString("gender") == null ? null : Gender.valueOf(rs.getString("gender")),
                rs.getString("age_band") == null ? null : AgeBand.valueOf(rs.getString("age_band")),
                parse(rs.getString("types"), ViolenceType.class), parse(rs.getString("perpetrators"), Perpetrator.class),
                rs.getBoolean("wants_help"), parse(rs.getString("help"), HelpKind.class), rs.getString("description"),
                rs.getLong("recorded_by"), rs.getTimestamp("reported_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(), instant(rs, "first_response_at"), instant(rs, "closed_at"),
                (Long) rs.getObject("closed_by", Long.class),
                rs.getString("outcome") == null ? null : CaseOutcome.valueOf(rs.getString("outcome")), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String codes(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> parse(String codes, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (codes != null && !codes.isBlank()) {
            Arrays.stream(codes.split(",")).map(c -> Enum.valueOf(type, c)).forEach(set::add);
        }
        return set;
    }
}
