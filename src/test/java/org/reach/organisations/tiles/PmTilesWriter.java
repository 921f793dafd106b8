package org.reach.organisations.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small PMTiles v3 archives for tests, apart from the reader: tile ids come from walking the Hilbert curve
 * forwards (position to x/y) rather than the reader's x/y to position, directories can be gzipped and split into
 * leaves, and entries can cover runs of equal tiles.
 */
public final class PmTilesWriter {

    /** A one-pixel PNG, so a browser draws what Reach serves. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private record Entry(long tileId, long runLength, byte[] bytes) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private int tileType = 2; // PNG
    private boolean gzipDirectories;
    private int entriesPerLeaf; // 0: everything in the root
    private int version = 3;
    private int minZoom = 0;
    private int maxZoom = 0;

    public PmTilesWriter tile(int z, int x, int y, byte[] bytes) {
        return run(z, x, y, 1, bytes);
    }

    /** One entry standing for this tile and the next count-1 tiles along the curve, all with the same bytes. */
    public PmTilesWriter run(int z, int x, int y, int count, byte[] bytes) {
        entries.add(new Entry(hilbertTileId(z, x, y), count, bytes));
        maxZoom = Math.max(maxZoom, z);
        return this;
    }

    public PmTilesWriter tileType(int code) {
        this.tileType = code;
        return this;
    }

    public PmTilesWriter gzipDirectories() {
        this.gzipDirectories = true;
        return this;
    }

    public PmTilesWriter leavesOf(int entries) {
        this.entriesPerLeaf = entries;
        return this;
    }

    public PmTilesWriter version(int version) {
        this.version = version;
        return this;
    }

    public PmTilesWriter zooms(int min, int max) {
        this.minZoom = min;
        this.maxZoom = max;
        return this;
    }

    public byte[] bytes() {
        List<Entry> sorted = entries.stream().sorted(Comparator.comparingLong(Entry::tileId)).toList();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        long[] offsets = new long[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            offsets[i] = data.size();
            data.writeBytes(sorted.get(i).bytes());
        }
        byte[] root;
        ByteArrayOutputStream leaves = new ByteArrayOutputStream();
        if (entriesPerLeaf == 0) {
            root = directory(sorted, offsets, 0, sorted.size());
        } else {
            List<long[]> pointers = new ArrayList<>(); // tile id, offset, length
            for (int from = 0; from < sorted.size(); from += entriesPerLeaf) {
                byte[] leaf = directory(sorted, offsets, from, Math.min(sorted.size(), from + entriesPerLeaf));
                pointers.add(new long[] {sorted.get(from).tileId(), leaves.size(), leaf.length});
                leaves.writeBytes(leaf);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            varint(out, pointers.size());
            long previous = 0;
            for (long[] p : pointers) {
                varint(out, p[0] - previous);
                previous = p[0];
            }
            pointers.forEach(p -> varint(out, 0)); // run length 0: a leaf
            pointers.forEach(p -> varint(out, p[2]));
            pointers.forEach(p -> varint(out, p[1] + 1));
            root = compress(out.toByteArray());
        }
        byte[] metadata = compress("{}".getBytes(StandardCharsets.UTF_8));
        long rootOffset = 127;
        long metadataOffset = rootOffset + root.length;
        long leafOffset = metadataOffset + metadata.length;
        long dataOffset = leafOffset + leaves.size();
        ByteBuffer header = ByteBuffer.allocate(127).order(ByteOrder.LITTLE_ENDIAN);
        header.put("PMTiles".getBytes(StandardCharsets.US_ASCII)).put((byte) version);
        header.putLong(rootOffset).putLong(root.length).putLong(metadataOffset).putLong(metadata.length)
                .putLong(leafOffset).putLong(leaves.size()).putLong(dataOffset).putLong(data.size())
                .putLong(sorted.stream().mapToLong(Entry::runLength).sum()).putLong(sorted.size()).putLong(sorted.size());
        header.put((byte) 1).put((byte) (gzipDirectories ? 2 : 1)).put((byte) 1).put((byte) tileType)
                .put((byte) minZoom).put((byte) maxZoom);
        header.putInt(669_000_000).putInt(247_000_000).putInt(672_000_000).putInt(250_000_000); // around Karachi
        header.put((byte) minZoom).putInt(670_000_000).putInt(248_600_000);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(header.array());
        file.writeBytes(root);
        file.writeBytes(metadata);
        file.writeBytes(leaves.toByteArray());
        file.writeBytes(data.toByteArray());
        return file.toByteArray();
    }

    private byte[] directory(List<Entry> sorted, long[] offsets, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, to - from);
        long previous = 0;
        for (int i = from; i < to; i++) {
            varint(out, sorted.get(i).tileId() - previous);
            previous = sorted.get(i).tileId();
        }
        for (int i = from; i < to; i++) {
            varint(out, sorted.get(i).runLength());
        }
        for (int i = from; i < to; i++) {
            varint(out, sorted.get(i).bytes().length);
        }
        for (int i = from; i < to; i++) {
            boolean followsPrevious = i > from && offsets[i] == offsets[i - 1] + sorted.get(i - 1).bytes().length;
            varint(out, followsPrevious ? 0 : offsets[i] + 1);
        }
        return compress(out.toByteArray());
    }

    private byte[] compress(byte[] plain) {
        if (!gzipDirectories) {
            return plain;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while (value >= 0x80) {
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    /**
     * Counts the tiles of lower zooms, then finds x/y on the curve quadrant by quadrant: the curve visits the lower
     * left, upper left, upper right and lower right quarters in turn, the first transposed and the last turned the
     * other way, so each quarter is the whole curve at half the size.
     */
    static long hilbertTileId(int z, int x, int y) {
        long before = 0;
        for (int i = 0; i < z; i++) {
            before += 1L << (2 * i);
        }
        return before + place(1L << z, x, y);
    }

    private static long place(long n, long x, long y) {
        if (n == 1) {
            return 0;
        }
        long h = n / 2;
        boolean right = x >= h;
        boolean up = y >= h;
        if (!right && !up) {
            return place(h, y, x);
        }
        if (!right) {
            return h * h + place(h, x, y - h);
        }
        if (up) {
            return 2 * h * h + place(h, x - h, y - h);
        }
        return 3 * h * h + place(h, h - 1 - y, 2 * h - 1 - x);
    }

    /** The x/y of the tile this many places further along the curve than x/y, at the same zoom. */
    public static long[] along(int z, int x, int y, int places) {
        long before = 0;
        for (int i = 0; i < z; i++) {
            before += 1L << (2 * i);
        }
        return position(1L << z, hilbertTileId(z, x, y) - before + places);
    }

    /** The x/y of position d on the Hilbert curve through an n × n grid, built up from the smallest square. */
    private static long[] position(long n, long d) {
        long x = 0;
        long y = 0;
        long t = d;
        for (long s = 1; s < n; s *= 2) {
            long rx = 1 & (t / 2);
            long ry = 1 & (t ^ rx);
            if (ry == 0) {
                if (rx == 1) {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }
                long swap = x;
                x = y;
                y = swap;
            }
            x += s * rx;
            y += s * ry;
            t /= 4;
        }
        return new long[] {x, y};
    }
}
