package app.thaw.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the console tests: Debian's Chromium, headless, driven through its own
 * chromedriver (no driver download — Selenium Manager is never asked). Each test's screenshots
 * land in {@code system-tests/target/screenshots/} as build artifacts.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("THAW_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("THAW_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        // htmx swaps parts of the page while a test reads them: a swapped element is looked up again.
        this.wait = (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** Starts Chromium, or skips the calling test with the reason when it is not installed. */
    public static Browser start(String language) {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests need Chromium and chromedriver (apt-get install chromium chromium-driver; .ci/run does it); "
                        + "not found at " + CHROMIUM + " / " + CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--lang=" + language));
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        // Chromium's network events, read by networkLog() when a test needs to say what the browser got.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    public void open(String url) {
        driver.get(url);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String page() {
        return driver.getPageSource();
    }

    public WebElement await(By element) {
        return wait.until(browser -> browser.findElement(element));
    }

    public <T> T awaitThat(Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    public boolean has(By element) {
        return !driver.findElements(element).isEmpty();
    }

    public void type(By field, String text) {
        WebElement input = await(field);
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks the element, finding it again if htmx swapped it between finding and clicking. */
    public void click(By element) {
        wait.until(browser -> {
            try {
                browser.findElement(element).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                return false;
            }
        });
    }

    /**
     * Moves the keyboard focus with Tab (at most {@code presses} times) until it is on
     * {@code target}; false if it never gets there. What a person without a mouse does.
     */
    public boolean tabTo(By target, int presses) {
        WebElement wanted = await(target);
        for (int i = 0; i < presses; i++) {
            if (wanted.equals(driver.switchTo().activeElement())) {
                return true;
            }
            driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        }
        return wanted.equals(driver.switchTo().activeElement());
    }

    /** As {@link #tabTo(By, int)}, backwards with Shift+Tab: to reach a control before the focused one. */
    public boolean shiftTabTo(By target, int presses) {
        WebElement wanted = await(target);
        for (int i = 0; i < presses; i++) {
            if (wanted.equals(driver.switchTo().activeElement())) {
                return true;
            }
            driver.switchTo()
                    .activeElement()
                    .sendKeys(org.openqa.selenium.Keys.chord(
                            org.openqa.selenium.Keys.SHIFT, org.openqa.selenium.Keys.TAB));
        }
        return wanted.equals(driver.switchTo().activeElement());
    }

    /**
     * Waits for the window a link opened ({@code target="_blank"}) and moves to it; answers the window
     * left behind, for {@link #closeWindowBackTo(String)}.
     */
    public String switchToNewWindow() {
        String from = driver.getWindowHandle();
        String opened = wait.until(browser -> browser.getWindowHandles().stream()
                .filter(handle -> !handle.equals(from))
                .findFirst()
                .orElse(null));
        driver.switchTo().window(opened);
        return from;
    }

    /** Closes the current window and goes back to {@code window}. */
    public void closeWindowBackTo(String window) {
        driver.close();
        driver.switchTo().window(window);
    }

    /** Presses a key on whatever has the keyboard focus. */
    public void press(CharSequence key) {
        driver.switchTo().activeElement().sendKeys(key);
    }

    /** The element's text, read again if htmx swapped it while it was being read. */
    public String text(By element) {
        return wait.until(browser -> {
            try {
                return browser.findElement(element).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                return null;
            }
        });
    }

    /**
     * Keycloak's own login form, as a person would fill it. With organizations on, Keycloak asks
     * for the username first (to find the user's organization) and the password on a second page.
     */
    public void signInAtKeycloak(String username, String password) {
        type(By.id("username"), username);
        if (!has(By.id("password"))) {
            click(By.id("kc-login"));
        }
        type(By.id("password"), password);
        click(By.id("kc-login"));
    }

    /** Opens {@code page} at the gateway as a stranger, signs in at Keycloak, and waits to be back at the gateway. */
    public void signInAt(ThawPlatform thaw, String page, String username) {
        open(thaw.gatewayUrl() + page);
        awaitThat(browser -> browser.getCurrentUrl().startsWith(thaw.keycloakUrl()));
        signInAtKeycloak(username, Keycloak.DEMO_PASSWORD);
        awaitThat(browser -> browser.getCurrentUrl().startsWith(thaw.gatewayUrl()));
    }

    /**
     * Waits until the page's shared scripts have run (htmx is there and the page has loaded). On a
     * timeout it prints what the browser sent and got (Chromium's network events with their
     * cookies), which is how a lost session on the first dashboard page was found.
     */
    public void awaitScripts() {
        try {
            awaitThat(page -> (Boolean) ((JavascriptExecutor) page)
                    .executeScript("return typeof htmx !== 'undefined' && document.readyState === 'complete';"));
        } catch (org.openqa.selenium.TimeoutException missing) {
            System.out.println("Scripts missing on " + url() + "; the browser's network events:");
            networkLog().forEach(System.out::println);
            throw missing;
        }
    }

    /** Chromium's network events since the last call, the gateway's and services' only (not Keycloak's). */
    public List<String> networkLog() {
        List<String> lines = new java.util.ArrayList<>();
        for (org.openqa.selenium.logging.LogEntry entry : driver.manage().logs().get("performance")) {
            String message = entry.getMessage();
            if (message.contains("\"Network.") && !message.contains("/realms/") && !message.contains("/resources/")) {
                lines.add(message.length() > 1500 ? message.substring(0, 1500) + "…" : message);
            }
        }
        return lines;
    }

    /**
     * The page's accessibility violations by axe-core (WCAG 2.0/2.1, levels A and AA: labels,
     * contrast, landmarks, names of links and buttons…), one line each with the elements concerned.
     */
    public List<String> accessibilityViolations() {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        return results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — "
                        + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .toList())
                .toList();
    }

    /**
     * Takes the screenshot {@code name} and asserts axe-core finds no accessibility violation on the page (the
     * assertion described as "accessibility of {@code name}").
     */
    public void screenshotAndAssertAccessible(String name) {
        screenshot(name);
        assertThat(accessibilityViolations()).as("accessibility of " + name).isEmpty();
    }

    /** The window's size, e.g. 1366×768 for a check that a page fits an agent's laptop screen. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Runs a script in the page and answers what it returns. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
