package org.reach.organisations.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reach.organisations.tiles.PmTilesHeader.TileType;
import org.reach.organisations.tiles.PmTilesRefusal.Reason;

/** The PMTiles reader against archives written by the independent test writer. */
class PmTilesArchiveTest {

    @TempDir
    Path dir;

    @Test
    void tileIdsFollowTheSpecsHilbertOrderAndMatchTheWriter() {
        assertThat(PmTilesArchive.tileId(0, 0, 0)).isZero();
        // zoom 1 along the curve: 0/0, 0/1, 1/1, 1/0 after the single zoom-0 tile
        assertThat(PmTilesArchive.tileId(1, 0, 0)).isEqualTo(1);
        assertThat(PmTilesArchive.tileId(1, 0, 1)).isEqualTo(2);
        assertThat(PmTilesArchive.tileId(1, 1, 1)).isEqualTo(3);
        assertThat(PmTilesArchive.tileId(1, 1, 0)).isEqualTo(4);
        assertThat(PmTilesArchive.tileId(2, 0, 0)).isEqualTo(5);
        for (int z = 0; z <= 5; z++) {
            for (int x = 0; x < (1 << z); x++) {
                for (int y = 0; y < (1 << z); y++) {
                    assertThat(PmTilesArchive.tileId(z, x, y)).as(z + "/" + x + "/" + y)
                            .isEqualTo(PmTilesWriter.hilbertTileId(z, x, y));
                }
            }
        }
        // the writer's walk back from a position lands where the reader's id says
        for (int z = 0; z <= 16; z += 4) {
            long[] xy = PmTilesWriter.along(z, 0, 0, (int) Math.min(12_345, (1L << (2 * z)) - 1));
            long expected = PmTilesArchive.tileId(z, 0, 0) + Math.min(12_345, (1L << (2 * z)) - 1);
            assertThat(PmTilesArchive.tileId(z, xy[0], xy[1])).as("zoom " + z).isEqualTo(expected);
        }
        assertThatThrownBy(() -> PmTilesArchive.tileId(2, 4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredTileIsFoundAndAnAbsentOneIsNot() throws Exception {
        byte[] harbour = "harbour".getBytes(StandardCharsets.US_ASCII);
        byte[] market = "market".getBytes(StandardCharsets.US_ASCII);
        Path file = write(new PmTilesWriter().tile(0, 0, 0, PmTilesWriter.PNG).tile(3, 5, 3, harbour).tile(3, 6, 3, market)
                .zooms(0, 3).bytes());
        try (PmTilesArchive archive = PmTilesArchive.openChecked(file)) {
            assertThat(archive.header().tileType()).isEqualTo(TileType.PNG);
            assertThat(archive.header().maxZoom()).isEqualTo(3);
            assertThat(archive.header().minLongitude()).isEqualTo(66.9);
            assertThat(archive.tile(3, 5, 3)).hasValueSatisfying(t -> assertThat(t).isEqualTo(harbour));
            assertThat(archive.tile(3, 6, 3)).hasValueSatisfying(t -> assertThat(t).isEqualTo(market));
            assertThat(ImageIO.read(new ByteArrayInputStream(archive.tile(0, 0, 0).orElseThrow()))).isNotNull();
            assertThat(archive.tile(3, 5, 4)).isEmpty();
            assertThat(archive.tile(3, 7, 7)).isEmpty();
            assertThat(archive.tile(4, 0, 0)).as("beyond the maximum zoom").isEmpty();
            assertThat(archive.tile(3, 8, 0)).as("outside the grid").isEmpty();
            assertThat(archive.tile(3, -1, 0)).isEmpty();
        }
    }

    @Test
    void aRunOfEqualTilesAnswersEveryTileInItAndNoneAfter() throws Exception {
        byte[] sea = "sea".getBytes(StandardCharsets.US_ASCII);
        // zoom 2 starts at tile id 5; a run of 6 from 2/0/0 covers ids 5..10
        Path file = write(new PmTilesWriter().run(2, 0, 0, 6, sea).zooms(2, 2).bytes());
        try (PmTilesArchive archive = PmTilesArchive.openChecked(file)) {
            int found = 0;
            for (int x = 0; x < 4; x++) {
                for (int y = 0; y < 4; y++) {
                    long id = PmTilesArchive.tileId(2, x, y);
                    Optional<byte[]> tile = archive.tile(2, x, y);
                    assertThat(tile.isPresent()).as("tile id " + id).isEqualTo(id >= 5 && id <= 10);
                    found += tile.isPresent() ? 1 : 0;
                }
            }
            assertThat(found).isEqualTo(6);
        }
    }

    @Test
    void tilesBehindLeafDirectoriesInGzippedDirectoriesAreFoundFromManyThreads() throws Exception {
        PmTilesWriter writer = new PmTilesWriter().gzipDirectories().leavesOf(7).zooms(0, 4);
        List<byte[]> expected = new ArrayList<>();
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y += 2) {
                byte[] bytes = ("tile 4/" + x + "/" + y).getBytes(StandardCharsets.US_ASCII);
                writer.tile(4, x, y, bytes);
                expected.add(bytes);
            }
        }
        Path file = write(writer.bytes());
        try (PmTilesArchive archive = PmTilesArchive.openChecked(file)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> checks = new ArrayList<>();
                for (int round = 0; round < 8; round++) {
                    checks.add(pool.submit(() -> {
                        int matched = 0;
                        for (int x = 0; x < 16; x++) {
                            for (int y = 0; y < 16; y++) {
                                Optional<byte[]> tile = archive.tile(4, x, y);
                                if (y % 2 == 0) {
                                    assertThat(tile.map(t -> new String(t, StandardCharsets.US_ASCII)))
                                            .hasValue("tile 4/" + x + "/" + y);
                                    matched++;
                                } else {
                                    assertThat(tile).isEmpty();
                                }
                            }
                        }
                        return matched;
                    }));
                }
                for (Future<Integer> check : checks) {
                    assertThat(check.get()).isEqualTo(expected.size());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void vectorTilesAreRefusedWithTheirOwnReason() throws Exception {
        Path file = write(new PmTilesWriter().tileType(1).tile(0, 0, 0, new byte[] {1, 2}).bytes());
        assertThatThrownBy(() -> PmTilesArchive.openChecked(file)).isInstanceOfSatisfying(PmTilesRefusal.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.VECTOR));
        Path avif = write(new PmTilesWriter().tileType(5).tile(0, 0, 0, new byte[] {1, 2}).bytes());
        assertThatThrownBy(() -> PmTilesArchive.openChecked(avif)).isInstanceOfSatisfying(PmTilesRefusal.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TILE_TYPE));
    }

    @Test
    void filesThatAreNotVersionThreeOrAreCutShortOrCorruptAreRefused() throws Exception {
        byte[] good = new PmTilesWriter().gzipDirectories().leavesOf(2).tile(2, 0, 0, PmTilesWriter.PNG)
                .tile(2, 1, 1, PmTilesWriter.PNG).tile(2, 3, 3, PmTilesWriter.PNG).zooms(2, 2).bytes();
        assertThat(refusal("just some text that is long enough to be a header if it had the magic".repeat(3)
                .getBytes(StandardCharsets.US_ASCII))).isEqualTo(Reason.NOT_PMTILES);
        assertThat(refusal(new byte[0])).isEqualTo(Reason.NOT_PMTILES);
        assertThat(refusal(new PmTilesWriter().version(2).tile(0, 0, 0, PmTilesWriter.PNG).bytes())).isEqualTo(Reason.VERSION);
        assertThat(refusal(Arrays.copyOf(good, 60))).isEqualTo(Reason.TRUNCATED);
        assertThat(refusal(Arrays.copyOf(good, good.length - 3))).isEqualTo(Reason.TRUNCATED);
        byte[] scrambled = good.clone();
        for (int i = 127; i < 140; i++) {
            scrambled[i] = (byte) 0x5a; // the gzipped root directory
        }
        assertThat(refusal(scrambled)).isEqualTo(Reason.CORRUPT);
        byte[] brotli = good.clone();
        brotli[97] = 3;
        assertThat(refusal(brotli)).isEqualTo(Reason.COMPRESSION);
    }

    private Reason refusal(byte[] bytes) throws IOException {
        Path file = write(bytes);
        try (PmTilesArchive archive = PmTilesArchive.openChecked(file)) {
            throw new AssertionError("accepted " + archive.header());
        } catch (PmTilesRefusal refusal) {
            return refusal.reason();
        }
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "archive", ".pmtiles");
        return Files.write(file, bytes);
    }
}
