package org.reach.organisations.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class Organisations {

    private static final String SELECT = "SELECT id, programme_id, name, country_code, languages, active FROM organisations";

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Organisation> all() {
        return jdbc.sql(SELECT + " ORDER BY name").query(Organisations::map).list();
    }

    public List<Organisation> inProgramme(long programmeId) {
        return jdbc.sql(SELECT + " WHERE programme_id = ? ORDER BY name").param(programmeId).query(Organisations::map).list();
    }

    public Optional<Organisation> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Organisations::map).optional();
    }

    public List<Organisation> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : jdbc.sql(SELECT + " WHERE id IN (:ids)").param("ids", ids).query(Organisations::map).list();
    }

    public Optional<Organisation> byName(String name) {
        return jdbc.sql(SELECT + " WHERE LOWER(name) = LOWER(?)").param(name).query(Organisations::map).optional();
    }

    public long insert(OrganisationForm form, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO organisations (programme_id, name, country_code, languages, active, created_at, updated_at)
                        VALUES (?, ?, ?, ?, TRUE, ?, ?)""")
                .params(form.programmeId(), form.name(), form.countryCode(), String.join(",", form.languages()),
                        Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, OrganisationForm form, Instant now) {
        jdbc.sql("UPDATE organisations SET programme_id = ?, name = ?, country_code = ?, languages = ?, updated_at = ? WHERE id = ?")
                .params(form.programmeId(), form.name(), form.countryCode(), String.join(",", form.languages()),
                        Timestamp.from(now), id)
                .update();
    }

    public void setActive(long id, boolean active, Instant now) {
        jdbc.sql("UPDATE organisations SET active = ?, updated_at = ? WHERE id = ?").params(active, Timestamp.from(now), id)
                .update();
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        return new Organisation(rs.getLong("id"), rs.getObject("programme_id", Long.class), rs.getString("name"),
                rs.getString("country_code").trim(), Arrays.asList(rs.getString("languages").split(",")),
                rs.getBoolean("active"));
    }
}
