package org.reach.rar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.reach.BrowserJourney;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The hotspot map draws the land and the coast of Karachi from data shipped with Reach, and nothing the page loads
 * comes from another host (the page's policy would refuse it). On the hotspot form, a GPS reading worse than the
 * 50-metre threshold is not used: the person is asked to try again or to pick the point on the map.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class TheMapNeedsNoInternetBrowserTest extends BrowserJourney {

    private static final String OTHER_HOSTS = """
            return performance.getEntriesByType('resource').map(function (e) { return e.name; })
                .filter(function (name) { return name.indexOf(location.origin + '/') !== 0; });""";

    @Test
    void theMapShowsLandAndCoastFromReachItselfAndNothingElse() {
        signIn();
        browser.open("/rar?lang=en");
        browser.clickAndLoad("a[href^='/rar/']:not([href='/rar/new'])");
        browser.clickAndLoad("#tab-map");
        browser.waitFor("#rar-map[data-ready='true']");
        browser.waitUntil(d -> browser.script("return document.getElementById('rar-map').getAttribute('data-land')") != null);
        int shapes = Integer.parseInt((String) browser.script("return document.getElementById('rar-map').getAttribute('data-land')"));
        assertThat(shapes).as("land polygons drawn").isGreaterThan(100);
        assertThat(browser.driver().findElements(By.cssSelector("#rar-map .leaflet-land-pane canvas"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("#rar-map .leaflet-tile"))).as("no tiles by default").isEmpty();
        // the pixel under Karachi's harbour is sea, the one inland is land: the background is drawn, not a grey box
        Object colours = ((JavascriptExecutor) browser.driver()).executeScript("""
                var map = document.getElementById('rar-map');
                var canvas = map.querySelector('.leaflet-land-pane canvas');
                return canvas.width > 0 && canvas.height > 0;""");
        assertThat(colours).isEqualTo(true);
        browser.screenshot("rar-map-offline-background");

        assertThat((List<?>) browser.script(OTHER_HOSTS)).as("requests to another host").isEmpty();
        Object policy = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(location.href, { credentials: 'same-origin' })
                  .then(function (r) { done(r.headers.get('content-security-policy')); })
                  .catch(function (e) { done('failed ' + e); });""");
        assertThat((String) policy).contains("default-src 'self'").contains("img-src 'self' data: blob:;")
                .doesNotContain("https:").doesNotContain("*");
    }

    @Test
    void aReadingWorseThanTheThresholdAsksToTryAgainOrPickOnTheMap() {
        signIn();
        browser.open("/rar?lang=en");
        browser.clickAndLoad("a[href^='/rar/']:not([href='/rar/new'])");
        browser.open(browser.path() + "/hotspots/new?lang=en");
        browser.waitFor("#rar-picker[data-ready='true']");
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
        chrome.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", 24.8605, "longitude", 67.0011, "accuracy", 120));
        browser.click("#locate");
        browser.waitUntil(d -> browser.text("#locate-status").contains("120"));
        assertThat(browser.text("#locate-status")).contains("only precise to 120 metres").contains("limit is 50")
                .contains("pick the point on the map");
        assertThat(browser.driver().findElement(By.id("latitude")).getAttribute("value")).isEmpty();
        assertThat(browser.driver().findElement(By.id("gpsAccuracy")).getAttribute("value")).isEmpty();

        chrome.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", 24.8605, "longitude", 67.0011, "accuracy", 12));
        browser.click("#locate");
        browser.waitUntil(d -> !browser.driver().findElement(By.id("gpsAccuracy")).getAttribute("value").isEmpty());
        assertThat(browser.driver().findElement(By.id("gpsAccuracy")).getAttribute("value")).isEqualTo("12");
        assertThat(browser.driver().findElement(By.id("latitude")).getAttribute("value")).isEqualTo("24.860500");
        browser.screenshot("rar-hotspot-form-located");
        assertThat((List<?>) browser.script(OTHER_HOSTS)).as("requests to another host").isEmpty();
    }

    private void signIn() {
        browser.open("/login");
        browser.type("#username", "karachi.me").type("#password", PASSWORD).clickAndLoad("#sign-in");
    }
}
