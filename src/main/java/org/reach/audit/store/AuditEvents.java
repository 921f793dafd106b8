package org.reach.audit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditEvent;
import org.reach.audit.AuditFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The audit log table. Append and read only: this class has no update or delete by design. */
@Repository
public class AuditEvents {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AuditEvents(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Appends one entry and the clients it covers (one row each, written as one JDBC batch). */
    public long append(AuditEvent event, Collection<Long> clientIds) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO audit_events (occurred_at, actor_id, actor_username, organisation_id, action,
                                                  entity_type, entity_id, detail, remote_address, origin)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(event.occurredAt()), event.actorId(), event.actorUsername(), event.organisationId(),
                        event.action().name(), event.entityType(), event.entityId(), event.detail(), event.remoteAddress(),
                        event.origin())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        if (!clientIds.isEmpty()) {
            List<Object[]> rows = clientIds.stream().distinct().map(client -> new Object[] {client, id}).toList();
            template.batchUpdate("INSERT INTO audit_event_clients (client_id, event_id) VALUES (?, ?)", rows);
        }
        return id;
    }

    /**
     * Appends several entries, each with the clients it covers, in two statements: the entries as one JDBC batch
     * returning their ids, then every entry's clients as another.
     */
    public void appendAll(List<AuditEvent> events, List<? extends Collection<Long>> clientIds) {
        if (events.size() == 1) {
            append(events.get(0), clientIds.get(0));
            return;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        template.batchUpdate(connection -> connection.prepareStatement("""
                        INSERT INTO audit_events (occurred_at, actor_id, actor_username, organisation_id, action,
                                                  entity_type, entity_id, detail, remote_address, origin)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"}),
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
                        AuditEvent e = events.get(i);
                        ps.setTimestamp(1, Timestamp.from(e.occurredAt()));
                        ps.setObject(2, e.actorId(), java.sql.Types.BIGINT);
                        ps.setString(3, e.actorUsername());
                        ps.setObject(4, e.organisationId(), java.sql.Types.BIGINT);
                        ps.setString(5, e.action().name());
                        ps.setString(6, e.entityType());
                        ps.setString(7, e.entityId());
                        ps.setString(8, e.detail());
                        ps.setString(9, e.remoteAddress());
                        ps.setString(10, e.origin());
                    }

                    @Override
                    public int getBatchSize() {
                        return events.size();
                    }
                }, keys);
        List<Object[]> rows = new ArrayList<>();
        List<java.util.Map<String, Object>> ids = keys.getKeyList();
        if (ids.size() != events.size()) {
            throw new IllegalStateException("audit entries written: " + ids.size() + " of " + events.size());
        }
        for (int i = 0; i < events.size(); i++) {
            long id = ((Number) ids.get(i).values().iterator().next()).longValue();
            clientIds.get(i).stream().distinct().forEach(client -> rows.add(new Object[] {client, id}));
        }
        if (!rows.isEmpty()) {
            template.batchUpdate("INSERT INTO audit_event_clients (client_id, event_id) VALUES (?, ?)", rows);
        }
    }

    /** The entries that cover one client, newest first: a range of audit_event_clients' primary key. */
    public List<AuditEvent> ofClient(long clientId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT e.* FROM audit_event_clients c JOIN audit_events e ON e.id = c.event_id
                        WHERE c.client_id = ? ORDER BY c.event_id DESC LIMIT ? OFFSET ?""")
                .params(clientId, limit, offset).query(AuditEvents::map).list();
    }

    public long countOfClient(long clientId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event_clients WHERE client_id = ?").param(clientId)
                .query(Long.class).single();
    }

    public List<AuditEvent> search(AuditFilter filter, long offset, int limit) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>(where.params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT * FROM audit_events" + where.sql + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params).query(AuditEvents::map).list();
    }

    /** The kinds of record the log names, for one organisation or (null) all, alphabetically. */
    public List<String> entityTypes(Long organisationId) {
        return organisationId == null
                ? jdbc.sql("SELECT DISTINCT entity_type FROM audit_events ORDER BY entity_type").query(String.class).list()
                : jdbc.sql("SELECT DISTINCT entity_type FROM audit_events WHERE organisation_id = ? ORDER BY entity_type")
                        .param(organisationId).query(String.class).list();
    }

    public long count(AuditFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM audit_events" + where.sql).params(where.params).query(Long.class).single();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(AuditFilter filter) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.organisationId() != null) {
            clauses.add("organisation_id = ?");
            params.add(filter.organisationId());
        }
        if (filter.from() != null) {
            clauses.add("occurred_at >= ?");
            params.add(Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.to() != null) {
            clauses.add("occurred_at < ?");
            params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            clauses.add("actor_username = ?");
            params.add(filter.actor().trim());
        }
        if (filter.action() != null) {
            clauses.add("action = ?");
            params.add(filter.action().name());
        }
        if (filter.entityType() != null && !filter.entityType().isBlank()) {
            clauses.add("entity_type = ?");
            params.add(filter.entityType().trim());
        }
        if (filter.entityId() != null && !filter.entityId().isBlank()) {
            clauses.add("entity_id = ?");
            params.add(filter.entityId().trim());
        }
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                (Long) rs.getObject("actor_id", Long.class), rs.getString("actor_username"),
                rs.getObject("organisation_id", Long.class), AuditAction.valueOf(rs.getString("action")),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("detail"),
                rs.getString("remote_address"), rs.getString("origin"));
    }
}
