package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.reach.BrowserJourney;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.rar.Assessment;
import org.reach.rar.Hotspot;
import org.reach.rar.HotspotForm;
import org.reach.rar.RapidAssessments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Names typed by one person are shown to others by the map and chart scripts. Every such free-text field of the
 * demo (organisation, site and city, hotspot and district) is given script in two forms; every page that draws
 * them is opened as the people who see them, and nothing runs: no payload executes, and no Content-Security-Policy
 * violation was needed to stop it, because the names reach the page as text. The demo records get their names
 * back afterwards.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class NothingTypedIntoReachRunsInABrowserTest extends BrowserJourney {

    private static final String IMG = "<img src=x onerror=window.__pwned=1>";
    private static final String SCRIPT = "</script><script>window.__pwned=1</script>";
    private static final String WATCH_VIOLATIONS = """
            window.__violations = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));""";

    @Autowired OrganisationDirectory directory;
    @Autowired RapidAssessments rar;

    private final ReachUser system = ReachUser.system();
    private Organisation karachi;
    private Site site;
    private Hotspot hotspot;
    private Assessment assessment;

    @BeforeEach
    void plantScriptInEveryNameAScriptDraws() {
        karachi = directory.organisations(system).stream()
                .filter(o -> o.name().equals("Saathi Harm Reduction Karachi")).findFirst().orElseThrow();
        site = directory.sites(system, karachi.id()).stream().filter(Site::hasLocation).findFirst().orElseThrow();
        assessment = rar.assessments(system).stream().filter(a -> a.organisationId() == karachi.id())
                .findFirst().orElseThrow();
        hotspot = rar.hotspots(system, assessment.id()).get(0);

        directory.updateOrganisation(system, karachi.id(), new OrganisationForm("Saathi " + IMG + SCRIPT,
                karachi.countryCode(), karachi.languages(), karachi.programmeId()));
        directory.updateSite(system, site.id(), new SiteForm(site.organisationId(), "Lyari " + IMG + SCRIPT, site.type(),
                site.area(), "Karachi " + IMG + SCRIPT, site.latitude(), site.longitude(), site.openingStatus()));
        HotspotForm h = HotspotForm.of(hotspot);
        rar.updateHotspot(system, hotspot.id(), new HotspotForm("Nullah " + IMG + SCRIPT, "District " + IMG + SCRIPT,
                h.latitude(), h.longitude(), h.gpsAccuracy(), h.polygon(), h.typology(), h.useType(), h.drugs(),
                h.reasons(), h.timesOfDay(), h.safetyRisks(), h.womenPresent(), h.youthPresent(),
                h.transgenderPresent()));
    }

    @AfterEach
    void giveTheDemoItsNamesBack() {
        directory.updateOrganisation(system, karachi.id(), new OrganisationForm(karachi.name(), karachi.countryCode(),
                karachi.languages(), karachi.programmeId()));
        directory.updateSite(system, site.id(), SiteForm.of(site));
        rar.updateHotspot(system, hotspot.id(), HotspotForm.of(hotspot));
    }

    @Test
    void namesOnMapsAndChartsShowAsTextAndRunNothing() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", WATCH_VIOLATIONS));

        signIn("karachi.manager");
        visit("/rar/" + assessment.id() + "/map?lang=en", "#rar-map[data-ready='true']");
        WebElement siteIcon = browser.driver().findElements(By.cssSelector("#rar-map .site-icon")).stream()
                .filter(e -> ("Lyari " + IMG + SCRIPT).equals(e.getAttribute("title"))).findFirst().orElseThrow();
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", siteIcon);
        assertThat(browser.waitFor(".leaflet-popup-content").getText()).isEqualTo("Lyari " + IMG + SCRIPT);
        browser.script("document.querySelector('#rar-map path.hotspot-" + hotspot.id()
                + "').dispatchEvent(new MouseEvent('click', {bubbles: true}))");
        browser.waitUntil(d -> browser.text(".leaflet-popup-content").startsWith("Nullah"));
        assertThat(browser.text(".leaflet-popup-content")).contains("Nullah " + IMG + SCRIPT)
                .contains("District " + IMG + SCRIPT);
        assertNothingRan("the hotspot map");

        Hotspot other = rar.hotspots(system, assessment.id()).stream().filter(x -> x.id() != hotspot.id())
                .findFirst().orElseThrow();
        visit("/rar/hotspots/" + other.id() + "/edit?lang=en", "#rar-picker[data-ready='true']");
        browser.script("document.querySelectorAll('#rar-picker path.leaflet-interactive')"
                + ".forEach(p => p.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))");
        assertThat(browser.driver().findElements(By.cssSelector(".leaflet-tooltip")).stream().map(WebElement::getText))
                .contains("Nullah " + IMG + SCRIPT);
        assertNothingRan("the hotspot form's map");

        for (String breakdown : List.of("SITE", "CITY")) {
            visit("/indicators?lang=en&disaggregation=" + breakdown, "#breakdown-chart[data-rendered='true']");
            assertThat(browser.waitFor("#breakdown-chart").getAttribute("data-chart")).contains(IMG + SCRIPT);
            assertThat(browser.text("#breakdown-table")).contains(IMG + SCRIPT);
            assertNothingRan("the dashboard by " + breakdown);
        }

        signIn("coordinator");
        visit("/indicators?lang=en&disaggregation=ORGANISATION", "#trend-chart[data-rendered='true']");
        assertNothingRan("the programme dashboard");
        visit("/partners?lang=en", "#comparison-chart[data-rendered='true']");
        assertThat(browser.waitFor("#comparison-chart").getAttribute("data-chart")).contains("Saathi " + IMG + SCRIPT);
        assertThat(browser.text("#comparison")).contains("Saathi " + IMG + SCRIPT);
        assertNothingRan("the partners' comparison");
        visit("/partners/organisations/" + karachi.id() + "?lang=en", "#radar[data-rendered='true']");
        assertThat(browser.text("h1")).isEqualTo("Saathi " + IMG + SCRIPT);
        assertNothingRan("a partner's radar");
        visit("/partners/actions?lang=en", "#progress-chart[data-rendered='true']");
        assertNothingRan("the action plan");
    }

    @Test
    void thePolicyAllowsNoInlineScript() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        String scripts = Arrays.stream(policy.split(";")).map(String::trim).filter(d -> d.startsWith("script-src"))
                .findFirst().orElseThrow();
        assertThat(scripts).doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'").doesNotContain("*");
        assertThat(policy).contains("object-src 'none'").contains("frame-ancestors 'none'");
        assertThat(login.body()).doesNotContain("onclick=").doesNotContain("onsubmit=").doesNotContain("onchange=");
    }

    private void signIn(String username) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login?lang=en");
        browser.type("#username", username).type("#password", PASSWORD).clickAndLoad("#sign-in");
    }

    private void visit(String path, String ready) {
        browser.open(path);
        browser.waitFor(ready.replaceAll("\\[data-[a-z]+='true'\\]", ""));
        browser.waitUntil(d -> !browser.driver().findElements(By.cssSelector(ready)).isEmpty());
    }

    private void assertNothingRan(String page) {
        assertThat(browser.script("return window.__pwned === undefined")).as(page + ": a payload ran").isEqualTo(true);
        assertThat((List<?>) browser.script("return window.__violations"))
                .as(page + ": the policy had to stop something").isEmpty();
        assertThat((List<?>) browser.script("return Array.from(document.querySelectorAll('img[src=x]'))"))
                .as(page + ": a name became markup").isEmpty();
    }
}
