package org.reach.audit.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of the audit log's protection: refuses every UPDATE and DELETE on {@code audit_events} (PostgreSQL
 * does the same with a PL/pgSQL trigger; both are created by migration V45).
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_events is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused", "42501");
    }
}
