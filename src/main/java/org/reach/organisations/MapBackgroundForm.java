package org.reach.organisations;

/** A choice of map background: the kind, the tile server's URL template (for TILE_SERVER) and the attribution text. */
public record MapBackgroundForm(MapBackgroundKind kind, String tileUrl, String attribution) {

    public static MapBackgroundForm of(MapBackground background) {
        return new MapBackgroundForm(background.kind(), background.tileUrl(), background.attribution());
    }
}
