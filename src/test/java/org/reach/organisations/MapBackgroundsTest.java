package org.reach.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.audit.AuditTrail;
import org.reach.organisations.tiles.PmTilesWriter;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * An organisation's map background through its API and pages: uploading and replacing a PMTiles file, the tiles Reach
 * serves from it to the organisation and its programme only, refusals beside their field, the organisation's own tile
 * server in its people's page policy only, and its attribution shown as text.
 */
@SpringBootTest(properties = "reach.map.pmtiles-max-size=64KB")
@AutoConfigureMockMvc
class MapBackgroundsTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;

    /** One directory for this context (the default sits under a files directory named afresh at every look-up). */
    private static final Path PMTILES_DIR = temporaryDirectory();
    private static final String pmtilesDir = PMTILES_DIR.toString();

    @DynamicPropertySource
    static void pmtilesDirectory(DynamicPropertyRegistry properties) {
        properties.add("reach.map.pmtiles-dir", () -> pmtilesDir);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("reach-test-map-backgrounds");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ProgrammeFixture world;

    @BeforeEach
    void world() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
    }

    @Test
    void anUploadedFileIsServedTileByTileToTheOrganisationAndItsProgrammeOnly() throws Exception {
        byte[] street = "street tile".getBytes(StandardCharsets.US_ASCII);
        byte[] file = new PmTilesWriter().gzipDirectories().leavesOf(3).zooms(10, 12)
                .tile(12, 2951, 1755, street).tile(12, 2952, 1755, PmTilesWriter.PNG).tile(12, 2953, 1755, street)
                .run(12, 2951, 1756, 3, PmTilesWriter.PNG).tile(11, 1475, 877, PmTilesWriter.PNG).bytes();

        mvc.perform(uploadApi(world.home.id(), file, "Karachi streets © our own survey").param("name", "karachi.pmtiles")
                        .header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("PMTILES"))
                .andExpect(jsonPath("$.attribution").value("Karachi streets © our own survey"))
                .andExpect(jsonPath("$.pmtiles.name").value("karachi.pmtiles"))
                .andExpect(jsonPath("$.pmtiles.size").value(file.length))
                .andExpect(jsonPath("$.pmtiles.tileType").value("PNG"))
                .andExpect(jsonPath("$.pmtiles.minZoom").value(10))
                .andExpect(jsonPath("$.pmtiles.maxZoom").value(12));
        String sha = sha256(file);

        MvcResult tile = mvc.perform(get("/map/tiles/{o}/12/2952/1755", world.home.id()).with(user(peer())))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(header().string("ETag", "\"" + sha + "\""))
                .andReturn();
        assertThat(tile.getResponse().getContentAsByteArray()).isEqualTo(PmTilesWriter.PNG);
        assertThat(tile.getResponse().getHeader("Cache-Control")).contains("private");
        assertThat(mvc.perform(get("/map/tiles/{o}/12/2953/1755", world.home.id()).with(user(peer())))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(street);
        long[] lastOfRun = PmTilesWriter.along(12, 2951, 1756, 2);
        long[] afterRun = PmTilesWriter.along(12, 2951, 1756, 3);
        mvc.perform(get("/map/tiles/{o}/12/{x}/{y}", world.home.id(), lastOfRun[0], lastOfRun[1]).with(user(peer())))
                .andExpect(status().isOk()).andExpect(content().bytes(PmTilesWriter.PNG));
        mvc.perform(get("/map/tiles/{o}/12/{x}/{y}", world.home.id(), afterRun[0], afterRun[1]).with(user(peer())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/map/tiles/{o}/12/2952/1755", world.home.id()).with(user(peer()))
                .header("If-None-Match", "\"" + sha + "\"")).andExpect(status().isNotModified());
        mvc.perform(get("/map/tiles/{o}/12/0/0", world.home.id()).with(user(peer()))).andExpect(status().isNoContent());
        mvc.perform(get("/map/tiles/{o}/3/1/1", world.home.id()).with(user(peer()))).andExpect(status().isNoContent());
        // the programme's coordinator may look; another programme's people may not even learn there is a file
        mvc.perform(get("/map/tiles/{o}/12/2952/1755", world.home.id()).with(user(world.user(Role.COORDINATOR))))
                .andExpect(status().isOk());
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        mvc.perform(get("/map/tiles/{o}/12/2952/1755", world.home.id()).with(user(foreignManager)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/organisations/{o}/map-background", world.home.id())
                .header("Authorization", "Bearer " + world.foreignManagerToken())).andExpect(status().isNotFound());

        mvc.perform(get("/map/background").with(user(peer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("PMTILES"))
                .andExpect(jsonPath("$.tiles").value("/map/tiles/" + world.home.id() + "/{z}/{x}/{y}?v=" + sha.substring(0, 12)))
                .andExpect(jsonPath("$.maxZoom").value(12))
                .andExpect(jsonPath("$.bounds[0][0]").value(24.7));
        mvc.perform(get("/map/background").with(user(foreignManager))).andExpect(jsonPath("$.kind").value("NATURAL_EARTH"))
                .andExpect(jsonPath("$.tiles").doesNotExist());
        assertThat(Files.exists(Path.of(pmtilesDir).resolve(world.home.id() + "-" + sha + ".pmtiles"))).isTrue();
        assertThat(audit.search(ReachUser.system(), new org.reach.audit.AuditFilter(null, null, null,
                org.reach.audit.AuditAction.UPDATE, "map_background", null, world.home.id()), 0, 10).events()).isNotEmpty();
    }

    @Test
    void aNewFileReplacesTheOldOneOnDiskAndInTheTiles() throws Exception {
        byte[] first = new PmTilesWriter().tile(0, 0, 0, "first".getBytes(StandardCharsets.US_ASCII)).bytes();
        byte[] second = new PmTilesWriter().gzipDirectories().tile(0, 0, 0, "second".getBytes(StandardCharsets.US_ASCII)).bytes();
        mvc.perform(uploadPage(world.home.id(), first, null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.location").value("/organisations/" + world.home.id() + "/map?uploaded"));
        assertThat(tileText()).isEqualTo("first");
        mvc.perform(uploadPage(world.home.id(), second, "Second survey", "..%2F..%2Fetc%00%2Fcity%ZZ"))
                .andExpect(status().isOk());
        assertThat(tileText()).isEqualTo("second");
        mvc.perform(get("/api/organisations/{id}/map-background", world.home.id())
                        .header("Authorization", "Bearer " + world.token(Role.ME_OFFICER)))
                .andExpect(jsonPath("$.pmtiles.name").value("..%2F..%2Fetc%00%2Fcity%ZZ"))
                .andExpect(jsonPath("$.attribution").value("Second survey"));
        mvc.perform(uploadPage(world.home.id(), second, null, "..%2F..%2Fcity%00.pmtiles"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/organisations/{id}/map-background", world.home.id())
                        .header("Authorization", "Bearer " + world.token(Role.ME_OFFICER)))
                .andExpect(jsonPath("$.pmtiles.name").value("city.pmtiles"))
                .andExpect(jsonPath("$.attribution").value("Second survey"));
        try (Stream<Path> files = Files.list(Path.of(pmtilesDir))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(world.home.id() + "-")).toList())
                    .containsExactly(world.home.id() + "-" + sha256(second) + ".pmtiles");
        }
        mvc.perform(get("/organisations/{id}/map", world.home.id()).with(user(manager())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("current-pmtiles")));
    }

    @Test
    void refusedFilesSayWhyBesideTheFileAndLeaveThePreviousBackground() throws Exception {
        byte[] good = new PmTilesWriter().tile(0, 0, 0, PmTilesWriter.PNG).bytes();
        mvc.perform(uploadPage(world.home.id(), good, null)).andExpect(status().isOk());

        byte[] vector = new PmTilesWriter().tileType(1).tile(0, 0, 0, new byte[] {26, 0}).bytes();
        mvc.perform(uploadApi(world.home.id(), vector, null).header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("organisation.map.pmtiles.VECTOR"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("raster")))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("pmtiles convert")));
        mvc.perform(uploadPage(world.home.id(), Arrays.copyOf(good, good.length - 10), null).header("Accept-Language", "nl"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems.file").value(org.hamcrest.Matchers.containsString("afgebroken")));
        mvc.perform(uploadPage(world.home.id(), "<html>not a map</html>".getBytes(StandardCharsets.UTF_8), null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems.file").value(org.hamcrest.Matchers.containsString("not a PMTiles file")));
        byte[] tooLarge = new byte[70 * 1024];
        new Random(7).nextBytes(tooLarge);
        System.arraycopy(good, 0, tooLarge, 0, good.length);
        mvc.perform(uploadApi(world.home.id(), tooLarge, null).header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("organisation.map.error.tooLarge"))
                .andExpect(jsonPath("$.errors[0].reason").value("The file is larger than 64 KB."));

        mvc.perform(get("/map/tiles/{o}/0/0/0", world.home.id()).with(user(peer()))).andExpect(status().isOk())
                .andExpect(content().bytes(PmTilesWriter.PNG));
        try (Stream<Path> files = Files.list(Path.of(pmtilesDir))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList()).isEmpty();
        }
        // A peer may not upload at all, and another organisation's manager may not upload here.
        mvc.perform(uploadPage(world.home.id(), good, null).with(user(peer()))).andExpect(status().isForbidden());
        mvc.perform(uploadApi(world.home.id(), good, null).header("Authorization", "Bearer " + world.foreignManagerToken()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTileServerMustBeHttpsWithPlaceholdersAndNoCredentialsEachSaidBesideTheField() throws Exception {
        assertThat(chooseTileServer("http://tiles.example.org/{z}/{x}/{y}.png")).contains("Use https");
        assertThat(chooseTileServer("https://tiles.example.org/{z}/{x}.png")).contains("needs {z}, {x} and {y}");
        assertThat(chooseTileServer("https://staff:secret@tiles.example.org/{z}/{x}/{y}.png"))
                .contains("Leave the user name and password out");
        assertThat(chooseTileServer("javascript:alert(1)//{z}/{x}/{y}")).contains("not a web address");
        mvc.perform(put("/api/organisations/{id}/map-background", world.home.id())
                        .header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PMTILES\",\"attribution\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].code").value("organisation.map.error.noUpload"));
        mvc.perform(get("/map/background").with(user(peer()))).andExpect(jsonPath("$.kind").value("NATURAL_EARTH"));

        // loopback over plain http is allowed, for a tile server on the same machine
        mvc.perform(post("/organisations/{id}/map", world.home.id()).with(user(manager())).with(csrf())
                        .param("kind", "TILE_SERVER").param("tileUrl", "http://127.0.0.1:8081/{z}/{x}/{y}.png"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theOrganisationsTileServerIsInItsPeoplesPagePolicyOnly() throws Exception {
        mvc.perform(put("/api/organisations/{id}/map-background", world.home.id())
                        .header("Authorization", "Bearer " + world.token(Role.ORG_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"TILE_SERVER\",\"tileUrl\":\"https://Tiles.Karachi-NGO.example:8443/city/{z}/{x}/{y}.png\","
                                + "\"attribution\":\"Our city\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("TILE_SERVER"));
        String own = mvc.perform(get("/organisations/{id}", world.home.id()).with(user(peer())))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(own).contains("img-src 'self' data: blob: https://tiles.karachi-ngo.example:8443;")
                .contains("script-src 'self';");
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        String foreign = mvc.perform(get("/organisations/{id}", world.foreign.id()).with(user(foreignManager)))
                .andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(foreign).contains("img-src 'self' data: blob:;").doesNotContain("karachi-ngo");
        String coordinator = mvc.perform(get("/organisations").with(user(world.user(Role.COORDINATOR))))
                .andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(coordinator).doesNotContain("karachi-ngo");
        mvc.perform(get("/map/background").with(user(peer()))).andExpect(jsonPath("$.kind").value("TILE_SERVER"))
                .andExpect(jsonPath("$.tiles").value("https://Tiles.Karachi-NGO.example:8443/city/{z}/{x}/{y}.png"))
                .andExpect(jsonPath("$.attribution").value("Our city"));

        // back to the shipped land: the tile server leaves the policy at once
        mvc.perform(post("/organisations/{id}/map", world.home.id()).with(user(manager())).with(csrf())
                .param("kind", "NATURAL_EARTH").param("tileUrl", "https://tiles.karachi-ngo.example:8443/city/{z}/{x}/{y}.png"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/organisations/{id}", world.home.id()).with(user(peer())))
                .andReturn().getResponse().getHeader("Content-Security-Policy")).doesNotContain("karachi-ngo");
    }

    @Test
    void anAttributionWithMarkupIsShownAsText() throws Exception {
        String planted = "<script>alert('tiles')</script> OSM";
        mvc.perform(post("/organisations/{id}/map", world.home.id()).with(user(manager())).with(csrf())
                .param("kind", "NATURAL_EARTH").param("attribution", planted)).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/organisations/{id}/map", world.home.id()).with(user(manager())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;tiles&#39;)&lt;/script&gt; OSM");
        mvc.perform(post("/organisations/{id}/map", world.home.id()).with(user(manager())).with(csrf())
                        .param("kind", "NATURAL_EARTH").param("attribution", "x".repeat(301)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"attribution-error\"")));
    }

    private String chooseTileServer(String url) throws Exception {
        String page = mvc.perform(post("/organisations/{id}/map", world.home.id()).with(user(manager())).with(csrf())
                        .param("kind", "TILE_SERVER").param("tileUrl", url).param("attribution", "ours"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int at = page.indexOf("id=\"tileUrl-error\"");
        assertThat(at).as("message beside the tile server field").isPositive();
        return page.substring(at, page.indexOf("</p>", at)).replace("&#39;", "'");
    }

    private String tileText() throws Exception {
        return new String(mvc.perform(get("/map/tiles/{o}/0/0/0", world.home.id()).with(user(peer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.US_ASCII);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder uploadApi(long organisationId,
                                                                                                  byte[] file, String attribution) {
        var request = put("/api/organisations/{id}/map-background/pmtiles", organisationId)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).accept(MediaType.APPLICATION_JSON).content(file);
        return attribution == null ? request : request.param("attribution", attribution);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder uploadPage(long organisationId,
                                                                                                   byte[] file, String attribution) {
        return uploadPage(organisationId, file, attribution, "city%20map.pmtiles");
    }

    /** As the page's script sends it: the file as the body, its name URL-encoded in a header. */
    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder uploadPage(long organisationId,
                                                                                                   byte[] file, String attribution,
                                                                                                   String encodedName) {
        var request = post("/organisations/{id}/map/pmtiles", organisationId).with(user(manager())).with(csrf())
                .header("X-File-Name", encodedName)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).accept(MediaType.APPLICATION_JSON).content(file);
        return attribution == null ? request : request.param("attribution", attribution);
    }

    private ReachUser manager() {
        return world.user(Role.ORG_MANAGER);
    }

    private ReachUser peer() {
        return world.user(Role.OUTREACH_WORKER);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
