package org.reach.organisations.tiles;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.reach.organisations.tiles.PmTilesRefusal.Reason;

/**
 * The fixed 127-byte header of a PMTiles version 3 archive: where each section lies, how directories and tiles are
 * compressed, what the tiles are, and the zooms and bounds they cover. All numbers are little-endian.
 */
public record PmTilesHeader(long rootOffset, long rootLength, long metadataOffset, long metadataLength,
                            long leafOffset, long leafLength, long tileDataOffset, long tileDataLength,
                            long addressedTiles, Compression internalCompression, Compression tileCompression,
                            TileType tileType, int minZoom, int maxZoom,
                            double minLongitude, double minLatitude, double maxLongitude, double maxLatitude) {

    public static final int LENGTH = 127;
    private static final byte[] MAGIC = "PMTiles".getBytes(StandardCharsets.US_ASCII);

    /** How a directory or a tile is compressed (the spec's numbering). */
    public enum Compression {
        UNKNOWN, NONE, GZIP, BROTLI, ZSTD;

        static Compression of(int code) {
            return code >= 0 && code < values().length ? values()[code] : UNKNOWN;
        }
    }

    /** What the tiles are (the spec's numbering), with the content type a browser is told. */
    public enum TileType {
        UNKNOWN(null), MVT("application/vnd.mapbox-vector-tile"), PNG("image/png"), JPEG("image/jpeg"),
        WEBP("image/webp"), AVIF("image/avif");

        private final String contentType;

        TileType(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public boolean isRasterReachDraws() {
            return this == PNG || this == JPEG || this == WEBP;
        }

        static TileType of(int code) {
            return code >= 0 && code < values().length ? values()[code] : UNKNOWN;
        }
    }

    /**
     * Reads and checks a header: the magic, version 3, and sections that lie inside a file of this length. What the
     * tiles are is checked by {@link #requireRaster()}, so a reader may still open other archives.
     */
    public static PmTilesHeader parse(byte[] bytes, long fileLength) throws PmTilesRefusal {
        if (bytes.length < LENGTH) {
            boolean startsLikePmTiles = bytes.length >= MAGIC.length && startsWithMagic(bytes);
            throw new PmTilesRefusal(startsLikePmTiles ? Reason.TRUNCATED : Reason.NOT_PMTILES,
                    "only " + bytes.length + " bytes");
        }
        if (!startsWithMagic(bytes)) {
            throw new PmTilesRefusal(Reason.NOT_PMTILES, "no PMTiles magic");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        int version = in.get(7) & 0xff;
        if (version != 3) {
            throw new PmTilesRefusal(Reason.VERSION, "version " + version);
        }
        PmTilesHeader header = new PmTilesHeader(in.getLong(8), in.getLong(16), in.getLong(24), in.getLong(32),
                in.getLong(40), in.getLong(48), in.getLong(56), in.getLong(64), in.getLong(72),
                Compression.of(in.get(97) & 0xff), Compression.of(in.get(98) & 0xff), TileType.of(in.get(99) & 0xff),
                in.get(100) & 0xff, in.get(101) & 0xff,
                in.getInt(102) / 1e7, in.getInt(106) / 1e7, in.getInt(110) / 1e7, in.getInt(114) / 1e7);
        header.requireSectionsWithin(fileLength);
        return header;
    }

    /** Refuses archives whose tiles Reach's maps cannot draw as images. */
    public void requireRaster() throws PmTilesRefusal {
        if (tileType == TileType.MVT) {
            throw new PmTilesRefusal(Reason.VECTOR, "vector tiles");
        }
        if (!tileType.isRasterReachDraws()) {
            throw new PmTilesRefusal(Reason.TILE_TYPE, "tile type " + tileType);
        }
    }

    private void requireSectionsWithin(long fileLength) throws PmTilesRefusal {
        if (internalCompression != Compression.NONE && internalCompression != Compression.GZIP) {
            throw new PmTilesRefusal(Reason.COMPRESSION, "directories compressed with " + internalCompression);
        }
        if (tileCompression != Compression.NONE && tileCompression != Compression.UNKNOWN
                && tileCompression != Compression.GZIP) {
            throw new PmTilesRefusal(Reason.COMPRESSION, "tiles compressed with " + tileCompression);
        }
        if (rootLength <= 0) {
            throw new PmTilesRefusal(Reason.CORRUPT, "empty root directory");
        }
        if (minZoom > maxZoom || maxZoom > 31) {
            throw new PmTilesRefusal(Reason.CORRUPT, "zooms " + minZoom + "-" + maxZoom);
        }
        section("root directory", rootOffset, rootLength, fileLength);
        section("leaf directories", leafOffset, leafLength, fileLength);
        section("tile data", tileDataOffset, tileDataLength, fileLength);
    }

    private static void section(String name, long offset, long length, long fileLength) throws PmTilesRefusal {
        if (offset < 0 || length < 0) {
            throw new PmTilesRefusal(Reason.CORRUPT, name + " at a negative position");
        }
        if (offset > fileLength || length > fileLength - offset) {
            throw new PmTilesRefusal(Reason.TRUNCATED, name + " ends past the end of the file");
        }
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
