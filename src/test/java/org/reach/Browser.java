package org.reach;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium pointed at a running Reach, for browser journeys. Uses the Debian chromium and
 * chromium-driver packages and never downloads a browser or driver.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("reach-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile);
        this.service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        try {
            this.driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteProfile();
            throw e;
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /** Starts a browser for the app on this port; skips the test without Chromium, except in CI where it fails. */
    public static Browser forLocalPort(int port) {
        requireChromium();
        try {
            return new Browser("http://localhost:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Call from a {@code @BeforeAll} so a machine without Chromium skips before the application starts. */
    public static void requireChromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (installed) {
            return;
        }
        String missing = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(missing);
        }
        Assumptions.abort(missing);
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    public Browser type(String css, String text) {
        WebElement field = waitFor(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        return this;
    }

    /** Clicks something that loads a new page and waits until the old page is gone. */
    public Browser clickAndLoad(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(css);
        wait.until(d -> gone(page));
        wait.until(d -> "complete".equals(script("return document.readyState")));
        return this;
    }

    /**
     * Whether the element belongs to a page that has been replaced. While the new page loads, ChromeDriver sometimes
     * answers "node does not belong to the document" instead of a stale element: both mean the old page is gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException detached) {
            String message = String.valueOf(detached.getMessage());
            if (message.contains("does not belong to the document") || message.contains("No node with given id")) {
                return true;
            }
            throw detached;
        }
    }

    public String text(String css) {
        return waitFor(css).getText();
    }

    public Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    /** The current path, e.g. {@code /login}. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** The current query string without the question mark, or null. */
    public String query() {
        return URI.create(driver.getCurrentUrl()).getQuery();
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves what the browser shows to target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A leftover profile in the temporary directory is harmless.
        }
    }
}
