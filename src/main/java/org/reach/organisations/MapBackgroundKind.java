package org.reach.organisations;

/** What an organisation's maps draw over the shipped Natural Earth land. */
public enum MapBackgroundKind {
    /** The land and coast shipped with Reach, and nothing fetched from anywhere. */
    NATURAL_EARTH,
    /** Tiles from a server the organisation names; that server sees which areas its staff look at. */
    TILE_SERVER,
    /** Tiles out of a PMTiles file the organisation uploaded, served by Reach itself. */
    PMTILES
}
