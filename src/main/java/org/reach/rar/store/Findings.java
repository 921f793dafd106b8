package org.reach.rar.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reach.rar.FindingCode;
import org.reach.rar.Note;
import org.reach.rar.NoteForm;
import org.reach.rar.NoteKind;
import org.reach.rar.Priority;
import org.reach.rar.Recommendation;
import org.reach.rar.RecommendationForm;
import org.reach.rar.RecommendationStatus;
import org.reach.rar.Subgroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Coded notes and the recommendations drawn from them. */
@Repository
public class Findings {

    private final JdbcClient jdbc;

    Findings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Note> notes(long assessmentId) {
        return jdbc.sql("""
                        SELECT id, assessment_id, hotspot_id, kind, subgroup, codes, summary, quote
                        FROM rar_notes WHERE assessment_id = ? ORDER BY id""")
                .param(assessmentId).query(Findings::note).list();
    }

    public long insertNote(long assessmentId, NoteForm f, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO rar_notes (assessment_id, hotspot_id, kind, subgroup, codes, summary, quote, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, f.hotspotId(), f.kind().name(), f.subgroup() == null ? null : f.subgroup().name(),
                        Codes.join(f.codes()), f.summary(), f.quote(), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static Note note(ResultSet rs, int row) throws SQLException {
        String subgroup = rs.getString("subgroup");
        return new Note(rs.getLong("id"), rs.getLong("assessment_id"), rs.getObject("hotspot_id", Long.class),
                NoteKind.valueOf(rs.getString("kind")), subgroup == null ? null : Subgroup.valueOf(subgroup),
                Codes.enums(FindingCode.class, rs.getString("codes")), rs.getString("summary"), rs.getString("quote"));
    }

    public List<Recommendation> recommendations(long assessmentId) {
        return jdbc.sql("""
                        SELECT id, assessment_id, ordinal, body, codes, priority, responsible, status
                        FROM rar_recommendations WHERE assessment_id = ? ORDER BY ordinal, id""")
                .param(assessmentId).query(Findings::recommendation).list();
    }

    public Optional<Recommendation> recommendation(long id) {
        return jdbc.sql("""
                        SELECT id, assessment_id, ordinal, body, codes, priority, responsible, status
                        FROM rar_recommendations WHERE id = ?""")
                .param(id).query(Findings::recommendation).optional();
    }

    public long insertRecommendation(long assessmentId, RecommendationForm f, Instant now) {
        int ordinal = jdbc.sql("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM rar_recommendations WHERE assessment_id = ?")
                .param(assessmentId).query(Integer.class).single();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO rar_recommendations (assessment_id, ordinal, body, codes, priority, responsible, status,
                                                         created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, ordinal, f.text(), Codes.join(f.codes()), f.priority().name(), f.owner(),
                        f.status().name(), Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateRecommendation(long id, RecommendationForm f, Instant now) {
        jdbc.sql("""
                        UPDATE rar_recommendations SET body = ?, codes = ?, priority = ?, responsible = ?, status = ?,
                               updated_at = ? WHERE id = ?""")
                .params(f.text(), Codes.join(f.codes()), f.priority().name(), f.owner(), f.status().name(),
                        Timestamp.from(now), id)
                .update();
    }

    private static Recommendation recommendation(ResultSet rs, int row) throws SQLException {
        return new Recommendation(rs.getLong("id"), rs.getLong("assessment_id"), rs.getInt("ordinal"), rs.getString("body"),
                Codes.enums(FindingCode.class, rs.getString("codes")), Priority.valueOf(rs.getString("priority")),
                rs.getString("responsible"), RecommendationStatus.valueOf(rs.getString("status")));
    }
}
