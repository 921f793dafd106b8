package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.reach.BrowserJourney;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An M&E officer opens the dashboard, changes the period, downloads the indicator table as CSV and exports every
 * indicator with every breakdown, following the export's progress until the workbook can be downloaded.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class ReadingIndicatorsBrowserTest extends BrowserJourney {

    @Autowired Clock clock;

    @Test
    void theDashboardFollowsThePeriodAndExportsItsTable() {
        browser.open("/login");
        browser.type("#username", "karachi.me").type("#password", PASSWORD).clickAndLoad("#sign-in");
        browser.open("/indicators?lang=en");
        browser.waitFor("#tiles");
        assertThat(browser.driver().findElements(By.cssSelector("#tiles .tile"))).hasSizeGreaterThanOrEqualTo(20);
        assertThat(browser.driver().findElements(By.cssSelector("#trend-chart canvas, #trend-chart svg")))
                .as("the trend chart is drawn").isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#data-quality li[data-check]")))
                .as("the four data-quality checks sit beside the indicators").hasSize(4);
        String before = browser.text("#scope-label");
        LocalDate today = LocalDate.now(clock);
        Period lastQuarter = IndicatorQuery.lastCompleteQuarter(today);
        assertThat(new Select(browser.driver().findElement(By.id("period"))).getFirstSelectedOption().getAttribute("value"))
                .as("the dashboard opens on the last complete quarter, not one with days still to come")
                .isEqualTo(lastQuarter.code());
        assertThat(browser.driver().findElements(By.id("period-to-date"))).isEmpty();

        // The current quarter is counted to date: OAT coverage on today, needles annualised over the days gone by,
        // exactly as the range from the quarter's first day to today.
        Period current = IndicatorQuery.currentQuarter(today);
        browser.open("/indicators?lang=en&period=" + current.code());
        assertThat(browser.text("#period-to-date")).contains("to date").contains(today.toString());
        Map<String, String> toDate = tileValues("OAT_PER_100", "NSP_NEEDLES_PER_PWID");
        browser.open("/indicators?lang=en&from=" + current.start() + "&to=" + today);
        assertThat(tileValues("OAT_PER_100", "NSP_NEEDLES_PER_PWID")).isEqualTo(toDate);
        browser.open("/indicators?lang=en");

        Select period = new Select(browser.driver().findElement(By.id("period")));
        String previous = period.getOptions().get(2).getAttribute("value");
        period.selectByIndex(2);
        // Only the breakdowns the selected indicator has are offered: take the first after the total.
        Select breakdowns = new Select(browser.driver().findElement(By.id("disaggregation")));
        assertThat(breakdowns.getOptions()).hasSizeGreaterThan(1);
        String breakdown = breakdowns.getOptions().get(1).getAttribute("value");
        breakdowns.selectByValue(breakdown);
        browser.clickAndLoad("#indicator-filters button[type=submit]");
        assertThat(browser.query()).contains("period=" + previous);
        assertThat(browser.text("#scope-label")).isNotEqualTo(before);
        assertThat(new Select(browser.driver().findElement(By.id("period"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(previous);
        browser.screenshot("indicators-dashboard");

        String href = browser.driver().findElement(By.id("export-csv")).getAttribute("href");
        assertThat(href).contains("period=" + previous).contains("disaggregation=" + breakdown);
        Object csv = browser.script("return fetch(arguments[0]).then(r => r.text());".replace("arguments[0]",
                "'" + href + "'"));
        assertThat(csv).asString().startsWith("indicator,name,period,disaggregation,category,numerator,denominator,value,band");
        String pdf = browser.driver().findElement(By.id("export-pdf")).getAttribute("href");
        assertThat(pdf).contains("period=" + previous);
        Object head = browser.script("return fetch('" + pdf + "').then(r => r.arrayBuffer())"
                + ".then(b => String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 5))));");
        assertThat(head).isEqualTo("%PDF-");
        // Every count that leaves as a file is 0, 5 or more, or suppressed.
        for (String line : csv.toString().split("\\r?\\n")) {
            String[] cells = line.split(",");
            if (cells.length > 6 && cells[5].matches("\\d+")) {
                long n = Long.parseLong(cells[5]);
                assertThat(n == 0 || n >= 5).as(line).isTrue();
            }
        }

        // Every indicator with every breakdown: the export runs in the background and its page, polling, offers
        // the workbook when it is written.
        browser.clickAndLoad("#full-export-xlsx");
        assertThat(browser.path()).startsWith("/indicators/exports/");
        browser.waitFor("#full-export");
        String workbook = null;
        for (int i = 0; i < 240 && workbook == null; i++) {
            List<WebElement> links = browser.driver().findElements(By.id("full-export-download"));
            workbook = links.isEmpty() ? null : links.get(0).getAttribute("href");
            if (workbook == null) {
                pause();
            }
        }
        assertThat(workbook).as("the download appears without reloading the page").isNotNull();
        assertThat(browser.driver().findElement(By.id("full-export")).getAttribute("data-state")).isEqualTo("SUCCEEDED");
        browser.screenshot("indicators-full-export");
        Object zip = browser.script("return fetch('" + workbook + "').then(r => r.arrayBuffer())"
                + ".then(b => String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 2))));");
        assertThat(zip).as("an XLSX workbook is a zip file").isEqualTo("PK");
    }

    private Map<String, String> tileValues(String... codes) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String code : codes) {
            values.put(code, browser.text("#tiles li[data-indicator='" + code + "'] .tile-value"));
        }
        return values;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
