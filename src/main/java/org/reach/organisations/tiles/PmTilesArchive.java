package org.reach.organisations.tiles;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.reach.organisations.tiles.PmTilesHeader.Compression;
import org.reach.organisations.tiles.PmTilesRefusal.Reason;

/**
 * Reads tiles out of a PMTiles version 3 archive on disk. Every read is a positional read on one {@link FileChannel},
 * which is safe from many threads at once; decoded leaf directories are kept in a small cache shared by them, since
 * neighbouring tiles a map asks for together sit in the same leaf.
 */
public final class PmTilesArchive implements Closeable {

    /** The spec allows a root and at most three levels of leaves below it; deeper nesting means a corrupt file. */
    private static final int MAX_DEPTH = 4;
    /** A decoded directory larger than this is refused rather than filling memory (a gzip bomb). */
    private static final int MAX_DIRECTORY_BYTES = 32 * 1024 * 1024;
    private static final int CACHED_DIRECTORIES = 64;
    /** A map tile is tens of kilobytes; one larger than this is refused rather than read into memory. */
    private static final int MAX_TILE_BYTES = 16 * 1024 * 1024;

    private final FileChannel channel;
    private final PmTilesHeader header;
    private final Directory root;
    private final Map<Long, Directory> leaves = new LinkedHashMap<>(CACHED_DIRECTORIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Directory> eldest) {
            return size() > CACHED_DIRECTORIES;
        }
    };

    private PmTilesArchive(FileChannel channel) throws IOException, PmTilesRefusal {
        this.channel = channel;
        long size = channel.size();
        this.header = PmTilesHeader.parse(read(0, (int) Math.min(PmTilesHeader.LENGTH, size)), size);
        this.root = directory(header.rootOffset(), header.rootLength());
    }

    /** Opens an archive, checking its header and root directory; the caller closes it. */
    public static PmTilesArchive open(Path file) throws IOException, PmTilesRefusal {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new PmTilesArchive(channel);
        } catch (IOException | PmTilesRefusal | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Opens an archive and checks all of it that a map would touch: raster tiles, every leaf directory decodable, every
     * entry inside its section. A file that passes serves every tile it names.
     */
    public static PmTilesArchive openChecked(Path file) throws IOException, PmTilesRefusal {
        PmTilesArchive archive = open(file);
        try {
            archive.header.requireRaster();
            archive.check(archive.root, 1);
            return archive;
        } catch (IOException | PmTilesRefusal | RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    public PmTilesHeader header() {
        return header;
    }

    /** The bytes of one tile as stored (still compressed when the header's tile compression says so), if present. */
    public Optional<byte[]> tile(int z, long x, long y) {
        if (z < header.minZoom() || z > header.maxZoom() || z > 31 || x < 0 || y < 0 || x >= (1L << z) || y >= (1L << z)) {
            return Optional.empty();
        }
        long tileId = tileId(z, x, y);
        try {
            Directory directory = root;
            for (int depth = 1; depth <= MAX_DEPTH; depth++) {
                int i = directory.lastAtOrBefore(tileId);
                if (i < 0) {
                    return Optional.empty();
                }
                if (directory.runLengths[i] == 0) {
                    directory = leaf(header.leafOffset() + directory.offsets[i], directory.lengths[i]);
                    continue;
                }
                if (tileId - directory.tileIds[i] >= directory.runLengths[i]) {
                    return Optional.empty();
                }
                if (directory.lengths[i] > MAX_TILE_BYTES) {
                    return Optional.empty();
                }
                return Optional.of(read(header.tileDataOffset() + directory.offsets[i], (int) directory.lengths[i]));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PmTilesRefusal e) {
            // Checked at upload; a file changed on disk since then serves nothing rather than garbage.
            return Optional.empty();
        }
    }

    /**
     * The tile id of z/x/y: the tiles of all lower zooms come first (4^0 + … + 4^(z-1) of them), then the position of
     * x/y along the Hilbert curve that fills the 2^z × 2^z grid.
     */
    public static long tileId(int z, long x, long y) {
        if (z < 0 || z > 31) {
            throw new IllegalArgumentException("zoom " + z);
        }
        long n = 1L << z;
        if (x < 0 || y < 0 || x >= n || y >= n) {
            throw new IllegalArgumentException(z + "/" + x + "/" + y + " is outside the grid");
        }
        long before = ((1L << (2 * z)) - 1) / 3;
        long d = 0;
        for (long s = n / 2; s > 0; s /= 2) {
            long rx = (x & s) > 0 ? 1 : 0;
            long ry = (y & s) > 0 ? 1 : 0;
            d += s * s * ((3 * rx) ^ ry);
            // Turn the quadrant so the curve inside it runs the same way as the whole.
            if (ry == 0) {
                if (rx == 1) {
                    x = s - 1 - (x & (s - 1));
                    y = s - 1 - (y & (s - 1));
                }
                long t = x;
                x = y;
                y = t;
            }
            x &= s - 1;
            y &= s - 1;
        }
        return before + d;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void check(Directory directory, int depth) throws IOException, PmTilesRefusal {
        if (depth > MAX_DEPTH) {
            throw new PmTilesRefusal(Reason.CORRUPT, "leaf directories nested deeper than " + MAX_DEPTH);
        }
        for (int i = 0; i < directory.size(); i++) {
            if (i > 0 && directory.tileIds[i] <= directory.tileIds[i - 1]) {
                throw new PmTilesRefusal(Reason.CORRUPT, "tile ids out of order");
            }
            long sectionLength = directory.runLengths[i] == 0 ? header.leafLength() : header.tileDataLength();
            if (directory.lengths[i] <= 0 || directory.offsets[i] > sectionLength
                    || directory.lengths[i] > sectionLength - directory.offsets[i]) {
                throw new PmTilesRefusal(Reason.TRUNCATED, "entry " + directory.tileIds[i] + " points past its section");
            }
            if (directory.runLengths[i] > 0 && directory.lengths[i] > MAX_TILE_BYTES) {
                throw new PmTilesRefusal(Reason.CORRUPT, "a tile of " + directory.lengths[i] + " bytes");
            }
            if (directory.runLengths[i] == 0) {
                check(directory(header.leafOffset() + directory.offsets[i], directory.lengths[i]), depth + 1);
            }
        }
    }

    private Directory leaf(long offset, long length) throws IOException, PmTilesRefusal {
        synchronized (leaves) {
            Directory cached = leaves.get(offset);
            if (cached != null) {
                return cached;
            }
        }
        Directory decoded = directory(offset, length);
        synchronized (leaves) {
            leaves.put(offset, decoded);
        }
        return decoded;
    }

    private Directory directory(long offset, long length) throws IOException, PmTilesRefusal {
        if (length <= 0 || length > MAX_DIRECTORY_BYTES) {
            throw new PmTilesRefusal(Reason.CORRUPT, "directory of " + length + " bytes");
        }
        if (offset + length > channel.size()) {
            throw new PmTilesRefusal(Reason.TRUNCATED, "directory ends past the end of the file");
        }
        byte[] stored = read(offset, (int) length);
        byte[] plain = header == null || header.internalCompression() == Compression.NONE ? stored : gunzip(stored);
        return Directory.decode(plain);
    }

    private static byte[] gunzip(byte[] compressed) throws PmTilesRefusal {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_DIRECTORY_BYTES) {
                    throw new PmTilesRefusal(Reason.CORRUPT, "directory larger than " + MAX_DIRECTORY_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        } catch (EOFException e) {
            throw new PmTilesRefusal(Reason.TRUNCATED, "directory cut short");
        } catch (ZipException e) {
            throw new PmTilesRefusal(Reason.CORRUPT, "directory is not gzip: " + e.getMessage());
        } catch (IOException e) {
            throw new PmTilesRefusal(Reason.CORRUPT, "directory unreadable: " + e.getMessage());
        }
    }

    private byte[] read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("end of file at " + (position + buffer.position()));
            }
        }
        return buffer.array();
    }

    /** One decoded directory: entries sorted by tile id; a run length of 0 marks a leaf directory. */
    private record Directory(long[] tileIds, long[] runLengths, long[] lengths, long[] offsets) {

        int size() {
            return tileIds.length;
        }

        /** The index of the last entry whose tile id is at most this one, or -1. */
        int lastAtOrBefore(long tileId) {
            int low = 0;
            int high = tileIds.length - 1;
            int found = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (tileIds[mid] <= tileId) {
                    found = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return found;
        }

        /**
         * The directory layout: the number of entries, then per column (tile id deltas, run lengths, lengths, offsets)
         * one varint per entry. An offset of 0 after the first entry means "right after the previous entry";
         * otherwise the stored value is the offset plus one.
         */
        static Directory decode(byte[] bytes) throws PmTilesRefusal {
            Varints in = new Varints(bytes);
            long count = in.next();
            if (count <= 0 || count > bytes.length) {
                throw new PmTilesRefusal(Reason.CORRUPT, "directory of " + count + " entries in " + bytes.length + " bytes");
            }
            int n = (int) count;
            long[] tileIds = new long[n];
            long[] runLengths = new long[n];
            long[] lengths = new long[n];
            long[] offsets = new long[n];
            long last = 0;
            for (int i = 0; i < n; i++) {
                last += in.next();
                tileIds[i] = last;
            }
            for (int i = 0; i < n; i++) {
                runLengths[i] = in.next();
            }
            for (int i = 0; i < n; i++) {
                lengths[i] = in.next();
            }
            for (int i = 0; i < n; i++) {
                long stored = in.next();
                offsets[i] = stored == 0 && i > 0 ? offsets[i - 1] + lengths[i - 1] : stored - 1;
                if (offsets[i] < 0) {
                    throw new PmTilesRefusal(Reason.CORRUPT, "first entry without an offset");
                }
            }
            return new Directory(tileIds, runLengths, lengths, offsets);
        }
    }

    /** Unsigned LEB128 varints, as protocol buffers write them. */
    private static final class Varints {
        private final byte[] bytes;
        private int position;

        Varints(byte[] bytes) {
            this.bytes = bytes;
        }

        long next() throws PmTilesRefusal {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= bytes.length) {
                    throw new PmTilesRefusal(Reason.CORRUPT, "directory ends inside a number");
                }
                int b = bytes[position++] & 0xff;
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    if (value < 0) {
                        throw new PmTilesRefusal(Reason.CORRUPT, "number out of range");
                    }
                    return value;
                }
            }
            throw new PmTilesRefusal(Reason.CORRUPT, "number longer than 64 bits");
        }
    }
}
