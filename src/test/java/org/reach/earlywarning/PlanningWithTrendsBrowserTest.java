package org.reach.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.reach.BrowserJourney;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Karachi's manager opens the trends for planning from the menu on the demo data: the charts are drawn, the share of
 * new clients smoking methamphetamine has risen over the year while heroin's fell, and next quarter's needle and
 * syringe needs come with their intervals.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class PlanningWithTrendsBrowserTest extends BrowserJourney {

    @Test
    void theManagerSeesTheMarketTurnAndNextQuartersNeeds() {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.open("/login");
        browser.type("#username", "karachi.manager").type("#password", PASSWORD).clickAndLoad("#sign-in");
        browser.open("/?lang=en");
        browser.clickAndLoad("#nav-earlywarning-trends");
        assertThat(browser.path()).isEqualTo("/earlywarning/trends");
        for (String chart : List.of("chart-drug", "chart-route", "need-chart-EW_SYRINGES_GIVEN")) {
            String selector = chart.startsWith("need") ? "#" + chart + " .chart" : "#" + chart;
            browser.waitUntil(d -> "true".equals(d.findElement(By.cssSelector(selector)).getAttribute("data-rendered")));
        }
        List<WebElement> quarters = browser.driver().findElements(By.cssSelector("#table-drug thead th"));
        assertThat(quarters).hasSize(5); // the category and four quarters
        Double methFirst = share("METHAMPHETAMINE", 1);
        Double methLast = share("METHAMPHETAMINE", 4);
        Double heroinFirst = share("HEROIN", 1);
        Double heroinLast = share("HEROIN", 4);
        assertThat(methLast).as("methamphetamine's share of new clients lately").isNotNull().isGreaterThan(30.0);
        assertThat(methFirst == null || methFirst < methLast).as("methamphetamine a year ago: " + methFirst).isTrue();
        assertThat(heroinFirst).isNotNull();
        assertThat(heroinLast).isNotNull().isLessThan(heroinFirst);

        String expected = browser.text("#need-EW_SYRINGES_GIVEN .expected");
        assertThat(expected).matches("[0-9,]+");
        assertThat(browser.text("#need-EW_SYRINGES_GIVEN .interval80")).contains("–");
        assertThat(browser.text("#need-EW_SYRINGES_GIVEN .interval95")).contains("–");
        assertThat(browser.waitFor("#trends-csv").getAttribute("href")).contains("/earlywarning/trends.csv");
    }

    /** The share shown in a category's row for the n-th quarter (1-based), or null when it is hidden. */
    private Double share(String category, int quarter) {
        List<WebElement> cells = browser.driver().findElements(
                By.cssSelector("#table-drug tr[data-category='" + category + "'] td:nth-child(" + (quarter + 1) + ") .share"));
        return cells.isEmpty() ? null : Double.valueOf(cells.get(0).getText().replace(" %", "").replace(",", ""));
    }
}
