package org.reach.organisations.tiles;

/**
 * Why a file is not a PMTiles archive Reach can draw. The reason names a message (organisation.map.pmtiles.reason),
 * so the person uploading reads what is wrong and what to do, not a stack trace.
 */
public final class PmTilesRefusal extends Exception {

    /** The kinds of refusal, each with its own message key. */
    public enum Reason {
        /** The file does not start with the PMTiles magic. */
        NOT_PMTILES,
        /** A PMTiles archive of a version other than 3. */
        VERSION,
        /** Vector tiles: Reach's maps draw raster images. */
        VECTOR,
        /** A tile type other than PNG, JPEG or WebP. */
        TILE_TYPE,
        /** Directories or tiles compressed with something java.util.zip cannot read (brotli, zstd). */
        COMPRESSION,
        /** Sections that point past the end of the file, or a file cut short. */
        TRUNCATED,
        /** Directories that cannot be decoded. */
        CORRUPT;

        public String messageKey() {
            return "organisation.map.pmtiles." + name();
        }
    }

    private final Reason reason;

    public PmTilesRefusal(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
