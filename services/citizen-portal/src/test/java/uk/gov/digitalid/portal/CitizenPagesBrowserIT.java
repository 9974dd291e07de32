package uk.gov.digitalid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
 * The citizen pages in Debian's Chromium, against the real gateway, identity-core, gov-connectors and
 * gov-sandbox (their jars, in child JVMs) on the embedded PostgreSQL, Redis and Kafka: every page
 * checked with axe-core and photographed into target/screenshots (and on any failure).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@WithBackingServices
class CitizenPagesBrowserIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static PlatformServices services;

    @RegisterExtension
    static final Browser browser = new Browser();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        List<String> backing = new ArrayList<>(SharedBackingServices.instance().services().springArguments());
        backing.add("--digitalid.system-metrics.enabled=false");
        services = PlatformServices.start(EnumSet.of(Service.IDENTITY_CORE, Service.GOV_SANDBOX, Service.GOV_CONNECTORS, Service.GATEWAY),
                Path.of("target/service-jars"), Path.of("target/service-logs"), Path.of("target/service-state"), backing);
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
    void theStartPageLeadsToCreatingAnAccount() {
        browser.open("/");
        assertThat(browser.driver().getTitle()).isEqualTo("Prove your identity – Prove your identity – GOV.UK");
        assertThat(browser.driver().findElement(By.cssSelector(".govuk-skip-link")).getAttribute("href")).endsWith("#main-content");
        browser.checkAndPhotograph("start");
        browser.click(By.linkText("Start now"));
        assertThat(browser.heading()).isEqualTo("Create an account");
    }

    @Test
    void creatingAnAccountShowsEachProblemThenConfirms() {
        browser.open("/create-account");
        browser.checkAndPhotograph("create-account");
        browser.submit();
        assertThat(browser.driver().getTitle()).startsWith("Error: Create an account");
        List<WebElement> summary = browser.errorSummaryLinks();
        assertThat(summary).extracting(WebElement::getText).containsExactly("Enter your email address", "Enter your first name",
                "Enter your last name", "Enter a password");
        assertThat(summary.get(0).getAttribute("href")).endsWith("#email");
        assertThat(browser.driver().findElement(By.id("email")).getAttribute("aria-describedby")).isEqualTo("email-error");
        browser.checkAndPhotograph("create-account-errors");

        browser.type("email", "not-an-email");
        browser.type("givenName", "Ada");
        browser.type("familyName", "Lovelace");
        browser.type("password", "password");
        browser.submit();
        assertThat(browser.errorSummaryLinks()).extracting(WebElement::getText)
                .containsExactly("Enter an email address in the correct format, like name@example.com");
        assertThat(browser.driver().findElement(By.id("givenName")).getAttribute("value")).as("answers kept").isEqualTo("Ada");

        browser.type("email", "ada-" + UUID.randomUUID() + "@example.org");
        browser.type("password", "password");
        browser.submit();
        assertThat(browser.driver().findElement(By.cssSelector(".govuk-error-summary__list a")).getText())
                .as("the gateway's password policy, on the password field").startsWith("Your password");
        assertThat(browser.driver().findElement(By.cssSelector(".govuk-error-summary__list a")).getAttribute("href")).endsWith("#password");

        browser.type("password", PASSWORD);
        browser.submit();
        assertThat(browser.heading()).isEqualTo("We have your details");
        browser.checkAndPhotograph("account-created");
    }

    @Test
    void signingInShowsTheAccountAndSigningOutEndsIt() {
        String email = register();
        browser.open("/sign-in");
        browser.checkAndPhotograph("sign-in");
        browser.type("email", email);
        browser.type("password", "not the password at all");
        browser.submit();
        assertThat(browser.driver().findElement(By.cssSelector(".govuk-error-summary__list a")).getText())
                .isEqualTo("Enter the email address and password of your account");
        browser.checkAndPhotograph("sign-in-errors");

        browser.type("password", PASSWORD);
        browser.submit();
        assertThat(browser.heading()).isEqualTo("Your account");
        assertThat(browser.driver().getPageSource()).contains("Ada Lovelace", email, "You have no credentials yet");
        assertThat(browser.driver().manage().getCookieNamed("portal_session")).satisfies(cookie -> {
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.isSecure()).isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Lax");
        });
        browser.checkAndPhotograph("account");

        browser.click(By.linkText("See your recent activity"));
        assertThat(browser.heading()).isEqualTo("Your recent activity");
        assertThat(browser.driver().findElements(By.cssSelector(".govuk-table__body tr"))).extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).contains("Signed in from"));
        browser.checkAndPhotograph("activity");
        browser.click(By.linkText("Back to your account"));

        browser.click(By.xpath("//button[normalize-space()='Sign out']"));
        assertThat(browser.heading()).isEqualTo("You have signed out");
        browser.checkAndPhotograph("signed-out");
        browser.open("/account");
        assertThat(browser.heading()).as("back to sign in").isEqualTo("Sign in");
    }

    @Test
    void provingIdentityGetsACredentialWhichCanBeDownloadedShownAndRevoked() {
        signIn(register());
        assertThat(browser.driver().findElement(By.id("identity-status")).getText()).isEqualTo("Not proved yet");
        browser.click(By.cssSelector("main a.govuk-button[href$='/prove-identity']"));
        browser.checkAndPhotograph("prove-identity");

        browser.type("nino", "QQ123");
        browser.submit();
        assertThat(browser.errorSummaryLinks()).extracting(WebElement::getText)
                .containsExactly("Enter a National Insurance number in the correct format, like QQ 12 34 56 C", "Enter your date of birth");
        assertThat(browser.errorSummaryLinks().get(1).getAttribute("href")).endsWith("#dateOfBirth-day");
        browser.checkAndPhotograph("prove-identity-errors");

        browser.type("nino", "AB 12 34 56 C");
        browser.type("dateOfBirth-day", "10");
        browser.type("dateOfBirth-month", "12");
        browser.type("dateOfBirth-year", "1985");
        browser.type("licenceNumber", "LOVEL812105A99AB");
        browser.submit();
        assertThat(browser.heading()).isEqualTo("You have proved your identity");
        assertThat(browser.driver().findElement(By.cssSelector(".govuk-panel__body")).getText()).contains("P2");
        browser.checkAndPhotograph("identity-proved");

        browser.click(By.xpath("//button[normalize-space()='Get your credential']"));
        assertThat(browser.heading()).isEqualTo("Your credential");
        assertThat(browser.driver().findElement(By.id("credential-name")).getText()).isEqualTo("Ada Lovelace");
        assertThat(browser.driver().findElement(By.id("credential-birth-date")).getText()).isEqualTo("1985-12-10");
        assertThat(browser.driver().findElement(By.cssSelector("#credential-qr svg")).getAttribute("aria-label")).isEqualTo("QR code of your credential");
        String download = browser.driver().findElement(By.id("download")).getAttribute("href");
        assertThat(download).startsWith("data:application/jwt;base64,");
        String jwt = new String(Base64.getDecoder().decode(download.substring(download.indexOf(',') + 1)), StandardCharsets.US_ASCII);
        assertThat(jwt.split("\\.")).hasSize(3);
        browser.checkAndPhotograph("credential");

        browser.open("/account");
        assertThat(browser.driver().findElement(By.id("identity-status")).getText()).isEqualTo("Proved (P2)");
        assertThat(browser.driver().findElement(By.cssSelector(".govuk-table__body .govuk-tag")).getText()).isEqualTo("Active");
        browser.click(By.partialLinkText("Revoke"));
        assertThat(browser.heading()).isEqualTo("Are you sure you want to revoke this credential?");
        browser.checkAndPhotograph("revoke-credential");
        browser.click(By.xpath("//button[normalize-space()='Revoke credential']"));
        assertThat(browser.driver().findElement(By.cssSelector(".govuk-notification-banner__heading")).getText())
                .isEqualTo("Your credential has been revoked");
        assertThat(browser.driver().findElement(By.cssSelector(".govuk-table__body .govuk-tag")).getText()).isEqualTo("Revoked");
        browser.checkAndPhotograph("account-after-revocation");
    }

    @Test
    void identityDetailsThatDoNotMatchAreRefusedPlainly() {
        signIn(register());
        browser.open("/prove-identity");
        browser.type("nino", "AB123456C");
        browser.type("dateOfBirth-day", "11");
        browser.type("dateOfBirth-month", "12");
        browser.type("dateOfBirth-year", "1985");
        browser.submit();
        assertThat(browser.heading()).isEqualTo("We could not confirm your identity");
        browser.checkAndPhotograph("identity-not-confirmed");
    }

    @Test
    void anUnknownPageIsAFriendlyNotFound() {
        browser.open("/no-such-page");
        assertThat(browser.heading()).isEqualTo("Page not found");
        browser.checkAndPhotograph("not-found");
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
        browser.open("/sign-in");
        browser.type("email", email);
        browser.type("password", PASSWORD);
        browser.submit();
        assertThat(browser.heading()).isEqualTo("Your account");
    }

    private String register() {
        String email = "ada-" + UUID.randomUUID() + "@example.org";
        browser.open("/create-account");
        browser.type("email", email);
        browser.type("givenName", "Ada");
        browser.type("familyName", "Lovelace");
        browser.type("password", PASSWORD);
        browser.submit();
        assertThat(browser.heading()).isEqualTo("We have your details");
        return email;
    }
}
