package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.reach.BrowserJourney;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A 360-pixel phone, the narrowest in common use where Reach works: the menu sits behind one button and fits when
 * open, and no page a manager opens from it scrolls sideways. On an Urdu page the shipped Naskh face loads and draws
 * every letter of the Urdu alphabet itself (a letter drawn by a fallback face, or as an empty box, would measure
 * differently under two different fallbacks).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class PhonesAndUrduBrowserTest extends BrowserJourney {

    /** The Urdu alphabet, with the letters Arabic and Persian lack (ٹ ڈ ڑ ں ہ ھ ے ۓ) and the hamza forms. */
    @org.springframework.beans.factory.annotation.Autowired org.reach.accounts.SignIn people;

    static final String URDU_LETTERS = "ا آ ب پ ت ٹ ث ج چ ح خ د ڈ ذ ر ڑ ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن ں و ہ ھ ء ی ے ۓ ئ ؤ ۃ ۂ";

    private static final String WIDER_THAN_THE_SCREEN =
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;";

    @Test
    void theMenuAndEveryPageFitA360PixelPhone() {
        browser.driver().manage().window().setSize(new Dimension(360, 740));
        signIn("karachi.manager", "en");
        browser.open("/?lang=en");
        browser.waitFor(".menu-button");
        assertThat(browser.driver().findElement(By.cssSelector("nav.menu")).isDisplayed())
                .as("the menu is closed behind its button").isFalse();
        long headerHeight = (Long) browser.script("return Math.round(document.querySelector('.topbar').getBoundingClientRect().height);");
        assertThat(headerHeight).as("the closed header takes at most two short lines").isLessThanOrEqualTo(110);
        browser.click(".menu-button");
        List<WebElement> links = browser.driver().findElements(By.cssSelector("nav.menu a"));
        assertThat(links).hasSizeGreaterThan(8);
        for (WebElement link : links) {
            assertThat(link.isDisplayed()).isTrue();
            assertThat(link.getRect().getX() + link.getRect().getWidth()).as(link.getText()).isLessThanOrEqualTo(360);
        }
        assertThat(browser.script(WIDER_THAN_THE_SCREEN)).as("the open menu fits").isEqualTo(false);
        browser.screenshot("phone-360-menu-open");

        List<String> paths = links.stream().map(a -> a.getDomAttribute("href")).toList();
        for (String path : paths) {
            browser.open(path + (path.contains("?") ? "&" : "?") + "lang=en");
            browser.waitUntil(d -> "complete".equals(browser.script("return document.readyState")));
            Object wide = browser.script(WIDER_THAN_THE_SCREEN);
            if (Boolean.TRUE.equals(wide)) {
                browser.screenshot("phone-360-overflow" + path.replace('/', '-'));
            }
            assertThat(wide).as(path + " fits a 360-pixel phone without sideways scrolling").isEqualTo(false);
        }
    }

    @Test
    void urduPagesDrawEveryUrduLetterWithTheShippedFont() throws Exception {
        browser.driver().manage().window().setSize(new Dimension(360, 740));
        signIn("karachi.manager", "ur");
        browser.open("/?lang=ur");
        browser.waitFor("main");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("ur");
        assertThat(browser.script("return document.documentElement.dir")).isEqualTo("rtl");

        @SuppressWarnings("unchecked")
        Map<String, Object> font = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript("""
                        var letters = arguments[0], done = arguments[arguments.length - 1];
                        document.fonts.load('16px "Reach Urdu"', letters).then(function (faces) {
                          var canvas = document.createElement('canvas').getContext('2d');
                          function width(letter, fallback) {
                            canvas.font = '32px "Reach Urdu", ' + fallback;
                            return canvas.measureText(letter).width;
                          }
                          var foreign = letters.split(' ').filter(function (letter) {
                            return Math.abs(width(letter, 'monospace') - width(letter, 'serif')) > 0.01
                                || width(letter, 'monospace') === 0;
                          });
                          var body = getComputedStyle(document.body).fontFamily;
                          done({ faces: faces.length, loaded: faces.every(function (f) { return f.status === 'loaded'; }),
                                 check: document.fonts.check('16px "Reach Urdu"', letters), notDrawnByIt: foreign.join(' '),
                                 body: body });
                        }, function (error) { done({ error: String(error) }); });
                        """, URDU_LETTERS);
        assertThat(font.get("error")).isNull();
        assertThat(((Number) font.get("faces")).intValue()).as("the Urdu face was fetched").isPositive();
        assertThat(font.get("loaded")).isEqualTo(true);
        assertThat(font.get("check")).as("document.fonts.check").isEqualTo(true);
        assertThat((String) font.get("body")).startsWith("\"Reach Urdu\"");
        assertThat(font.get("notDrawnByIt")).as("letters the shipped face does not draw (tofu or fallback)").isEqualTo("");

        // the letters as a person sees them, on the start page in Urdu
        browser.script("var p = document.createElement('p'); p.id = 'alphabet'; p.style.fontSize = '28px';"
                + "p.textContent = arguments[0]; document.querySelector('main').prepend(p);".replace("arguments[0]",
                "'" + URDU_LETTERS + "'"));
        assertThat(browser.script(WIDER_THAN_THE_SCREEN)).as("the Urdu start page fits").isEqualTo(false);
        assertThat(Files.size(browser.screenshot("urdu-start-page-phone"))).isPositive();
    }

    /** Pages a manager reaches from other pages, not from the menu: right to left in Urdu and as narrow as the phone. */
    @Test
    void pagesOffTheMenuReadRightToLeftInUrduOnAPhone() {
        long karachi = people.loadUserByUsername("karachi.manager").organisationId();
        browser.driver().manage().window().setSize(new Dimension(360, 740));
        signIn("karachi.manager", "ur");
        for (String path : List.of("/organisations/" + karachi + "/map", "/field/devices", "/field/conflicts",
                "/safety/overdoses", "/outreach/plan")) {
            browser.open(path + "?lang=ur");
            browser.waitUntil(d -> "complete".equals(browser.script("return document.readyState")));
            assertThat(browser.script("return document.documentElement.dir")).as(path).isEqualTo("rtl");
            assertThat(browser.script("return document.querySelector('main h1') !== null")).as(path + " has its heading")
                    .isEqualTo(true);
            Object wide = browser.script(WIDER_THAN_THE_SCREEN);
            browser.screenshot("urdu-phone" + path.replace('/', '-'));
            assertThat(wide).as(path + " fits a 360-pixel phone in Urdu").isEqualTo(false);
        }
    }

    private void signIn(String username, String language) {
        browser.open("/login?lang=" + language);
        browser.type("#username", username).type("#password", PASSWORD).clickAndLoad("#sign-in");
    }
}
