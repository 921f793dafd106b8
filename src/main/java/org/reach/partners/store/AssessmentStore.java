package org.reach.partners.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reach.partners.AssessmentKind;
import org.reach.partners.AssessmentStatus;
import org.reach.partners.TeamMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AssessmentStore {

    private static final String SELECT = """
            SELECT id, organisation_id, programme_id, framework_id, kind, visit_start, visit_end, sites_visited, status,
                   created_at FROM partner_assessments""";

    private final JdbcClient jdbc;

    AssessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored assessment without the organisation's name, which the service adds. */
    public record Row(long id, long organisationId, Long programmeId, long frameworkId, AssessmentKind kind,
                      java.time.LocalDate visitStart, java.time.LocalDate visitEnd, String sitesVisited,
                      AssessmentStatus status, Instant createdAt) {
    }

    public record ScoreRow(long questionId, long assessorId, int score, String evidence) {
    }

    public record ConsensusRow(long questionId, int score, String evidence) {
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(AssessmentStore::map).optional();
    }

    public List<Row> all() {
        return jdbc.sql(SELECT + " ORDER BY visit_start DESC, id DESC").query(AssessmentStore::map).list();
    }

    public List<Row> ofOrganisation(long organisationId) {
        return jdbc.sql(SELECT + " WHERE organisation_id = ? ORDER BY visit_start, id").param(organisationId)
                .query(AssessmentStore::map).list();
    }

    public List<Long> withTeamMember(long userId) {
        return jdbc.sql("SELECT DISTINCT assessment_id FROM partner_assessment_team WHERE user_id = ?").param(userId)
                .query(Long.class).list();
    }

    public long insert(long organisationId, Long programmeId, long frameworkId, AssessmentKind kind,
                       java.time.LocalDate start, java.time.LocalDate end, String sites, long createdBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO partner_assessments (organisation_id, programme_id, framework_id, kind, visit_start, visit_end,
                                                         sites_visited, status, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?)""")
                .params(organisationId, programmeId, frameworkId, kind.name(), Date.valueOf(start), Date.valueOf(end), sites,
                        createdBy == 0 ? null : createdBy, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void addTeamMember(long assessmentId, Long userId, String name, String organisation) {
        jdbc.sql("INSERT INTO partner_assessment_team (assessment_id, user_id, member_name, member_organisation) VALUES (?, ?, ?, ?)")
                .params(assessmentId, userId, name, organisation).update();
    }

    public List<TeamMember> team(long assessmentId) {
        return jdbc.sql("SELECT id, user_id, member_name, member_organisation FROM partner_assessment_team WHERE assessment_id = ? ORDER BY id")
                .param(assessmentId)
                .query((rs, n) -> new TeamMember(rs.getLong("id"), rs.getObject("user_id", Long.class),
                        rs.getString("member_name"), rs.getString("member_organisation")))
                .list();
    }

    public void saveScore(long assessmentId, long questionId, long assessorId, int score, String evidence, Instant now) {
        jdbc.sql("DELETE FROM partner_assessment_scores WHERE assessment_id = ? AND question_id = ? AND assessor_id = ?")
                .params(assessmentId, questionId, assessorId).update();
        jdbc.sql("""
                        INSERT INTO partner_assessment_scores (assessment_id, question_id, assessor_id, score, evidence, entered_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, questionId, assessorId, score, evidence, Timestamp.from(now)).update();
    }

    public List<ScoreRow> scores(long assessmentId) {
        return jdbc.sql("SELECT question_id, assessor_id, score, evidence FROM partner_assessment_scores WHERE assessment_id = ? ORDER BY assessor_id")
                .param(assessmentId)
                .query((rs, n) -> new ScoreRow(rs.getLong("question_id"), rs.getLong("assessor_id"), rs.getInt("score"),
                        rs.getString("evidence")))
                .list();
    }

    public void saveConsensus(long assessmentId, long questionId, int score, String evidence, long resolvedBy, Instant now) {
        jdbc.sql("DELETE FROM partner_consensus_scores WHERE assessment_id = ? AND question_id = ?")
                .params(assessmentId, questionId).update();
        jdbc.sql("""
                        INSERT INTO partner_consensus_scores (assessment_id, question_id, score, evidence, resolved_by, resolved_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, questionId, score, evidence, resolvedBy == 0 ? null : resolvedBy, Timestamp.from(now))
                .update();
    }

    public List<ConsensusRow> consensus(long assessmentId) {
        return jdbc.sql("SELECT question_id, score, evidence FROM partner_consensus_scores WHERE assessment_id = ?")
                .param(assessmentId)
                .query((rs, n) -> new ConsensusRow(rs.getLong("question_id"), rs.getInt("score"), rs.getString("evidence")))
                .list();
    }

    public void finalise(long assessmentId, Instant now) {
        jdbc.sql("UPDATE partner_assessments SET status = 'FINALISED', finalised_at = ? WHERE id = ?")
                .params(Timestamp.from(now), assessmentId).update();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("organisation_id"), rs.getObject("programme_id", Long.class),
                rs.getLong("framework_id"), AssessmentKind.valueOf(rs.getString("kind")),
                rs.getDate("visit_start").toLocalDate(), rs.getDate("visit_end").toLocalDate(),
                rs.getString("sites_visited"), AssessmentStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant());
    }
}
