package org.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class SigningInAndSwitchingLanguageBrowserTest extends BrowserJourney {

    @Test
    void aManagerSignsInReadsHomeInUrduAndEnglishAndSignsOut() {
        browser.open("/");
        browser.waitFor("#username");
        assertThat(browser.path()).isEqualTo("/login");

        signIn("karachi.manager", PASSWORD);
        browser.waitFor("h1#welcome");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(direction()).as("karachi.manager prefers Urdu, so signing in applies it").isEqualTo("rtl");

        switchLanguage("en");
        String english = browser.text("h1#welcome");
        assertThat(english).isEqualTo("Welcome, Tariq Manager");
        assertThat(direction()).isEqualTo("ltr");

        switchLanguage("ur");
        assertThat(direction()).isEqualTo("rtl");
        assertThat(language()).isEqualTo("ur");
        if (urduHomeTextExists()) {
            assertThat(browser.text("h1#welcome")).isNotEqualTo(english).contains("Tariq Manager");
        }
        browser.screenshot("home-ur");

        switchLanguage("en");
        assertThat(direction()).isEqualTo("ltr");
        assertThat(browser.text("h1#welcome")).isEqualTo(english);

        browser.clickAndLoad("#logout");
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.query()).isEqualTo("logout");
        browser.waitFor("#username");

        browser.open("/");
        browser.waitFor("#username");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void aWrongPasswordShowsAnErrorAndStaysOnTheSignInPage() {
        browser.open("/login");
        signIn("mombasa.peer", "not-the-password");

        assertThat(browser.waitFor(".alert.error").getText()).isNotBlank();
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.driver().findElements(By.cssSelector("h1#welcome"))).isEmpty();

        browser.open("/");
        browser.waitFor("#username");
        assertThat(browser.path()).isEqualTo("/login");
    }

    private void signIn(String username, String password) {
        browser.type("#username", username).type("#password", password).clickAndLoad("#sign-in");
    }

    private void switchLanguage(String language) {
        browser.clickAndLoad("a[data-lang=\"" + language + "\"]");
        browser.waitUntil(driver -> language.equals(language()));
        browser.waitFor("h1#welcome");
    }

    private String direction() {
        return (String) browser.script("return document.documentElement.dir");
    }

    private String language() {
        return (String) browser.script("return document.documentElement.lang");
    }

    private static boolean urduHomeTextExists() {
        return SigningInAndSwitchingLanguageBrowserTest.class.getResource("/i18n/home_ur.properties") != null;
    }
}
