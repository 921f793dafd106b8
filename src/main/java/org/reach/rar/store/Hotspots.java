package org.reach.rar.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reach.rar.GatheringReason;
import org.reach.rar.Hotspot;
import org.reach.rar.HotspotForm;
import org.reach.rar.SafetyRisk;
import org.reach.rar.TimeOfDay;
import org.reach.rar.Typology;
import org.reach.rar.UseType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.reach.platform.GpsAccuracy;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class Hotspots {

    private static final String SELECT = """
            SELECT id, assessment_id, name, district, latitude, longitude, gps_accuracy, polygon, typology, use_type, drugs,
                   reasons, times_of_day, safety_risks, women_present, youth_present, transgender_present
            FROM rar_hotspots""";

    private final JdbcClient jdbc;
    private final GpsAccuracy gps;

    Hotspots(JdbcClient jdbc, GpsAccuracy gps) {
        this.jdbc = jdbc;
        this.gps = gps;
    }

    public double accuracyThreshold() {
        return gps.thresholdMetres();
    }

    public List<Hotspot> ofAssessment(long assessmentId) {
        return jdbc.sql(SELECT + " WHERE assessment_id = ? ORDER BY district, name").param(assessmentId).query(this::map).list();
    }

    public Optional<Hotspot> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional();
    }

    public Optional<Hotspot> byName(long assessmentId, String name) {
        return jdbc.sql(SELECT + " WHERE assessment_id = ? AND LOWER(name) = LOWER(?)").params(assessmentId, name)
                .query(this::map).optional();
    }

    public long insert(long assessmentId, HotspotForm f, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO rar_hotspots (assessment_id, name, district, latitude, longitude, gps_accuracy, polygon,
                               typology, use_type, drugs, reasons, times_of_day, safety_risks, women_present, youth_present,
                               transgender_present, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, f.name(), f.district(), f.latitude(), f.longitude(), f.gpsAccuracy(), f.polygon(),
                        f.typology().name(), f.useType().name(), Codes.join(f.drugs()), Codes.join(f.reasons()),
                        Codes.join(f.timesOfDay()), Codes.join(f.safetyRisks()), Boolean.TRUE.equals(f.womenPresent()),
                        Boolean.TRUE.equals(f.youthPresent()), Boolean.TRUE.equals(f.transgenderPresent()),
                        Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, HotspotForm f, Instant now) {
        jdbc.sql("""
                        UPDATE rar_hotspots SET name = ?, district = ?, latitude = ?, longitude = ?, gps_accuracy = ?,
                               polygon = ?, typology = ?, use_type = ?, drugs = ?, reasons = ?, times_of_day = ?,
                               safety_risks = ?, women_present = ?, youth_present = ?, transgender_present = ?, updated_at = ?
                        WHERE id = ?""")
                .params(f.name(), f.district(), f.latitude(), f.longitude(), f.gpsAccuracy(), f.polygon(),
                        f.typology().name(), f.useType().name(), Codes.join(f.drugs()), Codes.join(f.reasons()),
                        Codes.join(f.timesOfDay()), Codes.join(f.safetyRisks()), Boolean.TRUE.equals(f.womenPresent()),
                        Boolean.TRUE.equals(f.youthPresent()), Boolean.TRUE.equals(f.transgenderPresent()),
                        Timestamp.from(now), id)
                .update();
    }

    private Hotspot map(ResultSet rs, int row) throws SQLException {
        Double accuracy = rs.getObject("gps_accuracy", Double.class);
        return new Hotspot(rs.getLong("id"), rs.getLong("assessment_id"), rs.getString("name"), rs.getString("district"),
                rs.getDouble("latitude"), rs.getDouble("longitude"), accuracy,
                gps.imprecise(accuracy), rs.getString("polygon"),
                Typology.valueOf(rs.getString("typology")), UseType.valueOf(rs.getString("use_type")),
                Codes.strings(rs.getString("drugs")), Codes.enums(GatheringReason.class, rs.getString("reasons")),
                Codes.enums(TimeOfDay.class, rs.getString("times_of_day")),
                Codes.enums(SafetyRisk.class, rs.getString("safety_risks")), rs.getBoolean("women_present"),
                rs.getBoolean("youth_present"), rs.getBoolean("transgender_present"));
    }
}
