package org.reach.rar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.reach.BrowserJourney;
import org.reach.organisations.MapBackgroundForm;
import org.reach.organisations.MapBackgroundKind;
import org.reach.organisations.MapBackgrounds;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.tiles.PmTilesWriter;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Karachi's manager uploads a raster PMTiles file of the city on the map background page (its progress shown), and the
 * hotspot map then draws those tiles over the shipped land: every tile comes from Reach itself, answered 200, the
 * attribution is shown as typed (markup as text), and no other host is contacted.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"reach.demo.enabled=true", "reach.map.pmtiles-max-size=50MB"})
class AnUploadedCityMapIsDrawnFromReachBrowserTest extends BrowserJourney {

    private static final String OTHER_HOSTS = """
            return performance.getEntriesByType('resource').map(function (e) { return e.name; })
                .filter(function (name) { return name.indexOf(location.origin + '/') !== 0; });""";

    /** Markup and script typed as the attribution must reach the map as text. */
    private static final String ATTRIBUTION = "<b>Karachi</b> streets <img src=x onerror=window.__pwned=1>";

    @Autowired OrganisationDirectory directory;
    @Autowired MapBackgrounds backgrounds;

    @TempDir
    Path dir;

    @AfterEach
    void backToTheShippedLand() {
        // The demo database outlives this test; other map tests expect the default background.
        backgrounds.choose(ReachUser.system(), karachi().id(), new MapBackgroundForm(MapBackgroundKind.NATURAL_EARTH, null, null));
    }

    @Test
    void theManagersUploadedCityTilesAreDrawnOnTheHotspotMapFromReachAlone() throws Exception {
        Path file = dir.resolve("karachi.pmtiles");
        Files.write(file, karachiTiles());

        browser.open("/login");
        browser.type("#username", "karachi.manager").type("#password", PASSWORD).clickAndLoad("#sign-in");
        browser.open("/organisations/" + karachi().id() + "?lang=en");
        browser.clickAndLoad("#map-background");
        browser.type("#attribution", ATTRIBUTION);
        browser.driver().findElement(By.id("pmtiles-file")).sendKeys(file.toString());
        browser.click("#pmtiles-send");
        browser.waitUntil(d -> browser.query() != null && browser.query().contains("uploaded"));
        assertThat(browser.text("#pmtiles-name")).isEqualTo("karachi.pmtiles");
        assertThat(browser.text("main")).contains("The file was checked");
        assertThat(browser.text("#current-pmtiles")).contains("PNG").contains("zoom 8 to 16");
        browser.screenshot("organisation-map-background");

        browser.open("/rar?lang=en");
        browser.clickAndLoad("a[href^='/rar/']:not([href='/rar/new'])");
        browser.clickAndLoad("#tab-map");
        browser.waitFor("#rar-map[data-ready='true']");
        browser.waitUntil(d -> "true".equals(browser.script(
                "return document.getElementById('rar-map').getAttribute('data-tiles-loaded')")));
        assertThat(browser.script("return document.getElementById('rar-map').getAttribute('data-background')"))
                .isEqualTo("PMTILES");
        List<?> tiles = (List<?>) browser.script("""
                return Array.prototype.map.call(document.querySelectorAll('#rar-map img.leaflet-tile-loaded'),
                    function (img) { return img.src; });""");
        assertThat(tiles).isNotEmpty().allSatisfy(src -> assertThat((String) src)
                .startsWith("http://localhost:" + port + "/map/tiles/" + karachi().id() + "/"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> answers = (List<Map<String, Object>>) browser.script("""
                return performance.getEntriesByType('resource')
                    .filter(function (e) { return e.name.indexOf('/map/tiles/') > 0; })
                    .map(function (e) { return { name: e.name, status: e.responseStatus }; });""");
        assertThat(answers).isNotEmpty();
        assertThat(answers.stream().filter(a -> Long.valueOf(200).equals(a.get("status"))).count()).isPositive();
        assertThat(answers).allSatisfy(a -> assertThat(a.get("status")).isIn(200L, 204L, 304L, 0L));
        assertThat(browser.text("#rar-map .leaflet-control-attribution")).contains(ATTRIBUTION);
        assertThat(browser.driver().findElements(By.cssSelector("#rar-map .leaflet-control-attribution b, "
                + "#rar-map .leaflet-control-attribution img"))).isEmpty();
        assertThat(browser.script("return window.__pwned")).as("script in the attribution ran").isNull();
        browser.screenshot("rar-map-uploaded-city-tiles");
        assertThat((List<?>) browser.script(OTHER_HOSTS)).as("requests to another host").isEmpty();
    }

    /** A one-colour tile for every tile of Karachi (66.9–67.2 E, 24.7–25.0 N) from zoom 8 to 16. */
    private static byte[] karachiTiles() {
        PmTilesWriter writer = new PmTilesWriter().gzipDirectories().leavesOf(500).zooms(8, 16);
        for (int z = 8; z <= 16; z++) {
            int west = column(66.9, z);
            int east = column(67.2, z);
            int north = row(25.0, z);
            int south = row(24.7, z);
            for (int x = west; x <= east; x++) {
                for (int y = north; y <= south; y++) {
                    writer.tile(z, x, y, PmTilesWriter.PNG);
                }
            }
        }
        return writer.bytes();
    }

    private static int column(double longitude, int z) {
        return (int) Math.floor((longitude + 180) / 360 * (1 << z));
    }

    private static int row(double latitude, int z) {
        double r = Math.toRadians(latitude);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }

    private Organisation karachi() {
        return directory.organisations(ReachUser.system()).stream().filter(o -> o.name().contains("Karachi"))
                .findFirst().orElseThrow();
    }
}
