package org.reach.organisations;

import java.time.Instant;

/**
 * The background an organisation chose for its maps, with the attribution its maps show. The uploaded PMTiles file is
 * kept while another kind is chosen, so switching back needs no new upload.
 */
public record MapBackground(long organisationId, MapBackgroundKind kind, String tileUrl, String attribution,
                            UploadedTiles pmtiles, Instant updatedAt) {

    static MapBackground naturalEarth(long organisationId) {
        return new MapBackground(organisationId, MapBackgroundKind.NATURAL_EARTH, null, null, null, null);
    }

    /** The URL template a Leaflet tile layer is given, or null when only the shipped land is drawn. */
    public String tileTemplate() {
        return switch (kind) {
            case TILE_SERVER -> tileUrl;
            case PMTILES -> pmtiles == null ? null
                    : "/map/tiles/" + organisationId + "/{z}/{x}/{y}?v=" + pmtiles.sha256().substring(0, 12);
            case NATURAL_EARTH -> null;
        };
    }
}
