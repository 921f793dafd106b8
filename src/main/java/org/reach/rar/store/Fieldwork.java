package org.reach.rar.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.reach.rar.CaptureForm;
import org.reach.rar.CaptureRecapture;
import org.reach.rar.KeyInformantEstimate;
import org.reach.rar.KeyInformantForm;
import org.reach.rar.Multiplier;
import org.reach.rar.MultiplierForm;
import org.reach.rar.Subgroup;
import org.reach.rar.TimeOfDay;
import org.reach.rar.Visit;
import org.reach.rar.VisitForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** What the field team records at a hotspot: visits, key-informant estimates, capture rounds, benchmarks, reach. */
@Repository
public class Fieldwork {

    private final JdbcClient jdbc;

    Fieldwork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- visits

    public List<Visit> visits(long hotspotId) {
        return jdbc.sql("""
                        SELECT id, hotspot_id, visited_on, time_of_day, total, injecting, non_injecting, women, youth, transgender
                        FROM rar_visits WHERE hotspot_id = ? ORDER BY visited_on, id""")
                .param(hotspotId).query(Fieldwork::visit).list();
    }

    public long insertVisit(long hotspotId, VisitForm f, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO rar_visits (hotspot_id, visited_on, time_of_day, total, injecting, non_injecting, women,
                                                youth, transgender, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(hotspotId, Assessments.date(f.visitedOn()), f.timeOfDay() == null ? null : f.timeOfDay().name(),
                        f.total(), f.injecting(), f.nonInjecting(), f.women(), f.youth(), f.transgender(), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static Visit visit(ResultSet rs, int row) throws SQLException {
        String time = rs.getString("time_of_day");
        return new Visit(rs.getLong("id"), rs.getLong("hotspot_id"), Assessments.localDate(rs, "visited_on"),
                time == null ? null : TimeOfDay.valueOf(time), rs.getInt("total"), rs.getInt("injecting"),
                rs.getInt("non_injecting"), rs.getInt("women"), rs.getInt("youth"), rs.getInt("transgender"));
    }

    // ---- key informants

    public List<KeyInformantEstimate> keyInformants(long hotspotId) {
        return jdbc.sql("SELECT id, hotspot_id, informant, minimum, maximum FROM rar_key_informant_estimates WHERE hotspot_id = ? ORDER BY id")
                .param(hotspotId)
                .query((rs, row) -> new KeyInformantEstimate(rs.getLong("id"), rs.getLong("hotspot_id"),
                        rs.getString("informant"), rs.getInt("minimum"), rs.getInt("maximum")))
                .list();
    }

    public long insertKeyInformant(long hotspotId, KeyInformantForm f, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rar_key_informant_estimates (hotspot_id, informant, minimum, maximum, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(hotspotId, f.informant(), f.minimum(), f.maximum(), Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    // ---- capture-recapture

    public List<CaptureRecapture> captures(long hotspotId) {
        return jdbc.sql("""
                        SELECT id, hotspot_id, first_round, second_round, marked, second_sample, recaptured
                        FROM rar_capture_recapture WHERE hotspot_id = ? ORDER BY id""")
                .param(hotspotId)
                .query((rs, row) -> new CaptureRecapture(rs.getLong("id"), rs.getLong("hotspot_id"),
                        Assessments.localDate(rs, "first_round"), Assessments.localDate(rs, "second_round"),
                        rs.getInt("marked"), rs.getInt("second_sample"), rs.getInt("recaptured")))
                .list();
    }

    public long insertCapture(long hotspotId, CaptureForm f, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO rar_capture_recapture (hotspot_id, first_round, second_round, marked, second_sample,
                                                           recaptured, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(hotspotId, Assessments.date(f.firstRound()), Assessments.date(f.secondRound()), f.marked(),
                        f.secondSample(), f.recaptured(), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    // ---- multipliers

    public List<Multiplier> multipliers(long hotspotId) {
        return jdbc.sql("SELECT id, hotspot_id, service, service_count, respondents, users FROM rar_multipliers WHERE hotspot_id = ? ORDER BY id")
                .param(hotspotId)
                .query((rs, row) -> new Multiplier(rs.getLong("id"), rs.getLong("hotspot_id"), rs.getString("service"),
                        rs.getInt("service_count"), rs.getInt("respondents"), rs.getInt("users")))
                .list();
    }

    public long insertMultiplier(long hotspotId, MultiplierForm f, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rar_multipliers (hotspot_id, service, service_count, respondents, users, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(hotspotId, f.service(), f.serviceCount(), f.respondents(), f.users(), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    // ---- clients reached

    public Map<Subgroup, Integer> reached(long hotspotId) {
        Map<Subgroup, Integer> reached = new EnumMap<>(Subgroup.class);
        jdbc.sql("SELECT subgroup, reached FROM rar_reached WHERE hotspot_id = ?").param(hotspotId)
                .query(rs -> {
                    reached.put(Subgroup.valueOf(rs.getString("subgroup")), rs.getInt("reached"));
                });
        return reached;
    }

    public void setReached(long hotspotId, Subgroup subgroup, int count, Instant now) {
        int updated = jdbc.sql("UPDATE rar_reached SET reached = ?, updated_at = ? WHERE hotspot_id = ? AND subgroup = ?")
                .params(count, Timestamp.from(now), hotspotId, subgroup.name()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO rar_reached (hotspot_id, subgroup, reached, updated_at) VALUES (?, ?, ?, ?)")
                    .params(hotspotId, subgroup.name(), count, Timestamp.from(now)).update();
        }
    }
}
