package org.reach.rar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.reach.Browser;
import org.reach.BrowserJourney;
import org.springframework.boot.test.context.SpringBootTest;

/** A field manager opens the demo assessment's map, filters it and downloads the report. */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class RapidAssessmentMapBrowserTest extends BrowserJourney {

    @Test
    void theMapDrawsFiltersAndTheReportDownloads() throws Exception {
        browser.open("/login");
        browser.type("#username", "karachi.me").type("#password", "reach-demo-2026").clickAndLoad("#sign-in");
        browser.open("/rar?lang=en");
        browser.clickAndLoad("a[href^='/rar/']:not([href='/rar/new'])");
        assertThat(browser.text("h1")).isEqualTo("Karachi rapid assessment 2026");
        browser.screenshot("rar-overview");
        browser.clickAndLoad("#tab-map");

        browser.waitFor("#rar-map[data-ready='true']");
        int all = Integer.parseInt(browser.text("#shown"));
        assertThat(all).isBetween(35, 45);
        assertThat(browser.driver().findElements(By.cssSelector("#rar-map path.hotspot"))).hasSize(all);
        assertThat(browser.driver().findElements(By.cssSelector("#rar-map .site-icon"))).hasSizeGreaterThanOrEqualTo(3);
        browser.screenshot("rar-map-all");

        new Select(browser.waitFor("#filter-typology")).selectByValue("GRAVEYARD");
        int graveyards = Integer.parseInt(browser.text("#shown"));
        assertThat(graveyards).isPositive().isLessThan(all);
        assertThat(browser.driver().findElements(By.cssSelector("#rar-map path.hotspot"))).hasSize(graveyards);
        new Select(browser.waitFor("#filter-subgroup")).selectByValue("women");
        int womenAtGraveyards = Integer.parseInt(browser.text("#shown"));
        assertThat(womenAtGraveyards).isLessThanOrEqualTo(graveyards);
        new Select(browser.waitFor("#filter-typology")).selectByValue("");
        new Select(browser.waitFor("#filter-subgroup")).selectByValue("");
        new Select(browser.waitFor("#filter-drug")).selectByValue("METHAMPHETAMINE");
        int meth = Integer.parseInt(browser.text("#shown"));
        assertThat(meth).isPositive().isLessThan(all);
        browser.screenshot("rar-map-methamphetamine");

        String href = browser.waitFor("#report-pdf").getAttribute("href");
        Object downloaded = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
                          const bytes = new Uint8Array(await r.arrayBuffer());
                          let text = '';
                          for (const b of bytes) text += String.fromCharCode(b);
                          done([r.status, r.headers.get('content-type'), r.headers.get('content-disposition'), btoa(text)]);
                        }).catch(e => done([0, String(e), '', '']));""", href);
        List<?> result = (List<?>) downloaded;
        assertThat(((Number) result.get(0)).intValue()).isEqualTo(200);
        assertThat((String) result.get(1)).isEqualTo("application/pdf");
        assertThat((String) result.get(2)).contains("attachment").contains(".pdf");
        byte[] pdf = Base64.getDecoder().decode((String) result.get(3));
        Path saved = Browser.SCREENSHOTS.resolve("rar-report.pdf");
        Files.createDirectories(saved.getParent());
        Files.write(saved, pdf);
        PdfReader reader = new PdfReader(pdf);
        String firstPage = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(firstPage).contains("Karachi rapid assessment 2026").contains("Hotspots").contains("<5");
        assertThat(reader.getNumberOfPages()).isGreaterThan(1);
    }

    @Test
    void aPeerPicksAHotspotOnTheMapAndSeesItsEstimates() {
        browser.open("/login");
        browser.type("#username", "karachi.peer").type("#password", "reach-demo-2026").clickAndLoad("#sign-in");
        browser.open("/rar?lang=en");
        browser.clickAndLoad("a[href^='/rar/']:not([href='/rar/new'])");
        browser.clickAndLoad("#hotspots tbody a");
        assertThat(browser.driver().findElements(By.cssSelector(".estimate"))).isNotEmpty();
        assertThat(browser.text(".estimate .formula")).isNotBlank();
        browser.screenshot("rar-hotspot");
        browser.driver().navigate().back();

        browser.clickAndLoad("#new-hotspot");
        browser.waitFor("#rar-picker[data-ready='true']");
        assertThat(browser.waitFor("#latitude").getAttribute("value")).isEmpty();
        browser.click("#rar-picker");
        browser.waitUntil(d -> !browser.waitFor("#latitude").getAttribute("value").isEmpty());
        double latitude = Double.parseDouble(browser.waitFor("#latitude").getAttribute("value"));
        double longitude = Double.parseDouble(browser.waitFor("#longitude").getAttribute("value"));
        assertThat(latitude).isBetween(24.7, 25.1);
        assertThat(longitude).isBetween(66.8, 67.4);
        browser.type("#name", "Picked on the map").type("#district", "Saddar");
        browser.screenshot("rar-hotspot-picked");
        browser.clickAndLoad("#save");
        assertThat(browser.text("h1")).isEqualTo("Picked on the map");
        assertThat(browser.query()).isEqualTo("saved");
    }
}
