package org.reach.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.reach.BrowserJourney;
import org.reach.accounts.SignIn;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A peer reports heroin that drug checking found cut with fentanyl, twice, from a phone-sized window; the manager
 * finds the alert on the start page, sees its chart, starts the contingency plan and prints the warning flyer.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class FentanylWarningBrowserTest extends BrowserJourney {

    @Autowired EarlyWarning earlyWarning;
    @Autowired SignIn signIn;

    @Test
    void aPeerReportsFentanylAndTheManagerActsOnTheAlert() {
        ReachUser manager = signIn.loadUserByUsername("karachi.manager");
        int before = fentanylAlert(manager).map(Alert::observed).orElse(0);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));

        browser.open("/login");
        browser.type("#username", "karachi.peer").type("#password", PASSWORD).clickAndLoad("#sign-in");
        for (int i = 0; i < 2; i++) {
            browser.open("/earlywarning/reports/new?lang=en");
            long started = System.nanoTime();
            new Select(browser.waitFor("#soldAsId")).selectByVisibleText("Heroin");
            new Select(browser.waitFor("#form")).selectByValue("POWDER");
            new Select(browser.waitFor("#route")).selectByValue("INJECTING");
            browser.click("input[name='adulterants'][value='FENTANYL']");
            new Select(browser.waitFor("#source")).selectByValue("DRUG_CHECKING");
            browser.clickAndLoad("#submit-report");
            assertThat(browser.text("#saved")).contains("saved");
            assertThat((System.nanoTime() - started) / 1_000_000_000).as("a report in under a minute").isLessThan(60);
        }
        assertThat(fentanylAlert(manager).orElseThrow().observed()).isEqualTo(before + 2);
        browser.clickAndLoad("#logout");

        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.open("/login");
        browser.type("#username", "karachi.manager").type("#password", PASSWORD).clickAndLoad("#sign-in");
        browser.open("/?lang=en");
        long alertId = fentanylAlert(manager).orElseThrow().id();
        browser.clickAndLoad("#notice-drug-alert-" + alertId + " a");
        assertThat(browser.path()).isEqualTo("/earlywarning/alerts/" + alertId);
        browser.waitUntil(d -> "true".equals(d.findElement(By.id("evidence-chart")).getAttribute("data-rendered")));
        assertThat(browser.text("#observed")).isEqualTo(String.valueOf(before + 2));
        assertThat(browser.driver().findElements(By.cssSelector("#alert-reports tbody tr"))).hasSizeGreaterThanOrEqualTo(2);

        browser.clickAndLoad("#start-plan");
        List<WebElement> steps = browser.driver().findElements(By.cssSelector("#plan-steps li"));
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0).getText()).contains("Naloxone push");
        browser.clickAndLoad("#step-0 .tick");
        assertThat(browser.driver().findElement(By.id("step-0")).getAttribute("class")).contains("done");

        String flyer = browser.waitFor("#flyer").getAttribute("href");
        Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) { return r.arrayBuffer().then(function (b) {
                  done(r.status + ' ' + r.headers.get('content-type') + ' '
                    + String.fromCharCode.apply(null, new Uint8Array(b).slice(0, 5)));
                }); }).catch(function (e) { done('failed ' + e); });""", flyer);
        assertThat(answer).isEqualTo("200 application/pdf %PDF-");
    }

    private java.util.Optional<Alert> fentanylAlert(ReachUser manager) {
        return earlyWarning.alerts(manager, true).stream()
                .filter(a -> a.series().equals("adulterant.FENTANYL") && a.weekStart()
                        .equals(EarlyWarning.weekOf(earlyWarning.today()))).findFirst();
    }
}
