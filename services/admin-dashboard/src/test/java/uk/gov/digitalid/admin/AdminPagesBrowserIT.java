package uk.gov.digitalid.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.digitalid.backing.junit.SharedBackingServices;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.backing.process.PlatformServices;
import uk.gov.digitalid.backing.process.PlatformServices.Service;
import uk.gov.digitalid.webpages.testing.Browser;

/**
 * The operators' pages in Debian's Chromium, against the real gateway, identity-core, gov-connectors,
 * gov-sandbox and fraud-analytics (their jars, in child JVMs) on the embedded PostgreSQL, Redis and
 * Kafka, signed in as an operator made by the gateway's bootstrap command: every page checked with
 * axe-core and photographed into target/screenshots (and on any failure).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@WithBackingServices
class AdminPagesBrowserIT {

    private static final Path JARS = Path.of("target/service-jars");
    private static PlatformServices services;
    private static Operator operator;
    private static CitizenApi citizens;

    @RegisterExtension
    static final Browser browser = new Browser();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws Exception {
        List<String> backing = new ArrayList<>(SharedBackingServices.instance().services().springArguments());
        operator = Operator.create(JARS.resolve("gateway-exec.jar"), backing, "ops-" + UUID.randomUUID() + "@example.gov.uk");
        // Every service reports on system-metrics often enough for the system-health page to fill quickly.
        backing.add("--digitalid.system-metrics.interval=2s");
        services = PlatformServices.start(EnumSet.range(Service.IDENTITY_CORE, Service.GATEWAY), JARS, Path.of("target/service-logs"), Path.of("target/service-state"),
                backing);
        citizens = new CitizenApi(services.url(Service.GATEWAY));
        registry.add("pages.gateway-url", () -> services.url(Service.GATEWAY));
    }

    @AfterAll
    static void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    @LocalServerPort int port;

    @BeforeEach
    void pointTheBrowserHere() {
        browser.baseUrl("http://localhost:" + port);
    }

    @Test
    void operatorsSignInWithPasswordAndCurrentCodeAndSignOut() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.open("/alerts");
        assertThat(browser.heading()).as("signed out, the pages ask to sign in").isEqualTo("Sign in");
        assertThat(browser.driver().findElements(By.cssSelector(".govuk-service-navigation__list"))).as("no sections before signing in").isEmpty();
        browser.checkAndPhotograph("sign-in");

        browser.type("code", "12345");
        browser.submit();
        assertThat(browser.driver().getTitle()).startsWith("Error: Sign in");
        assertThat(browser.errorSummaryLinks()).extracting(WebElement::getText).containsExactly("Enter your email address", "Enter your password",
                "The code must be 6 digits, like 123456");
        assertThat(browser.errorSummaryLinks().get(2).getAttribute("href")).endsWith("#code");
        browser.checkAndPhotograph("sign-in-errors");

        browser.type("email", operator.email());
        browser.type("password", operator.password());
        browser.type("code", operator.staleCode());
        browser.submit();
        assertThat(browser.errorSummaryLinks()).extracting(WebElement::getText)
                .containsExactly("Enter the email address, password and current code of your operator account");

        browser.type("password", operator.password());
        browser.type("code", operator.nextCode());
        browser.submit();
        assertThat(browser.heading()).isEqualTo("Fraud alerts");
        assertThat(browser.driver().manage().getCookieNamed("admin_session")).satisfies(cookie -> {
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.isSecure()).isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Strict");
        });

        browser.click(By.xpath("//button[normalize-space()='Sign out']"));
        assertThat(browser.heading()).isEqualTo("You have signed out");
        browser.checkAndPhotograph("signed-out");
        browser.open("/accounts");
        assertThat(browser.heading()).isEqualTo("Sign in");
    }

    @Test
    void alertsAreFilteredAcknowledgedAndResolvedWithTheOperatorNamed() throws Exception {
        String email = "target-" + UUID.randomUUID() + "@example.org";
        String account = citizens.register(email);
        for (int i = 0; i < 5; i++) {
            citizens.failToSignIn(email);
        }
        signIn();
        waitFor("fraud-analytics to raise the alert", () -> {
            browser.open("/alerts?status=OPEN&severity=HIGH");
            return browser.driver().getPageSource().contains(account);
        });
        assertThat(new Select(browser.driver().findElement(By.id("status"))).getFirstSelectedOption().getText()).isEqualTo("Open");
        browser.checkAndPhotograph("alerts");

        new Select(browser.driver().findElement(By.id("status"))).selectByVisibleText("Resolved");
        browser.click(By.cssSelector("#filter button[type=submit]"));
        assertThat(browser.driver().getCurrentUrl()).contains("status=RESOLVED");
        assertThat(browser.driver().getPageSource()).doesNotContain(account);

        browser.open("/alerts?status=OPEN&severity=HIGH");
        browser.click(By.xpath("//tr[.//code[text()='" + account + "']]//a"));
        assertThat(browser.heading()).isEqualTo("failed-sign-ins-per-account");
        assertThat(browser.text(By.id("alert-status"))).isEqualTo("Open");
        browser.checkAndPhotograph("alert");

        browser.type("acknowledgeNote", "Looking into it");
        browser.click(By.xpath("//button[normalize-space()='Acknowledge alert']"));
        assertThat(browser.text(By.cssSelector(".govuk-notification-banner__heading"))).isEqualTo("Alert acknowledged");
        assertThat(browser.text(By.id("alert-status"))).isEqualTo("Acknowledged");
        assertThat(browser.text(By.id("acknowledged-by"))).isEqualTo(operator.email());

        browser.click(By.xpath("//button[normalize-space()='Resolve alert']"));
        assertThat(browser.errorSummaryLinks()).extracting(WebElement::getText).containsExactly("Enter what you found and what you did");
        assertThat(browser.errorSummaryLinks().get(0).getAttribute("href")).endsWith("#resolution");
        browser.checkAndPhotograph("alert-errors");
        browser.type("resolution", "Citizen forgot their password; no fraud");
        browser.click(By.xpath("//button[normalize-space()='Resolve alert']"));
        assertThat(browser.text(By.cssSelector(".govuk-notification-banner__heading"))).isEqualTo("Alert resolved");
        assertThat(browser.text(By.id("resolved-by"))).isEqualTo(operator.email() + ": Citizen forgot their password; no fraud");
        assertThat(browser.driver().findElements(By.id("resolve"))).as("nothing left to do").isEmpty();

        browser.click(By.cssSelector("main a[href*='/audit-trail?subject=']"));
        waitFor("the operator's actions to reach the audit log", () -> {
            browser.driver().navigate().refresh();
            return browser.driver().findElements(By.xpath("//td[text()='fraud.alert-resolved']")).size() == 1;
        });
        assertThat(browser.driver().findElements(By.xpath("//tr[td[text()='fraud.alert-acknowledged']]/td[5]"))).extracting(WebElement::getText)
                .containsExactly(operator.email());
    }

    @Test
    void accountsAreFoundAndLockedAndUnlockedWithAReason() throws Exception {
        String email = "lockme-" + UUID.randomUUID() + "@example.org";
        String account = citizens.register(email);
        String citizenSession = citizens.signIn(email);
        signIn();

        browser.open("/accounts");
        browser.checkAndPhotograph("accounts");
        browser.type("email", "lo");
        browser.submit();
        assertThat(browser.errorSummaryLinks()).extracting(WebElement::getText).containsExactly("Enter at least 3 characters of the email address");
        browser.checkAndPhotograph("accounts-errors");

        browser.type("email", email.substring(0, 20));
        browser.submit();
        assertThat(browser.driver().findElements(By.cssSelector("#accounts tbody tr"))).extracting(WebElement::getText)
                .singleElement().satisfies(row -> assertThat(row).contains(email, "Ada Lovelace", "Active"));
        browser.click(By.linkText(email));
        assertThat(browser.heading()).isEqualTo("Ada Lovelace");
        assertThat(browser.text(By.id("account-status"))).isEqualTo("Active");
        browser.checkAndPhotograph("account");

        browser.click(By.xpath("//button[normalize-space()='Lock account']"));
        assertThat(browser.errorSummaryLinks()).extracting(WebElement::getText).containsExactly("Enter why you are locking this account");
        browser.type("lockReason", "Suspected account takeover");
        browser.click(By.xpath("//button[normalize-space()='Lock account']"));
        assertThat(browser.text(By.cssSelector(".govuk-notification-banner__heading"))).isEqualTo("The account has been locked");
        assertThat(browser.text(By.id("account-status"))).isEqualTo("Locked");
        assertThat(citizens.me(citizenSession)).as("the citizen's session ended").isEqualTo(401);
        browser.checkAndPhotograph("account-locked");

        browser.type("unlockReason", "Citizen confirmed it was them");
        browser.click(By.xpath("//button[normalize-space()='Unlock account']"));
        assertThat(browser.text(By.cssSelector(".govuk-notification-banner__heading"))).isEqualTo("The account has been unlocked");
        assertThat(browser.text(By.id("account-status"))).isEqualTo("Active");
        assertThat(citizens.signIn(email)).as("the citizen can sign in again").isNotBlank();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/accounts/" + account + "?done=unlocked");
    }

    @Test
    void aCredentialIsRevokedAfterConfirmingWhy() throws Exception {
        String email = "revoke-" + UUID.randomUUID() + "@example.org";
        String account = citizens.register(email);
        citizens.proveIdentityAndGetCredential(citizens.signIn(email));
        signIn();

        browser.open("/accounts/" + account);
        assertThat(browser.text(By.cssSelector("#credentials tbody .govuk-tag"))).isEqualTo("Active");
        browser.click(By.partialLinkText("Revoke"));
        assertThat(browser.heading()).isEqualTo("Are you sure you want to revoke this credential?");
        browser.checkAndPhotograph("revoke-credential");
        browser.submit();
        assertThat(browser.errorSummaryLinks()).extracting(WebElement::getText).containsExactly("Enter why you are revoking this credential");
        browser.checkAndPhotograph("revoke-credential-errors");

        browser.type("reason", "Citizen reported a lost phone");
        browser.submit();
        assertThat(browser.text(By.cssSelector(".govuk-notification-banner__heading"))).isEqualTo("The credential has been revoked");
        assertThat(browser.text(By.cssSelector("#credentials tbody .govuk-tag"))).isEqualTo("Revoked");
        assertThat(browser.driver().findElements(By.partialLinkText("Revoke"))).isEmpty();
    }

    @Test
    void theAuditTrailShowsASubjectsEventsAndTheChainStatus() throws Exception {
        String account = citizens.register("trail-" + UUID.randomUUID() + "@example.org");
        signIn();

        browser.open("/audit-trail");
        assertThat(browser.text(By.cssSelector("#chain-status .govuk-tag"))).isEqualTo("Chain intact");
        browser.checkAndPhotograph("audit-trail");
        browser.type("subject", "no spaces allowed");
        browser.submit();
        assertThat(browser.errorSummaryLinks()).extracting(WebElement::getText)
                .containsExactly("A subject is up to 200 letters, digits and the characters . _ : @ -");
        browser.checkAndPhotograph("audit-trail-errors");

        waitFor("the registration to reach the audit log", () -> {
            browser.type("subject", account);
            browser.submit();
            return !browser.driver().findElements(By.id("events")).isEmpty();
        });
        assertThat(browser.text(By.id("trail-status"))).isEqualTo("Every link holds");
        assertThat(browser.driver().findElements(By.cssSelector("#events tbody tr td:nth-child(3)"))).extracting(WebElement::getText)
                .contains("account.registered");
        browser.checkAndPhotograph("audit-trail-events");
    }

    @Test
    void systemHealthShowsEachServicesLatestSnapshot() throws Exception {
        signIn();
        waitFor("gateway, identity-core and fraud-analytics to report", () -> {
            browser.open("/system-health");
            List<String> rows = browser.driver().findElements(By.cssSelector("#services tbody tr")).stream().map(WebElement::getText).toList();
            return rows.stream().anyMatch(r -> r.startsWith("gateway")) && rows.stream().anyMatch(r -> r.startsWith("identity-core"))
                    && rows.stream().anyMatch(r -> r.startsWith("fraud-analytics"));
        });
        assertThat(browser.driver().findElements(By.xpath("//tr[th/span[text()='gateway']]/td[1]"))).extracting(WebElement::getText)
                .containsExactly("UP");
        browser.checkAndPhotograph("system-health");
    }

    @Test
    void unknownPagesAndAlertsAreAFriendlyNotFound() throws Exception {
        signIn();
        browser.open("/no-such-page");
        assertThat(browser.heading()).isEqualTo("Page not found");
        browser.checkAndPhotograph("not-found");
        browser.open("/alerts/" + UUID.randomUUID());
        assertThat(browser.heading()).isEqualTo("Page not found");
        browser.open("/accounts/not-a-uuid");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception", "at org.", "at uk.");
    }

    /** Signs the browser in as the operator unless it already is. */
    private void signIn() throws InterruptedException {
        browser.open("/alerts");
        if (!"Sign in".equals(browser.heading())) {
            return;
        }
        browser.type("email", operator.email());
        browser.type("password", operator.password());
        browser.type("code", operator.nextCode());
        browser.submit();
        assertThat(browser.heading()).isEqualTo("Fraud alerts");
    }

    private static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(500);
        }
    }
}
