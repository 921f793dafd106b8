package org.reach.organisations.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.reach.organisations.MapBackground;
import org.reach.organisations.MapBackgroundKind;
import org.reach.organisations.UploadedTiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per organisation that chose a map background other than the default. */
@Repository
public class MapBackgroundSettings {

    private static final String SELECT = """
            SELECT organisation_id, kind, tile_url, attribution, pmtiles_name, pmtiles_size, pmtiles_sha256,
                   pmtiles_tile_type, pmtiles_min_zoom, pmtiles_max_zoom, pmtiles_west, pmtiles_south, pmtiles_east,
                   pmtiles_north, pmtiles_uploaded_by, pmtiles_uploaded_at, updated_at
              FROM organisation_map_backgrounds""";

    private final JdbcClient jdbc;

    MapBackgroundSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MapBackground> of(long organisationId) {
        return jdbc.sql(SELECT + " WHERE organisation_id = ?").param(organisationId).query(MapBackgroundSettings::map)
                .optional();
    }

    /** Locks the organisation's row, when it has one, so two managers saving at once do not interleave. */
    public boolean lock(long organisationId) {
        return jdbc.sql("SELECT organisation_id FROM organisation_map_backgrounds WHERE organisation_id = ? FOR UPDATE")
                .param(organisationId).query(Long.class).optional().isPresent();
    }

    public void saveChoice(long organisationId, MapBackgroundKind kind, String tileUrl, String attribution, long by,
                           Instant at) {
        int updated = jdbc.sql("""
                        UPDATE organisation_map_backgrounds SET kind = ?, tile_url = ?, attribution = ?, updated_by = ?,
                               updated_at = ? WHERE organisation_id = ?""")
                .params(kind.name(), tileUrl, attribution, by, Timestamp.from(at), organisationId).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO organisation_map_backgrounds (organisation_id, kind, tile_url, attribution, updated_by,
                                   updated_at) VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(organisationId, kind.name(), tileUrl, attribution, by, Timestamp.from(at)).update();
        }
    }

    /** Records an uploaded file and makes it the organisation's background, keeping a tile server URL already named. */
    public void saveUpload(long organisationId, UploadedTiles tiles, String attribution, Instant at) {
        if (!lock(organisationId)) {
            saveChoice(organisationId, MapBackgroundKind.PMTILES, null, attribution, tiles.uploadedBy(), at);
        }
        jdbc.sql("""
                        UPDATE organisation_map_backgrounds SET kind = ?, attribution = ?, pmtiles_name = ?, pmtiles_size = ?,
                               pmtiles_sha256 = ?, pmtiles_tile_type = ?, pmtiles_min_zoom = ?, pmtiles_max_zoom = ?,
                               pmtiles_west = ?, pmtiles_south = ?, pmtiles_east = ?, pmtiles_north = ?,
                               pmtiles_uploaded_by = ?, pmtiles_uploaded_at = ?, updated_by = ?, updated_at = ?
                         WHERE organisation_id = ?""")
                .params(MapBackgroundKind.PMTILES.name(), attribution, tiles.name(), tiles.size(), tiles.sha256(),
                        tiles.tileType(), tiles.minZoom(), tiles.maxZoom(), tiles.west(), tiles.south(), tiles.east(),
                        tiles.north(), tiles.uploadedBy(), Timestamp.from(tiles.uploadedAt()), tiles.uploadedBy(),
                        Timestamp.from(at), organisationId)
                .update();
    }

    private static MapBackground map(ResultSet rs, int row) throws SQLException {
        String sha = rs.getString("pmtiles_sha256");
        UploadedTiles tiles = sha == null ? null : new UploadedTiles(rs.getString("pmtiles_name"),
                rs.getLong("pmtiles_size"), sha.trim(), rs.getString("pmtiles_tile_type"), rs.getInt("pmtiles_min_zoom"),
                rs.getInt("pmtiles_max_zoom"), rs.getDouble("pmtiles_west"), rs.getDouble("pmtiles_south"),
                rs.getDouble("pmtiles_east"), rs.getDouble("pmtiles_north"),
                (Long) rs.getObject("pmtiles_uploaded_by", Long.class), instant(rs.getTimestamp("pmtiles_uploaded_at")));
        return new MapBackground(rs.getLong("organisation_id"), MapBackgroundKind.valueOf(rs.getString("kind")),
                rs.getString("tile_url"), rs.getString("attribution"), tiles, instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
