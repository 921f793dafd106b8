package org.reach.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.reach.BrowserJourney;
import org.reach.accounts.SignIn;
import org.reach.clients.Gender;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * On a phone: a peer reports an arbitrary arrest by police; the Karachi protection focal person sees the overdue
 * notice for an older report on the start page, opens the new report and records a response; the peer who
 * reported it is refused its details.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class ReportingViolenceOnAPhoneBrowserTest extends BrowserJourney {

    private static final String PLANTED = "<script>window.pwned=1</script>Held overnight at the station";

    @Autowired SignIn signIn;
    @Autowired ViolenceReports reports;

    @Test
    void aPeerReportsTheProtectionOfficerRespondsAndThePeerIsRefusedTheDetails() {
        // A report heard 30 hours ago without a response: its clock has run out.
        ReachUser peer = signIn.loadUserByUsername("karachi.peer");
        long site = peer.siteIds().iterator().next();
        reports.record(peer, new ViolenceReportForm(UUID.randomUUID().toString(),
                LocalDate.now(ZoneOffset.UTC).minusDays(2), site, null, null, Gender.MALE, AgeBand.FROM_25_TO_34,
                Set.of(ViolenceType.EXTORTION), Set.of(Perpetrator.POLICE), false, Set.of(), null,
                Instant.now().minus(Duration.ofHours(30))));

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        signIn("karachi.peer");
        browser.open("/?lang=en");
        assertThat(browser.driver().findElements(By.id("notice-violence-overdue"))).as("not the peer's notice").isEmpty();
        browser.clickAndLoad("#quick-report-violence");
        browser.waitFor("#no-names");
        browser.click("input[name='types'][value='ARBITRARY_ARREST']");
        browser.click("input[name='perpetrators'][value='POLICE']");
        new Select(browser.waitFor("#gender")).selectByValue("MALE");
        new Select(browser.waitFor("#ageBand")).selectByValue("FROM_18_TO_24");
        browser.click("input[name='wantsHelp'][value='true']");
        browser.click("input[name='help'][value='LEGAL_AID']");
        browser.type("#description", PLANTED);
        browser.clickAndLoad("#submit-report");
        Matcher number = Pattern.compile("(\\d+)").matcher(browser.text("#receipt"));
        assertThat(number.find()).as("the receipt gives the report's number").isTrue();
        long id = Long.parseLong(number.group(1));
        assertThat(browser.text("#receipt")).doesNotContain("Held overnight");
        fitsThePhone();

        browser.open("/rights/reports/" + id + "?lang=en");
        assertThat(browser.driver().getPageSource()).as("the peer is refused the details")
                .doesNotContain("Held overnight").doesNotContain("response-form");
        assertThat(browser.text("h1")).doesNotContain("Violence report " + id);

        browser.driver().manage().deleteAllCookies();
        signIn("karachi.protection");
        browser.open("/?lang=en");
        assertThat(browser.text("#notice-violence-overdue")).contains("no response for more than 24 hours");
        browser.open("/rights/reports/" + id + "?lang=en");
        assertThat(browser.text("#description")).isEqualTo(PLANTED);
        assertThat(browser.script("return window.pwned")).as("the planted script never ran").isNull();
        assertThat(browser.text("#types")).contains("Arbitrary arrest");
        new Select(browser.waitFor("#kind")).selectByValue("LEGAL_AID");
        browser.clickAndLoad("#save-response");
        browser.waitFor("#responded");
        assertThat(browser.text("#responses")).contains("Legal aid");
        assertThat(browser.text("#clock")).contains("Responded within 24 hours");
        fitsThePhone();
        browser.screenshot("violence-report-responded");
    }

    private void signIn(String username) {
        browser.open("/login");
        browser.type("#username", username).type("#password", PASSWORD).clickAndLoad("#sign-in");
    }

    private void fitsThePhone() {
        Object overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).as("nothing wider than the phone").isEqualTo(false);
    }
}
