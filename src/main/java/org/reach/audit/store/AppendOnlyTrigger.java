package org.reach.audit.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of the audit log's protection: refuses every UPDATE and DELETE on {@code audit_events} and
 * {@code audit_event_clients} (PostgreSQL does the same with a PL/pgSQL trigger; created by migrations V45 and V51).
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the audit log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused", "42501");
    }
}
