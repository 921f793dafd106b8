package org.reach.organisations.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reach.organisations.Programme;
import org.reach.organisations.ProgrammeForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class Programmes {

    private static final String COLUMNS = "id, name, description, active";

    private final JdbcClient jdbc;

    Programmes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Programme> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM programmes ORDER BY name").query(Programme.class).list();
    }

    public Optional<Programme> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM programmes WHERE id = ?").param(id).query(Programme.class).optional();
    }

    public Optional<Programme> byName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM programmes WHERE LOWER(name) = LOWER(?)").param(name)
                .query(Programme.class).optional();
    }

    public long insert(ProgrammeForm form, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO programmes (name, description, active, created_at, updated_at) VALUES (?, ?, TRUE, ?, ?)")
                .params(form.name(), form.description(), Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, ProgrammeForm form, Instant now) {
        jdbc.sql("UPDATE programmes SET name = ?, description = ?, updated_at = ? WHERE id = ?")
                .params(form.name(), form.description(), Timestamp.from(now), id).update();
    }

    public void setActive(long id, boolean active, Instant now) {
        jdbc.sql("UPDATE programmes SET active = ?, updated_at = ? WHERE id = ?")
                .params(active, Timestamp.from(now), id).update();
    }
}
