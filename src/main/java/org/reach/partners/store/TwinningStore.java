package org.reach.partners.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class TwinningStore {

    private static final String SELECT = """
            SELECT id, programme_id, learning_org_id, supporting_org_id, assessment_id, domains, note, created_at
            FROM partner_twinnings""";

    private final JdbcClient jdbc;

    TwinningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long id, Long programmeId, long learningOrgId, long supportingOrgId, Long assessmentId,
                      List<String> domains, String note, Instant createdAt) {
    }

    public List<Row> all() {
        return jdbc.sql(SELECT + " ORDER BY created_at DESC, id DESC").query(TwinningStore::map).list();
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(TwinningStore::map).optional();
    }

    public long insert(Long programmeId, long learning, long supporting, Long assessmentId, List<String> domains,
                       String note, long createdBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO partner_twinnings (programme_id, learning_org_id, supporting_org_id, assessment_id, domains,
                                                       note, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(programmeId, learning, supporting, assessmentId, String.join(",", domains), note,
                        createdBy == 0 ? null : createdBy, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getObject("programme_id", Long.class), rs.getLong("learning_org_id"),
                rs.getLong("supporting_org_id"), rs.getObject("assessment_id", Long.class),
                Arrays.stream(rs.getString("domains").split(",")).filter(s -> !s.isBlank()).toList(),
                rs.getString("note"), rs.getTimestamp("created_at").toInstant());
    }
}
