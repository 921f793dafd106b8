package db.migration;

import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The clients an audit entry names (V50) are as much the log as the entry: the same triggers as V45 refuse every
 * UPDATE and DELETE on {@code audit_event_clients} (and TRUNCATE on PostgreSQL), whatever role the application uses.
 */
public class V51__Audit_event_clients_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        try (Statement st = context.getConnection().createStatement()) {
            if (product.contains("postgresql")) {
                // V45's function raises for any table it is attached to.
                st.execute("CREATE TRIGGER audit_event_clients_append_only BEFORE UPDATE OR DELETE ON audit_event_clients"
                        + " FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()");
                st.execute("CREATE TRIGGER audit_event_clients_no_truncate BEFORE TRUNCATE ON audit_event_clients"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()");
            } else {
                st.execute("CREATE TRIGGER audit_event_clients_append_only BEFORE UPDATE, DELETE ON audit_event_clients"
                        + " FOR EACH ROW CALL 'org.reach.audit.store.AppendOnlyTrigger'");
            }
        }
    }
}
