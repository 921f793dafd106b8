package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lets indicators be measured in person-years. The unit's check constraint was declared inline, so H2 and
 * PostgreSQL named it differently; it is found by its text in the standard information schema and replaced by
 * a named one. Java rather than SQL only because of that name.
 */
public class V22__Indicator_unit_person_years extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement st = context.getConnection().createStatement();
             ResultSet rs = st.executeQuery("SELECT constraint_name, check_clause FROM information_schema.check_constraints")) {
            while (rs.next()) {
                String clause = rs.getString(2);
                if (clause != null && clause.contains("PER_PERSON_YEAR") && clause.contains("COUNT")) {
                    names.add(rs.getString(1));
                }
            }
        }
        try (Statement st = context.getConnection().createStatement()) {
            for (String name : names) {
                st.execute("ALTER TABLE indicator_definitions DROP CONSTRAINT \"" + name + "\"");
            }
            st.execute("ALTER TABLE indicator_definitions ADD CONSTRAINT indicator_definitions_unit "
                    + "CHECK (unit IN ('COUNT', 'PERCENT', 'PER_100', 'PER_PERSON_YEAR', 'PERSON_YEARS'))");
        }
    }
}
