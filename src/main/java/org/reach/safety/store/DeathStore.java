package org.reach.safety.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reach.safety.Answer;
import org.reach.safety.CauseOfDeath;
import org.reach.safety.Death;
import org.reach.safety.DeathSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The deaths table: one row per client, corrected in place (every correction is in the audit log). */
@Repository
public class DeathStore {

    private static final String SELECT = """
            SELECT id, organisation_id, client_id, died_on, site_id, place, cause, source, overdose_report_id, va_alone,
                   va_ill_before, va_sought_care, va_recently_released, va_notes, recorded_by FROM deaths""";

    private final JdbcClient jdbc;

    DeathStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Death d, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        Map<String, Object> p = params(d, now);
        jdbc.sql("""
                INSERT INTO deaths (organisation_id, client_id, died_on, site_id, place, cause, source, overdose_report_id,
                    va_alone, va_ill_before, va_sought_care, va_recently_released, va_notes, recorded_by, created_at, updated_at)
                VALUES (:org, :client, :on, :site, :place, :cause, :source, :report, :alone, :ill, :care, :released, :notes,
                    :by, :now, :now)""").params(p).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, Death d, Instant now) {
        Map<String, Object> p = params(d, now);
        p.put("id", id);
        jdbc.sql("""
                UPDATE deaths SET died_on = :on, site_id = :site, place = :place, cause = :cause, source = :source,
                    overdose_report_id = :report, va_alone = :alone, va_ill_before = :ill, va_sought_care = :care,
                    va_recently_released = :released, va_notes = :notes, updated_at = :now WHERE id = :id""")
                .params(p).update();
    }

    public Optional<Death> byId(long organisationId, long id) {
        return jdbc.sql(SELECT + " WHERE id = ? AND organisation_id = ?").params(id, organisationId)
                .query(DeathStore::death).optional();
    }

    public Optional<Death> ofClient(long organisationId, long clientId) {
        return jdbc.sql(SELECT + " WHERE client_id = ? AND organisation_id = ?").params(clientId, organisationId)
                .query(DeathStore::death).optional();
    }

    public boolean exists(long clientId) {
        return jdbc.sql("SELECT COUNT(*) FROM deaths WHERE client_id = ?").param(clientId).query(Long.class).single() > 0;
    }

    /** The organisation's deaths, newest first. */
    public List<Death> recent(long organisationId, int limit) {
        return jdbc.sql(SELECT + " WHERE organisation_id = ? ORDER BY died_on DESC, id DESC LIMIT ?")
                .params(organisationId, limit).query(DeathStore::death).list();
    }

    /** Deaths of these organisations between two days, inclusive, for counting. */
    public List<Death> between(Collection<Long> organisationIds, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " WHERE organisation_id IN (:orgs) AND died_on BETWEEN :from AND :to")
                .param("orgs", organisationIds).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(DeathStore::death).list();
    }

    private static Map<String, Object> params(Death d, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("org", d.organisationId());
        p.put("client", d.clientId());
        p.put("on", Date.valueOf(d.diedOn()));
        p.put("site", d.siteId());
        p.put("place", d.place());
        p.put("cause", d.cause().name());
        p.put("source", d.source().name());
        p.put("report", d.overdoseReportId());
        p.put("alone", name(d.alone()));
        p.put("ill", name(d.illBefore()));
        p.put("care", name(d.soughtCare()));
        p.put("released", name(d.recentlyReleased()));
        p.put("notes", d.notes());
        p.put("by", d.recordedBy());
        p.put("now", Timestamp.from(now));
        return p;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Answer answer(String text) {
        return text == null ? null : Answer.valueOf(text);
    }

    private static Death death(ResultSet rs, int row) throws SQLException {
        long site = rs.getLong("site_id");
        Long siteId = rs.wasNull() ? null : site;
        long report = rs.getLong("overdose_report_id");
        Long reportId = rs.wasNull() ? null : report;
        return new Death(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("client_id"),
                rs.getDate("died_on").toLocalDate(), siteId, rs.getString("place"),
                CauseOfDeath.valueOf(rs.getString("cause")), DeathSource.valueOf(rs.getString("source")), reportId,
                answer(rs.getString("va_alone")), answer(rs.getString("va_ill_before")),
                answer(rs.getString("va_sought_care")), answer(rs.getString("va_recently_released")),
                rs.getString("va_notes"), rs.getLong("recorded_by"));
    }
}
