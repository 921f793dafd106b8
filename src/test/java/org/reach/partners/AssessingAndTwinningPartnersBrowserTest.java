package org.reach.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.reach.BrowserJourney;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The coordinator's journey after the Kenya mission: a follow-up assessment of the Mombasa partner by two
 * assessors who disagree, consensus, the radar chart, a twinning suggestion accepted, an action made from it
 * and marked done.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class AssessingAndTwinningPartnersBrowserTest extends BrowserJourney {

    @Test
    void twoAssessorsDisagreeTheCoordinatorSettlesTwinsAndFollowsUpAnAction() {
        // The coordinator starts a follow-up assessment of Pwani with the Karachi manager on the team.
        signIn("coordinator");
        browser.open("/partners/assessments/new?lang=en");
        new Select(browser.waitFor("#organisationId")).selectByVisibleText("Pwani Peer Network Mombasa (KE)");
        new Select(browser.waitFor("#kind")).selectByValue("FOLLOW_UP");
        browser.script("document.getElementById('visitStart').value = '2026-11-23';"
                + "document.getElementById('visitEnd').value = '2026-11-25';");
        browser.click("input[name=assessorIds][data-name^='Tariq Manager']");
        browser.clickAndLoad("#create-assessment");
        assertThat(browser.path()).matches("/partners/assessments/\\d+/scores");
        String assessment = browser.path().replace("/scores", "");

        // First assessor: 3 everywhere, 1 on human rights.
        scoreAll("HUMAN_RIGHTS", 1, 3, false);
        browser.clickAndLoad("#save-scores");
        assertThat(browser.path()).isEqualTo(assessment);
        signOut();

        // Second assessor: 2 on human rights and 1 on the first governance question.
        signIn("karachi.manager");
        browser.open(assessment + "/scores?lang=en");
        scoreAll("HUMAN_RIGHTS", 2, 3, true);
        browser.clickAndLoad("#save-scores");
        signOut();

        // The coordinator sees the disagreement and settles it.
        signIn("coordinator");
        browser.open(assessment + "?lang=en");
        assertThat(browser.waitFor("#unresolved").getText()).contains("need a consensus score");
        assertThat(browser.driver().findElements(By.cssSelector("#questions tr.wide"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#questions tr.differ"))).isNotEmpty();
        WebElement wideRow = browser.driver().findElement(By.cssSelector("#questions tr.wide"));
        assertThat(wideRow.findElements(By.cssSelector("td.assessor-score")).stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrder("1", "3");
        browser.screenshot("partners-disagreement");
        for (WebElement row : browser.driver().findElements(By.cssSelector("#questions tr.wide, #questions tr.differ"))) {
            String value = "HUMAN_RIGHTS".equals(row.getAttribute("data-domain")) ? "1" : "3";
            new Select(row.findElement(By.cssSelector("select.consensus"))).selectByValue(value);
        }
        browser.clickAndLoad("#save-consensus");
        browser.clickAndLoad("#finalise");
        assertThat(browser.text("#status")).isEqualTo("Finalised");
        assertThat(browser.text("#domain-scores tr[data-domain=HUMAN_RIGHTS]")).contains("1.0 / 4");
        browser.waitUntil(d -> "true".equals(d.findElement(By.id("radar")).getAttribute("data-rendered")));
        assertThat(browser.driver().findElements(By.cssSelector("#radar canvas"))).isNotEmpty();

        // The top twinning suggestion is Mainline, strong where Pwani is weak.
        WebElement first = browser.waitFor(".suggestion");
        assertThat(first.getText()).contains("Mainline")
                .contains("Pwani Peer Network Mombasa scores 1/4 on human rights and community involvement; Mainline scores 4/4");
        browser.screenshot("partners-twinning");
        browser.clickAndLoad(".suggestion .accept-twinning");
        assertThat(browser.path()).isEqualTo("/partners/actions/new");
        assertThat(new Select(browser.waitFor("#supportingOrganisationId")).getFirstSelectedOption().getText()).isEqualTo("Mainline");
        assertThat(new Select(browser.waitFor("#domainCode")).getFirstSelectedOption().getAttribute("value")).isEqualTo("HUMAN_RIGHTS");
        browser.type("#title", "Document rights violations and refer to legal aid")
                .type("#owner", "Pwani programme manager");
        browser.clickAndLoad("#create-action");
        assertThat(browser.path()).matches("/partners/actions/\\d+");

        // Marked done.
        new Select(browser.waitFor("#status")).selectByValue("DONE");
        browser.type("#note", "Legal aid referral agreement signed");
        browser.clickAndLoad("#save-progress");
        assertThat(browser.text("#action-status")).isEqualTo("Done");
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Legal aid referral agreement signed");
        browser.screenshot("partners-action-done");
    }

    private void scoreAll(String weakDomain, int weakScore, int otherScore, boolean lowFirst) {
        List<WebElement> selects = browser.driver().findElements(By.cssSelector("select.score"));
        assertThat(selects).hasSizeGreaterThan(20);
        for (int i = 0; i < selects.size(); i++) {
            WebElement select = selects.get(i);
            int score = weakDomain.equals(select.getAttribute("data-domain")) ? weakScore : (lowFirst && i == 0 ? 1 : otherScore);
            new Select(select).selectByValue(String.valueOf(score));
        }
    }

    private void signIn(String username) {
        browser.open("/login");
        browser.type("#username", username).type("#password", PASSWORD).clickAndLoad("#sign-in");
    }

    private void signOut() {
        browser.clickAndLoad("#logout");
    }
}
