package org.reach.partners.store;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CapacityStore {

    private final JdbcClient jdbc;

    CapacityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record TrainingRow(long id, Long programmeId, String topic, LocalDate date, long trainerOrgId, String trainers) {
    }

    public record ParticipantRow(long organisationId, String role, Integer preScore, Integer postScore) {
    }

    public record VisitRow(long id, Long programmeId, long hostOrgId, LocalDate start, LocalDate end, String purpose,
                           String learningNotes) {
    }

    public record VisitorRow(long organisationId, int people) {
    }

    public List<TrainingRow> trainings() {
        return jdbc.sql("SELECT id, programme_id, topic, training_date, trainer_org_id, trainers FROM partner_trainings ORDER BY training_date DESC, id DESC")
                .query((rs, n) -> new TrainingRow(rs.getLong("id"), rs.getObject("programme_id", Long.class),
                        rs.getString("topic"), rs.getDate("training_date").toLocalDate(), rs.getLong("trainer_org_id"),
                        rs.getString("trainers")))
                .list();
    }

    public Optional<TrainingRow> training(long id) {
        return trainings().stream().filter(t -> t.id() == id).findFirst();
    }

    public List<ParticipantRow> participants(long trainingId) {
        return jdbc.sql("SELECT organisation_id, role, pre_score, post_score FROM partner_training_participants WHERE training_id = ? ORDER BY id")
                .param(trainingId)
                .query((rs, n) -> new ParticipantRow(rs.getLong("organisation_id"), rs.getString("role"),
                        rs.getObject("pre_score", Integer.class), rs.getObject("post_score", Integer.class)))
                .list();
    }

    public long insertTraining(Long programmeId, String topic, LocalDate date, long trainerOrgId, String trainers,
                               long createdBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO partner_trainings (programme_id, topic, training_date, trainer_org_id, trainers, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(programmeId, topic, Date.valueOf(date), trainerOrgId, trainers, createdBy == 0 ? null : createdBy,
                        Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void addParticipant(long trainingId, long organisationId, String role, Integer pre, Integer post) {
        jdbc.sql("INSERT INTO partner_training_participants (training_id, organisation_id, role, pre_score, post_score) VALUES (?, ?, ?, ?, ?)")
                .params(trainingId, organisationId, role, pre, post).update();
    }

    public List<VisitRow> visits() {
        return jdbc.sql("SELECT id, programme_id, host_org_id, visit_start, visit_end, purpose, learning_notes FROM partner_exchange_visits ORDER BY visit_start DESC, id DESC")
                .query((rs, n) -> new VisitRow(rs.getLong("id"), rs.getObject("programme_id", Long.class),
                        rs.getLong("host_org_id"), rs.getDate("visit_start").toLocalDate(),
                        rs.getDate("visit_end").toLocalDate(), rs.getString("purpose"), rs.getString("learning_notes")))
                .list();
    }

    public List<VisitorRow> visitors(long visitId) {
        return jdbc.sql("SELECT organisation_id, people FROM partner_exchange_visitors WHERE visit_id = ? ORDER BY organisation_id")
                .param(visitId)
                .query((rs, n) -> new VisitorRow(rs.getLong("organisation_id"), rs.getInt("people"))).list();
    }

    public long insertVisit(Long programmeId, long hostOrgId, LocalDate start, LocalDate end, String purpose,
                            String learningNotes, long createdBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO partner_exchange_visits (programme_id, host_org_id, visit_start, visit_end, purpose, learning_notes,
                                                             created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(programmeId, hostOrgId, Date.valueOf(start), Date.valueOf(end), purpose, learningNotes,
                        createdBy == 0 ? null : createdBy, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void addVisitor(long visitId, long organisationId, int people) {
        jdbc.sql("INSERT INTO partner_exchange_visitors (visit_id, organisation_id, people) VALUES (?, ?, ?)")
                .params(visitId, organisationId, people).update();
    }

    public void link(long actionId, Long trainingId, Long visitId) {
        jdbc.sql("INSERT INTO partner_capacity_links (action_id, training_id, visit_id) VALUES (?, ?, ?)")
                .params(actionId, trainingId, visitId).update();
    }

    public List<Long> actionsOfTraining(long trainingId) {
        return jdbc.sql("SELECT action_id FROM partner_capacity_links WHERE training_id = ? ORDER BY action_id")
                .param(trainingId).query(Long.class).list();
    }

    public List<Long> actionsOfVisit(long visitId) {
        return jdbc.sql("SELECT action_id FROM partner_capacity_links WHERE visit_id = ? ORDER BY action_id")
                .param(visitId).query(Long.class).list();
    }
}
