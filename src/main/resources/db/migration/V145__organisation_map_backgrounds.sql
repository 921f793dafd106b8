-- The background an organisation's maps draw over Natural Earth's land: the shipped land alone (no row, or kind
-- NATURAL_EARTH), the organisation's own tile server, or a PMTiles file it uploaded. The file itself lies on disk under
-- reach.map.pmtiles-dir (named by organisation and sha-256); this row only describes it.
CREATE TABLE organisation_map_backgrounds (
    organisation_id   BIGINT PRIMARY KEY REFERENCES organisations (id),
    kind              VARCHAR(20) NOT NULL,
    tile_url          VARCHAR(500),
    attribution       VARCHAR(300),
    pmtiles_name      VARCHAR(255),
    pmtiles_size      BIGINT,
    pmtiles_sha256    CHAR(64),
    pmtiles_tile_type VARCHAR(10),
    pmtiles_min_zoom  INTEGER,
    pmtiles_max_zoom  INTEGER,
    pmtiles_west      DOUBLE PRECISION,
    pmtiles_south     DOUBLE PRECISION,
    pmtiles_east      DOUBLE PRECISION,
    pmtiles_north     DOUBLE PRECISION,
    pmtiles_uploaded_by BIGINT,
    pmtiles_uploaded_at TIMESTAMP WITH TIME ZONE,
    updated_by        BIGINT NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
