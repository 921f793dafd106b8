package org.reach.organisations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.organisations.store.MapBackgroundSettings;
import org.reach.organisations.tiles.PmTilesArchive;
import org.reach.organisations.tiles.PmTilesHeader;
import org.reach.organisations.tiles.PmTilesRefusal;
import org.reach.platform.Forbidden;
import org.reach.platform.ImageOrigins;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Each organisation's map background: Natural Earth's land shipped with Reach (the default, nothing fetched from
 * anywhere), the organisation's own tile server, or a PMTiles file it uploaded and Reach serves tile by tile. A map
 * background shows places, never clients: the organisation's people, its programme's people and administrators see
 * it; its manager and administrators change it.
 */
@Service
public class MapBackgrounds implements ImageOrigins {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    /** Another instance may change a background; a page policy follows within this long. */
    private static final Duration ORIGIN_KEPT = Duration.ofMinutes(1);

    private final MapBackgroundSettings settings;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Path files;
    private final long maxUploadBytes;
    private final Map<Long, OpenArchive> archives = new ConcurrentHashMap<>();
    private final Map<Long, KeptOrigin> origins = new ConcurrentHashMap<>();

    private record OpenArchive(String sha256, PmTilesArchive archive) {
    }

    private record KeptOrigin(String origin, Instant until) {
    }

    MapBackgrounds(MapBackgroundSettings settings, OrganisationDirectory directory, AuditTrail audit, Clock clock,
                   PlatformTransactionManager transactionManager, @Value("${reach.map.pmtiles-dir}") String files,
                   @Value("${reach.map.pmtiles-max-size}") DataSize maxUpload) {
        this.settings = settings;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.files = Path.of(files).toAbsolutePath().normalize();
        this.maxUploadBytes = maxUpload.toBytes();
    }

    // ---- who may do what

    /** The organisation's people, the people of its programme and administrators see its map background. */
    public boolean mayView(ReachUser actor, long organisationId) {
        return actor.isAdmin() || actor.isMemberOf(organisationId)
                || directory.programmePartners(actor).stream().anyMatch(o -> o.id() == organisationId);
    }

    /** The organisation's manager and administrators change it. */
    public boolean mayChange(ReachUser actor, long organisationId) {
        return actor.managesOrganisation(organisationId);
    }

    /** The largest PMTiles file accepted ({@code reach.map.pmtiles-max-size}), written for people: "200 MB". */
    public String maxUploadText() {
        long megabyte = 1024 * 1024;
        return maxUploadBytes % megabyte == 0 ? maxUploadBytes / megabyte + " MB" : Math.max(1, maxUploadBytes / 1024) + " KB";
    }

    // ---- reading

    /** An organisation's background; not found for anyone who may not see it. */
    public MapBackground background(ReachUser actor, long organisationId) {
        if (!mayView(actor, organisationId)) {
            throw new NotFound("organisation", organisationId);
        }
        return transactions.execute(status -> settings.of(organisationId))
                .orElseGet(() -> MapBackground.naturalEarth(organisationId));
    }

    /**
     * The background a person's maps draw: their organisation's, and Natural Earth's land alone for people of no
     * organisation (coordinators and administrators, whose maps span organisations).
     */
    public Optional<MapBackground> forViewer(ReachUser viewer) {
        if (viewer.organisationId() == null) {
            return Optional.empty();
        }
        return Optional.of(background(viewer, viewer.organisationId()));
    }

    /** The origin of the viewer's own organisation's tile server, when it chose one; kept a minute per organisation. */
    @Override
    public List<String> imageOrigins(ReachUser viewer) {
        Long organisationId = viewer.organisationId();
        if (organisationId == null) {
            return List.of();
        }
        Instant now = clock.instant();
        KeptOrigin kept = origins.get(organisationId);
        if (kept == null || now.isAfter(kept.until())) {
            String origin = transactions.execute(status -> settings.of(organisationId))
                    .filter(b -> b.kind() == MapBackgroundKind.TILE_SERVER && b.tileUrl() != null)
                    .map(b -> origin(b.tileUrl())).orElse(null);
            kept = new KeptOrigin(origin, now.plus(ORIGIN_KEPT));
            origins.put(organisationId, kept);
        }
        return kept.origin() == null ? List.of() : List.of(kept.origin());
    }

    /**
     * One tile of the organisation's uploaded file: not found for anyone who may not see the background; empty when
     * the file has no such tile or the organisation has no file.
     */
    public Optional<MapTile> tile(ReachUser actor, long organisationId, int z, long x, long y) {
        MapBackground background = background(actor, organisationId);
        UploadedTiles uploaded = background.pmtiles();
        if (uploaded == null) {
            return Optional.empty();
        }
        PmTilesArchive archive = archive(organisationId, uploaded.sha256());
        if (archive == null) {
            return Optional.empty();
        }
        PmTilesHeader header = archive.header();
        try {
            return archive.tile(z, x, y).map(bytes -> new MapTile(bytes, header.tileType().contentType(),
                    header.tileCompression() == PmTilesHeader.Compression.GZIP, uploaded.sha256()));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof ClosedChannelException) {
                // Replaced by a new upload while this tile was read, or closed because a reading thread was
                // interrupted: the next request opens the file again.
                archives.computeIfPresent(organisationId, (id, open) -> open.archive() == archive ? null : open);
                return Optional.empty();
            }
            throw e;
        }
    }

    // ---- changing

    /** Chooses Natural Earth, the organisation's own tile server, or its uploaded file, with the attribution shown. */
    public MapBackground choose(ReachUser actor, long organisationId, MapBackgroundForm form) {
        directory.organisation(actor, organisationId);
        if (!mayChange(actor, organisationId)) {
            throw new Forbidden("change map background");
        }
        MapBackground current = background(actor, organisationId);
        Problems problems = new Problems();
        if (form.kind() == null) {
            problems.add("kind", "error.required");
        }
        String tileUrl = trim(form.tileUrl());
        if (form.kind() == MapBackgroundKind.TILE_SERVER) {
            checkTileUrl(problems, tileUrl);
        } else if (tileUrl != null) {
            // A URL typed and then another kind chosen is kept only if it is one Reach would use.
            checkTileUrl(problems, tileUrl);
        }
        if (form.kind() == MapBackgroundKind.PMTILES && current.pmtiles() == null) {
            problems.add("kind", "organisation.map.error.noUpload");
        }
        String attribution = checkAttribution(problems, form.attribution());
        problems.throwIfAny();
        transactions.executeWithoutResult(status -> {
            settings.lock(organisationId);
            settings.saveChoice(organisationId, form.kind(), tileUrl, attribution, actor.id(), clock.instant());
            audit.recordWrite(actor, organisationId, AuditAction.UPDATE, "map_background", organisationId,
                    form.kind() + (tileUrl == null ? "" : " " + origin(tileUrl)));
        });
        origins.remove(organisationId);
        return background(actor, organisationId);
    }

    /**
     * Takes an uploaded PMTiles file as the organisation's background: copied to disk while its sha-256 is computed and
     * its size bounded, read through (raster tiles, every directory decodable, nothing past the end), then recorded.
     * A refused file leaves nothing behind and the previous background in place.
     */
    public MapBackground upload(ReachUser actor, long organisationId, String fileName, InputStream content,
                                String attribution) {
        directory.organisation(actor, organisationId);
        if (!mayChange(actor, organisationId)) {
            throw new Forbidden("upload map background");
        }
        Problems problems = new Problems();
        String cleanAttribution = checkAttribution(problems, attribution);
        String name = fileName(fileName);
        problems.throwIfAny();
        Path directoryOnDisk = filesDirectory();
        Path part = directoryOnDisk.resolve(organisationId + "-" + UUID.randomUUID() + ".part");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha)) {
                size = copyBounded(content, out);
            }
            if (size == 0) {
                throw InvalidInput.of("file", "organisation.map.error.empty");
            }
            String sha256 = HexFormat.of().formatHex(sha.digest());
            PmTilesHeader header;
            try (PmTilesArchive archive = PmTilesArchive.openChecked(part)) {
                header = archive.header();
            } catch (PmTilesRefusal refusal) {
                throw InvalidInput.of("file", refusal.reason().messageKey());
            }
            Path stored = directoryOnDisk.resolve(organisationId + "-" + sha256 + ".pmtiles");
            Files.move(part, stored, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Instant now = clock.instant();
            UploadedTiles tiles = new UploadedTiles(name, size, sha256, header.tileType().name(), header.minZoom(),
                    header.maxZoom(), header.minLongitude(), header.minLatitude(), header.maxLongitude(),
                    header.maxLatitude(), actor.id(), now);
            String finalName = name;
            Optional<MapBackground> before = transactions.execute(status -> {
                settings.lock(organisationId); // two uploads at once: the later one sees the earlier as previous
                Optional<MapBackground> previous = settings.of(organisationId);
                // An upload without an attribution keeps the one already shown; the settings form clears it.
                String shown = cleanAttribution != null ? cleanAttribution
                        : previous.map(MapBackground::attribution).orElse(null);
                settings.saveUpload(organisationId, tiles, shown, now);
                audit.recordWrite(actor, organisationId, AuditAction.UPDATE, "map_background", organisationId,
                        "PMTILES " + finalName + " " + size + " bytes sha-256 " + sha256);
                return previous;
            });
            origins.remove(organisationId);
            before.map(MapBackground::pmtiles).filter(old -> !old.sha256().equals(sha256))
                    .ifPresent(old -> deleteQuietly(directoryOnDisk.resolve(organisationId + "-" + old.sha256() + ".pmtiles")));
            return background(actor, organisationId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(part);
        }
    }

    /** Closes the files tiles were read from, when Reach stops. */
    @PreDestroy
    void closeArchives() {
        synchronized (archives) {
            archives.values().forEach(open -> {
                try {
                    open.archive().close();
                } catch (IOException ignored) {
                    // Stopping anyway.
                }
            });
            archives.clear();
        }
    }

    // ---- checks

    /**
     * A tile server URL template: https (plain http only to this machine), a host name and no credentials, with {z},
     * {x} and {y} and no other placeholder. Anything else would send staff's map views somewhere unintended.
     */
    private static void checkTileUrl(Problems problems, String url) {
        if (url == null) {
            problems.add("tileUrl", "error.required");
            return;
        }
        if (url.length() > 500) {
            problems.add("tileUrl", "error.tooLong", 500);
            return;
        }
        if (!url.contains("{z}") || !url.contains("{x}") || !url.contains("{y}")
                || url.replace("{z}", "").replace("{x}", "").replace("{y}", "").matches(".*[{}].*")) {
            problems.add("tileUrl", "organisation.map.error.placeholders");
            return;
        }
        URI uri;
        try {
            uri = new URI(url.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
        } catch (URISyntaxException e) {
            problems.add("tileUrl", "organisation.map.error.url");
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || uri.getRawAuthority() == null || host == null || uri.getRawFragment() != null) {
            problems.add("tileUrl", "organisation.map.error.url");
        } else if (uri.getRawUserInfo() != null) {
            problems.add("tileUrl", "organisation.map.error.credentials");
        } else if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(host))) {
            problems.add("tileUrl", "organisation.map.error.https");
        } else if (!HOST.matcher(host).matches() && !host.equals("[::1]")) {
            problems.add("tileUrl", "organisation.map.error.url");
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The scheme, host and port of an accepted template, as the page policy names it. */
    static String origin(String url) {
        URI uri = URI.create(url.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The name as uploaded, for people to recognise: no folders, no control characters, at most 255 characters. */
    private static String fileName(String uploaded) {
        String name = uploaded == null ? "" : uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "tiles.pmtiles";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static String checkAttribution(Problems problems, String attribution) {
        String clean = trim(attribution);
        if (clean != null && clean.length() > 300) {
            problems.add("attribution", "error.tooLong", 300);
        }
        return clean;
    }

    // ---- files

    private long copyBounded(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxUploadBytes) {
                throw InvalidInput.of("file", "organisation.map.error.tooLarge", maxUploadText());
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private PmTilesArchive archive(long organisationId, String sha256) {
        OpenArchive open = archives.get(organisationId);
        if (open != null && open.sha256().equals(sha256)) {
            return open.archive();
        }
        synchronized (archives) {
            open = archives.get(organisationId);
            if (open != null && open.sha256().equals(sha256)) {
                return open.archive();
            }
            Path file = filesDirectory().resolve(organisationId + "-" + sha256 + ".pmtiles");
            if (!Files.isRegularFile(file)) {
                return null; // moved or restored without its files: the land shows through
            }
            try {
                PmTilesArchive archive = PmTilesArchive.open(file);
                OpenArchive previous = archives.put(organisationId, new OpenArchive(sha256, archive));
                if (previous != null) {
                    previous.archive().close();
                }
                return archive;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (PmTilesRefusal e) {
                return null;
            }
        }
    }

    private Path filesDirectory() {
        try {
            return Files.createDirectories(files);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + files + " (reach.map.pmtiles-dir)", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A stray file is harmless: it is named by its hash and never served once its row moved on.
        }
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
