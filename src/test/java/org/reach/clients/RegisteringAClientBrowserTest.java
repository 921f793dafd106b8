package org.reach.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reach.BrowserJourney;
import org.springframework.boot.test.context.SpringBootTest;

/** An outreach worker registers a walk-in client on the demo data; the manager later sees no alias. */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class RegisteringAClientBrowserTest extends BrowserJourney {

    @Test
    void aPeerBuildsTheCodeRegistersTheClientAndFindsThemAgain() {
        signIn("karachi.peer");
        browser.open("/?lang=en");
        browser.clickAndLoad("nav.menu a[href=\"/clients\"]");
        browser.clickAndLoad("a[href=\"/clients/new\"]");

        browser.type("#motherFirstName", "Xenobia").type("#fatherFirstName", "Qzymir");
        browser.driver().findElement(By.cssSelector("#gender option[value=\"MALE\"]")).click();
        browser.type("#birthYear", "1993");
        browser.click("input[name=\"keyPopulations\"][value=\"PEOPLE_WHO_INJECT_DRUGS\"]");
        browser.driver().findElement(By.cssSelector("#primaryDrug option[value=\"HEROIN\"]")).click();
        browser.type("#alias", "Lala");
        browser.clickAndLoad("#preview");
        assertThat(browser.text("#computed-code")).as("with its check character").isEqualTo(org.reach.clients.uic.UicCodes.withCheckCharacter("XEQZM93"));
        browser.screenshot("client-code-preview");
        assertThat(browser.driver().getPageSource()).doesNotContain("Xenobia", "Qzymir");

        browser.type("#alias", "Lala");
        browser.clickAndLoad("#register");
        if (!browser.driver().findElements(By.cssSelector("input[name=\"decision\"][value=\"DIFFERENT\"]")).isEmpty()) {
            browser.click("input[name=\"decision\"][value=\"DIFFERENT\"]");
            browser.clickAndLoad("#register");
        }
        assertThat(browser.path()).matches("/clients/\\d+");
        String profile = browser.path();
        assertThat(browser.text("h1")).contains("XEQZM93");
        assertThat(browser.text("#alias")).isEqualTo("Lala");
        browser.screenshot("client-profile");

        browser.open("/clients?code=xeqz");
        assertThat(browser.text("#results table")).contains("XEQZM93");

        browser.clickAndLoad("#logout");
        signIn("karachi.manager");
        browser.open(profile + "?lang=en");
        assertThat(browser.text("h1")).contains("XEQZM93");
        assertThat(browser.driver().findElements(By.cssSelector("#alias"))).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("Lala");
    }

    private void signIn(String username) {
        browser.open("/login");
        browser.type("#username", username).type("#password", PASSWORD).clickAndLoad("#sign-in");
    }
}
