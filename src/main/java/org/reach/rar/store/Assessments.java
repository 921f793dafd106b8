package org.reach.rar.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.reach.rar.Assessment;
import org.reach.rar.AssessmentForm;
import org.reach.rar.AssessmentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class Assessments {

    private static final String SELECT = """
            SELECT id, organisation_id, title, area, period_start, period_end, team, research_questions, status
            FROM rar_assessments""";

    private final JdbcClient jdbc;

    Assessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Assessment> all() {
        return jdbc.sql(SELECT + " ORDER BY period_start DESC, title").query(Assessments::map).list();
    }

    public Optional<Assessment> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Assessments::map).optional();
    }

    public boolean titleTaken(long organisationId, String title, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM rar_assessments WHERE organisation_id = ? AND LOWER(title) = LOWER(?) AND id <> ?")
                .params(organisationId, title, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    public long insert(AssessmentForm f, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO rar_assessments (organisation_id, title, area, period_start, period_end, team,
                                                     research_questions, status, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.organisationId(), f.title(), f.area(), date(f.periodStart()), date(f.periodEnd()), f.team(),
                        f.researchQuestions(), f.status().name(), Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, AssessmentForm f, Instant now) {
        jdbc.sql("""
                        UPDATE rar_assessments SET title = ?, area = ?, period_start = ?, period_end = ?, team = ?,
                               research_questions = ?, status = ?, updated_at = ? WHERE id = ?""")
                .params(f.title(), f.area(), date(f.periodStart()), date(f.periodEnd()), f.team(), f.researchQuestions(),
                        f.status().name(), Timestamp.from(now), id)
                .update();
    }

    static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Assessment map(ResultSet rs, int row) throws SQLException {
        return new Assessment(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("title"), rs.getString("area"),
                localDate(rs, "period_start"), localDate(rs, "period_end"), rs.getString("team"),
                rs.getString("research_questions"), AssessmentStatus.valueOf(rs.getString("status")));
    }
}
