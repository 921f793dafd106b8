package db.migration;

import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The audit log becomes append-only in the database itself, whatever role the application connects as: a
 * trigger refuses every UPDATE and DELETE on {@code audit_events} (and TRUNCATE on PostgreSQL). PostgreSQL's
 * trigger is PL/pgSQL; H2's must be a Java class, hence a Java migration choosing by database.
 */
public class V45__Audit_events_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        try (Statement st = context.getConnection().createStatement()) {
            if (product.contains("postgresql")) {
                st.execute("""
                        CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = '42501';
                        END
                        $$""");
                st.execute("CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events"
                        + " FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()");
                st.execute("CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()");
            } else {
                st.execute("CREATE TRIGGER audit_events_append_only BEFORE UPDATE, DELETE ON audit_events"
                        + " FOR EACH ROW CALL 'org.reach.audit.store.AppendOnlyTrigger'");
            }
        }
    }
}
