package uk.gov.digitalid.webpages.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium, headless, driven by its chromedriver (no driver download), as a JUnit extension
 * ({@code @RegisterExtension static final Browser browser = new Browser();}): started before a test
 * class, closed after it, and a screenshot under {@code target/screenshots} of any test that fails.
 * Pages are checked with axe-core and photographed with {@link #checkAndPhotograph}.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(20);

    private ChromeDriver driver;
    private String axe;
    private String baseUrl;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage", "--window-size=1280,1024");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        axe = new String(Browser.class.getResourceAsStream("/axe.min.js").readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver != null) {
            screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Where {@link #open} paths are relative to, such as {@code http://localhost:3001}. */
    public void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String text(By what) {
        return driver.findElement(what).getText();
    }

    /** The links of the GOV.UK error summary, in order. */
    public List<WebElement> errorSummaryLinks() {
        return driver.findElements(By.cssSelector(".govuk-error-summary__list a"));
    }

    public void type(String fieldId, String value) {
        WebElement input = driver.findElement(By.id(fieldId));
        input.clear();
        input.sendKeys(value);
    }

    /** Submits the (first) form in the main content. */
    public void submit() {
        click(By.cssSelector("main form button[type=submit]"));
    }

    /** Clicks and waits for the next page: the clicked element goes stale when the new page replaces it. */
    public void click(By what) {
        WebElement element = driver.findElement(what);
        element.click();
        new WebDriverWait(driver, PAGE_WAIT).until(ExpectedConditions.stalenessOf(element));
    }

    /** Photographs the page, then asserts axe-core finds no serious or critical accessibility violation on it. */
    public void checkAndPhotograph(String page) {
        screenshot(page);
        assertThat(seriousAccessibilityViolations()).as("axe-core on " + page).isEmpty();
    }

    /** Serious and critical axe-core violations on the current page (rule id and help text). */
    public List<String> seriousAccessibilityViolations() {
        driver.executeScript(axe);
        Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document).then(r => done(JSON.stringify(r.violations)))"
                + ".catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e)}])));");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = JsonMapper.builder().build().readValue((String) result, List.class);
        return violations.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + ": " + v.get("help")).toList();
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
