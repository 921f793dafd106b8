package org.reach;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser journey needs: Chromium (a missing one fails in CI and skips locally), a fresh browser
 * against the running server for each test, closed afterwards, and the demo accounts' password.
 */
public abstract class BrowserJourney {

    protected static final String PASSWORD = "reach-demo-2026";

    @LocalServerPort
    protected int port;

    protected Browser browser;

    @BeforeAll
    static void chromiumIsInstalled() {
        Browser.requireChromium();
    }

    @BeforeEach
    void startBrowser() {
        browser = Browser.forLocalPort(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
