package org.reach.organisations;

import java.time.Instant;

/**
 * A PMTiles file an organisation uploaded, as described in its row (the file lies on disk): its name as uploaded, size,
 * sha-256 (also the tiles' ETag), tile type, zooms and bounds in degrees, and who uploaded it when.
 */
public record UploadedTiles(String name, long size, String sha256, String tileType, int minZoom, int maxZoom,
                            double west, double south, double east, double north, Long uploadedBy, Instant uploadedAt) {
}
