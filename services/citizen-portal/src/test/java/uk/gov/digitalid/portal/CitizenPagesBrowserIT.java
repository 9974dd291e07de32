package uk.gov.digitalid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.junit.SharedBackingServices;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.backing.process.ServiceProcess;

/**
 * The citizen pages in Debian's Chromium, against the real gateway, identity-core, gov-connectors and
 * gov-sandbox (their jars, in child JVMs) on the embedded PostgreSQL, Redis and Kafka: every page
 * checked with axe-core and photographed into target/screenshots (and on any failure).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@WithBackingServices
class CitizenPagesBrowserIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static Browser browser;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot("FAILED-" + context.getDisplayName());
            }
        }
    };

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        List<String> backing = new ArrayList<>();
        SharedBackingServices.instance().services().springProperties(EnumSet.allOf(BackingService.class))
                .forEach((key, value) -> backing.add("--" + key + "=" + value));
        backing.add("--digitalid.system-metrics.enabled=false");
        Path jars = Path.of("target/service-jars");
        Path logs = Path.of("target/service-logs");
        List<String> core = new ArrayList<>(backing);
        core.addAll(List.of("--spring.profiles.active=local", "--identity-core.keys.directory=target/portal-signing-keys",
                "--identity-core.issuer.host=localhost:3000"));
        ServiceProcess identityCore = ServiceProcess.start("identity-core", jars.resolve("identity-core-exec.jar"), logs, core, Duration.ofMinutes(2));
        SERVICES.add(identityCore);
        ServiceProcess sandbox = ServiceProcess.start("gov-sandbox", jars.resolve("gov-sandbox-exec.jar"), logs, List.of(), Duration.ofMinutes(2));
        SERVICES.add(sandbox);
        List<String> connectorsArgs = new ArrayList<>(backing);
        connectorsArgs.addAll(List.of("--spring.profiles.active=local", "--gov-connectors.hmrc.base-url=" + sandbox.url(),
                "--gov-connectors.dvla.base-url=" + sandbox.url()));
        ServiceProcess connectors = ServiceProcess.start("gov-connectors", jars.resolve("gov-connectors-exec.jar"), logs, connectorsArgs,
                Duration.ofMinutes(2));
        SERVICES.add(connectors);
        List<String> gatewayArgs = new ArrayList<>(backing);
        gatewayArgs.addAll(List.of("--gateway.upstreams.identity-core-url=" + identityCore.url(),
                "--gateway.upstreams.gov-connectors-url=" + connectors.url(), "--gateway.upstreams.fraud-analytics-url=http://127.0.0.1:9"));
        ServiceProcess gateway = ServiceProcess.start("gateway", jars.resolve("gateway-exec.jar"), logs, gatewayArgs, Duration.ofMinutes(2));
        SERVICES.add(gateway);
        registry.add("portal.gateway-url", gateway::url);
    }

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeAll() {
        if (browser != null) {
            browser.close();
        }
        SERVICES.forEach(ServiceProcess::close);
    }

    @LocalServerPort int port;

    @Test
    void theStartPageLeadsToCreatingAnAccount() {
        open("/");
        assertThat(browser.driver.getTitle()).isEqualTo("Prove your identity – Prove your identity – GOV.UK");
        assertThat(browser.driver.findElement(By.cssSelector(".govuk-skip-link")).getAttribute("href")).endsWith("#main-content");
        checkAndPhotograph("start");
        click(By.linkText("Start now"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Create an account");
    }

    @Test
    void creatingAnAccountShowsEachProblemThenConfirms() {
        open("/create-account");
        checkAndPhotograph("create-account");
        submit();
        assertThat(browser.driver.getTitle()).startsWith("Error: Create an account");
        List<WebElement> summary = browser.driver.findElements(By.cssSelector(".govuk-error-summary__list a"));
        assertThat(summary).extracting(WebElement::getText).containsExactly("Enter your email address", "Enter your first name",
                "Enter your last name", "Enter a password");
        assertThat(summary.get(0).getAttribute("href")).endsWith("#email");
        assertThat(browser.driver.findElement(By.id("email")).getAttribute("aria-describedby")).isEqualTo("email-error");
        checkAndPhotograph("create-account-errors");

        type("email", "not-an-email");
        type("givenName", "Ada");
        type("familyName", "Lovelace");
        type("password", "password");
        submit();
        assertThat(browser.driver.findElements(By.cssSelector(".govuk-error-summary__list a"))).extracting(WebElement::getText)
                .containsExactly("Enter an email address in the correct format, like name@example.com");
        assertThat(browser.driver.findElement(By.id("givenName")).getAttribute("value")).as("answers kept").isEqualTo("Ada");

        type("email", "ada-" + UUID.randomUUID() + "@example.org");
        type("password", "password");
        submit();
        assertThat(browser.driver.findElement(By.cssSelector(".govuk-error-summary__list a")).getText())
                .as("the gateway's password policy, on the password field").startsWith("Your password");
        assertThat(browser.driver.findElement(By.cssSelector(".govuk-error-summary__list a")).getAttribute("href")).endsWith("#password");

        type("password", PASSWORD);
        submit();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("We have your details");
        checkAndPhotograph("account-created");
    }

    @Test
    void signingInShowsTheAccountAndSigningOutEndsIt() {
        String email = register();
        open("/sign-in");
        checkAndPhotograph("sign-in");
        type("email", email);
        type("password", "not the password at all");
        submit();
        assertThat(browser.driver.findElement(By.cssSelector(".govuk-error-summary__list a")).getText())
                .isEqualTo("Enter the email address and password of your account");
        checkAndPhotograph("sign-in-errors");

        type("password", PASSWORD);
        submit();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your account");
        assertThat(browser.driver.getPageSource()).contains("Ada Lovelace", email, "You have no credentials yet");
        assertThat(browser.driver.manage().getCookieNamed("portal_session")).satisfies(cookie -> {
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.isSecure()).isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Lax");
        });
        checkAndPhotograph("account");

        click(By.linkText("See your recent activity"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your recent activity");
        assertThat(browser.driver.findElements(By.cssSelector(".govuk-table__body tr"))).extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).contains("Signed in from"));
        checkAndPhotograph("activity");
        click(By.linkText("Back to your account"));

        click(By.xpath("//button[normalize-space()='Sign out']"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("You have signed out");
        checkAndPhotograph("signed-out");
        open("/account");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).as("back to sign in").isEqualTo("Sign in");
    }

    @Test
    void provingIdentityGetsACredentialWhichCanBeDownloadedShownAndRevoked() {
        signIn(register());
        assertThat(browser.driver.findElement(By.id("identity-status")).getText()).isEqualTo("Not proved yet");
        click(By.cssSelector("main a.govuk-button[href$='/prove-identity']"));
        checkAndPhotograph("prove-identity");

        type("nino", "QQ123");
        submit();
        assertThat(browser.driver.findElements(By.cssSelector(".govuk-error-summary__list a"))).extracting(WebElement::getText)
                .containsExactly("Enter a National Insurance number in the correct format, like QQ 12 34 56 C", "Enter your date of birth");
        assertThat(browser.driver.findElements(By.cssSelector(".govuk-error-summary__list a")).get(1).getAttribute("href")).endsWith("#dateOfBirth-day");
        checkAndPhotograph("prove-identity-errors");

        type("nino", "AB 12 34 56 C");
        type("dateOfBirth-day", "10");
        type("dateOfBirth-month", "12");
        type("dateOfBirth-year", "1985");
        type("licenceNumber", "LOVEL812105A99AB");
        submit();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("You have proved your identity");
        assertThat(browser.driver.findElement(By.cssSelector(".govuk-panel__body")).getText()).contains("P2");
        checkAndPhotograph("identity-proved");

        click(By.xpath("//button[normalize-space()='Get your credential']"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your credential");
        assertThat(browser.driver.findElement(By.id("credential-name")).getText()).isEqualTo("Ada Lovelace");
        assertThat(browser.driver.findElement(By.id("credential-birth-date")).getText()).isEqualTo("1985-12-10");
        assertThat(browser.driver.findElement(By.cssSelector("#credential-qr svg")).getAttribute("aria-label")).isEqualTo("QR code of your credential");
        String download = browser.driver.findElement(By.id("download")).getAttribute("href");
        assertThat(download).startsWith("data:application/jwt;base64,");
        String jwt = new String(Base64.getDecoder().decode(download.substring(download.indexOf(',') + 1)), StandardCharsets.US_ASCII);
        assertThat(jwt.split("\\.")).hasSize(3);
        checkAndPhotograph("credential");

        open("/account");
        assertThat(browser.driver.findElement(By.id("identity-status")).getText()).isEqualTo("Proved (P2)");
        assertThat(browser.driver.findElement(By.cssSelector(".govuk-table__body .govuk-tag")).getText()).isEqualTo("Active");
        click(By.partialLinkText("Revoke"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Are you sure you want to revoke this credential?");
        checkAndPhotograph("revoke-credential");
        click(By.xpath("//button[normalize-space()='Revoke credential']"));
        assertThat(browser.driver.findElement(By.cssSelector(".govuk-notification-banner__heading")).getText())
                .isEqualTo("Your credential has been revoked");
        assertThat(browser.driver.findElement(By.cssSelector(".govuk-table__body .govuk-tag")).getText()).isEqualTo("Revoked");
        checkAndPhotograph("account-after-revocation");
    }

    @Test
    void identityDetailsThatDoNotMatchAreRefusedPlainly() {
        signIn(register());
        open("/prove-identity");
        type("nino", "AB123456C");
        type("dateOfBirth-day", "11");
        type("dateOfBirth-month", "12");
        type("dateOfBirth-year", "1985");
        submit();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("We could not confirm your identity");
        checkAndPhotograph("identity-not-confirmed");
    }

    @Test
    void anUnknownPageIsAFriendlyNotFound() {
        open("/no-such-page");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        checkAndPhotograph("not-found");
    }

    @Test
    void pagesCarryTheSecurityHeadersAndFormsNeedTheirCsrfToken() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.body()).doesNotContain("<script>").contains("name=\"_csrf\"");

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40example.org&password=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a post without the CSRF token").isEqualTo(403);
        assertThat(forged.body()).doesNotContain("Exception", "at org.");
    }

    private void signIn(String email) {
        open("/sign-in");
        type("email", email);
        type("password", PASSWORD);
        submit();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your account");
    }

    private String register() {
        String email = "ada-" + UUID.randomUUID() + "@example.org";
        open("/create-account");
        type("email", email);
        type("givenName", "Ada");
        type("familyName", "Lovelace");
        type("password", PASSWORD);
        submit();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("We have your details");
        return email;
    }

    private void open(String path) {
        browser.driver.get("http://localhost:" + port + path);
    }

    private void type(String field, String value) {
        WebElement input = browser.driver.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    private void submit() {
        click(By.cssSelector("main form button[type=submit]"));
    }

    /** Clicks and waits for the next page: the clicked element goes stale when the new page replaces it. */
    private void click(By what) {
        WebElement element = browser.driver.findElement(what);
        element.click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(element));
    }

    private void checkAndPhotograph(String page) {
        browser.screenshot(page);
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on " + page).isEmpty();
    }
}
