package org.reach.partners.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reach.partners.ActionForm;
import org.reach.partners.ActionSource;
import org.reach.partners.ActionStatus;
import org.reach.partners.ProgressNote;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ActionStore {

    private static final String SELECT = """
            SELECT id, organisation_id, programme_id, source, assessment_id, twinning_id, rar_reference, title, domain_code,
                   owner, supporting_org_id, due_date, status, created_at FROM partner_actions""";

    private final JdbcClient jdbc;

    ActionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long id, long organisationId, Long programmeId, ActionSource source, Long assessmentId,
                      Long twinningId, String rarReference, String title, String domainCode, String owner,
                      Long supportingOrgId, LocalDate dueDate, ActionStatus status, Instant createdAt) {
    }

    public List<Row> all() {
        return jdbc.sql(SELECT + " ORDER BY due_date, id").query(ActionStore::map).list();
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ActionStore::map).optional();
    }

    public long insert(ActionForm form, Long programmeId, long createdBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO partner_actions (organisation_id, programme_id, source, assessment_id, twinning_id, rar_reference,
                                                     title, domain_code, owner, supporting_org_id, due_date, status, created_by,
                                                     created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?)""")
                .params(form.organisationId(), programmeId, form.source().name(), form.assessmentId(), form.twinningId(),
                        form.rarReference(), form.title(), form.domainCode(), form.owner(), form.supportingOrganisationId(),
                        Date.valueOf(form.dueDate()), createdBy == 0 ? null : createdBy, Timestamp.from(now),
                        Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void addProgress(long actionId, ActionStatus status, String note, long recordedBy, Instant now) {
        jdbc.sql("INSERT INTO partner_action_progress (action_id, status, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(actionId, status.name(), note, recordedBy == 0 ? null : recordedBy, Timestamp.from(now)).update();
        jdbc.sql("UPDATE partner_actions SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), Timestamp.from(now), actionId).update();
    }

    /** The progress notes of several actions in one query, oldest first per action. */
    public Map<Long, List<ProgressNote>> progress(Collection<Long> actionIds) {
        Map<Long, List<ProgressNote>> notes = new HashMap<>();
        if (actionIds.isEmpty()) {
            return notes;
        }
        jdbc.sql("SELECT id, action_id, status, note, recorded_at FROM partner_action_progress WHERE action_id IN (:ids) "
                        + "ORDER BY recorded_at, id")
                .param("ids", actionIds)
                .query((rs, n) -> notes.computeIfAbsent(rs.getLong("action_id"), id -> new ArrayList<>())
                        .add(new ProgressNote(rs.getLong("id"), ActionStatus.valueOf(rs.getString("status")),
                                rs.getString("note"), rs.getTimestamp("recorded_at").toInstant())))
                .list();
        return notes;
    }

    public List<ProgressNote> progress(long actionId) {
        return jdbc.sql("SELECT id, status, note, recorded_at FROM partner_action_progress WHERE action_id = ? ORDER BY recorded_at, id")
                .param(actionId)
                .query((rs, n) -> new ProgressNote(rs.getLong("id"), ActionStatus.valueOf(rs.getString("status")),
                        rs.getString("note"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("organisation_id"), rs.getObject("programme_id", Long.class),
                ActionSource.valueOf(rs.getString("source")), rs.getObject("assessment_id", Long.class),
                rs.getObject("twinning_id", Long.class), rs.getString("rar_reference"), rs.getString("title"),
                rs.getString("domain_code"), rs.getString("owner"), rs.getObject("supporting_org_id", Long.class),
                rs.getDate("due_date").toLocalDate(), ActionStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant());
    }
}
