package org.reach.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.reach.BrowserJourney;
import org.reach.indicators.IndicatorQuery;
import org.reach.indicators.Period;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a phone-sized window, a peer reports an overdose reversed with naloxone at a hotspot in well under 30 seconds
 * of typing and clicking; the manager then finds the cluster it belongs to on the start page, and the overdose in the
 * indicators.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class ReportingAnOverdoseOnAPhoneBrowserTest extends BrowserJourney {

    private static final String HOTSPOT = "Lyari: Graveyard behind the football ground";

    @Autowired JdbcClient jdbc;

    @Test
    void aPeerReportsAReversalInSecondsAndTheManagerSeesTheClusterAndTheIndicator() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        long before = reports();
        browser.open("/login?lang=en");
        browser.type("#username", "karachi.peer").type("#password", PASSWORD).clickAndLoad("#sign-in");
        browser.open("/?lang=en");
        browser.waitFor("#quick-report-overdose");

        long started = System.nanoTime();
        browser.clickAndLoad("#quick-report-overdose");
        browser.waitFor("#hotspot");
        new Select(browser.driver().findElement(By.id("hotspot"))).selectByVisibleText(HOTSPOT);
        browser.click("input[name='substances'][value='HEROIN']");
        // the defaults are the common case: now, the peer's site, one dose by a peer from a kit, survived
        assertThat(browser.driver().findElement(By.cssSelector("input[name='outcome'][value='SURVIVED']")).isSelected()).isTrue();
        assertThat(browser.driver().findElement(By.id("naloxoneDoses")).getAttribute("value")).isEqualTo("1");
        browser.clickAndLoad("#save-overdose");
        browser.waitFor("#saved");
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(seconds).as("a reversal at a hotspot, reported on a phone").isLessThan(30);
        assertThat(reports()).isEqualTo(before + 1);
        long id = jdbc.sql("SELECT MAX(id) FROM overdose_reports").query(Long.class).single();
        assertThat(jdbc.sql("SELECT hotspot FROM overdose_reports WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(HOTSPOT);
        assertThat(jdbc.sql("SELECT naloxone_doses FROM overdose_reports WHERE id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(1);
        // nothing on the phone page is wider than the screen
        Object overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
        assertThat(overflow).as("the form fits a 390-pixel screen").isEqualTo(false);
        browser.screenshot("safety-overdose-form-phone");

        browser.driver().manage().deleteAllCookies(); // the manager signs in on another phone
        browser.open("/login?lang=en");
        browser.type("#username", "karachi.manager").type("#password", PASSWORD).clickAndLoad("#sign-in");
        browser.open("/?lang=en");
        String alert = browser.text("#notices .notice.urgent[id^='overdose-cluster-']");
        assertThat(alert).contains("Overdose cluster").contains(HOTSPOT);
        browser.clickAndLoad("#notices .notice.urgent[id^='overdose-cluster-'] a");
        assertThat(browser.path()).isEqualTo("/safety");
        assertThat(browser.driver().findElements(By.cssSelector("#clusters a[href='/safety/overdoses/" + id + "']")))
                .as("the cluster links to the peer's report").hasSize(1);

        Period quarter = IndicatorQuery.currentQuarter(LocalDate.now(ZoneOffset.UTC));
        long counted = jdbc.sql("SELECT COUNT(*) FROM overdose_reports r JOIN organisations o ON o.id = r.organisation_id "
                        + "WHERE o.name = 'Saathi Harm Reduction Karachi' AND r.occurred_at >= ? AND r.occurred_at < ?")
                .params(quarter.start().atStartOfDay(), LocalDateTime.now(ZoneOffset.UTC).toLocalDate().plusDays(1)
                        .atStartOfDay()).query(Long.class).single();
        browser.open("/indicators?lang=en&period=" + quarter.code() + "&indicator=OVERDOSES_WITNESSED");
        assertThat(browser.text("#tiles li[data-indicator='OVERDOSES_WITNESSED'] .tile-value"))
                .isEqualTo(String.valueOf(counted));
        assertThat(browser.text("#tiles li[data-indicator='MORTALITY_ALL_CAUSES'] .tile-name")).contains("1,000");
        browser.screenshot("safety-indicators");
    }

    private long reports() {
        return jdbc.sql("SELECT COUNT(*) FROM overdose_reports").query(Long.class).single();
    }
}
