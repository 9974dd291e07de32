package uk.gov.digitalid.govconnectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.govconnectors.InternalApiClient.Response;
import uk.gov.digitalid.govconnectors.sandbox.RunningSandbox;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamGuards;

/**
 * gov-connectors against gov-sandbox (both for real, on loopback) with real Redis: answers, caching,
 * retries, circuit breakers and token refresh, watched through the sandbox's call counters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@WithBackingServices(BackingService.REDIS)
class GovConnectorsSandboxIT {

    private static RunningSandbox sandbox;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        sandbox = new RunningSandbox("4s");
        registry.add("gov-connectors.hmrc.base-url", sandbox::url);
        registry.add("gov-connectors.dvla.base-url", sandbox::url);
        registry.add("gov-connectors.hmrc.client-id", () -> "sandbox-client-id");
        registry.add("gov-connectors.hmrc.client-secret", () -> "sandbox-client-secret");
        registry.add("gov-connectors.dvla.api-key", () -> "sandbox-dvla-api-key");
        registry.add("gov-connectors.dvla.vehicle-enquiry-api-key", () -> "sandbox-dvla-api-key");
        registry.add("gov-connectors.dvla.username", () -> "sandbox-user");
        registry.add("gov-connectors.dvla.password", () -> "sandbox-password");
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;
    @Autowired StringRedisTemplate redis;
    @Autowired UpstreamGuards guards;

    InternalApiClient api;

    @BeforeEach
    void cleanSlate() {
        api = new InternalApiClient(port);
        sandbox.resetFaults();
        Set<String> cached = redis.keys("gov-connectors:answers:*");
        if (!cached.isEmpty()) {
            redis.delete(cached);
        }
        guards.breakers().getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void hmrcMatchesByItsDocumentedCriteriaAndSaysNoOtherwise() {
        assertThat(match("AB123456C", "Ada", "Lovelace", "1985-12-10").body().get("matched").asBoolean()).isTrue();
        assertThat(match("AB123456C", "Augusta", "Lovelace-King", "1985-12-10").body().get("matched").asBoolean())
                .as("first letter of the first name, first three of the last").isTrue();
        Response wrongBirthDate = match("AB123456C", "Ada", "Lovelace", "1985-12-11");
        assertThat(wrongBirthDate.status()).isEqualTo(200);
        assertThat(wrongBirthDate.body().get("matched").asBoolean()).isFalse();
        assertThat(wrongBirthDate.body().get("reasons").get(0).asString()).isEqualTo("matching-failed");
        assertThat(match("NA000799C", "Amanda", "Joseph", "1960-01-15").body().get("matched").asBoolean()).isTrue();
        assertThat(match("NA000799C", "Amélie", "Jöseph", "1960-01-15").body().get("matched").asBoolean())
                .as("accents dropped for HMRC, who compare first letters").isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "LOVEL812105A99AB, Lovelace, 1985-12-10, true, VALID, ''",
            "LQZVJ603206B99ZY, LQZVJMTJ, 1966-03-20, false, DISQUALIFIED, licence-disqualified",
            "REVOK710010AB9CD, Revoked, 1970-10-01, false, REVOKED, licence-revoked",
            "EXPIR555055JD9XY, Expired, 1955-05-05, false, EXPIRED, licence-expired",
            "SMITH812105A99AB, Smith, 1985-12-10, false, NOT_FOUND, licence-not-found",
            "LOVEL812105A99AB, Lovell, 1985-12-10, false, UNKNOWN, details-do-not-match"})
    void licenceChecksAnswerValidityAndStatus(String licence, String surname, String birthDate, boolean valid, String status, String reason) {
        Response response = api.post("/v1/dvla/driving-licences/verify",
                "{\"licenceNumber\":\"%s\",\"surname\":\"%s\",\"dateOfBirth\":\"%s\"}".formatted(licence, surname, birthDate));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().get("valid").asBoolean()).isEqualTo(valid);
        assertThat(response.body().get("status").asString()).isEqualTo(status);
        assertThat(response.body().get("reasons").toString()).isEqualTo(reason.isEmpty() ? "[]" : "[\"" + reason + "\"]");
    }

    @Test
    void vehiclesAreLookedUpByNormalisedRegistration() {
        Response found = api.post("/v1/dvla/vehicles", "{\"registrationNumber\":\"aa19 aaa\"}");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("registrationNumber").asString()).isEqualTo("AA19AAA");
        assertThat(found.body().get("make").asString()).isEqualTo("FORD");
        assertThat(found.body().get("fuelType").asString()).isEqualTo("PETROL");

        Response missing = api.post("/v1/dvla/vehicles", "{\"registrationNumber\":\"ER19NFD\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aCachedPositiveAnswerMakesNoUpstreamCallAndKeysHoldNoPersonalData() {
        long before = sandbox.calls("hmrc-matching");
        assertThat(match("CE123456D", "Charles", "Babbage", "1971-12-26").body().get("matched").asBoolean()).isTrue();
        assertThat(match("CE123456D", "Charles", "Babbage", "1971-12-26").body().get("matched").asBoolean()).isTrue();
        assertThat(sandbox.calls("hmrc-matching") - before).isEqualTo(1);

        assertThat(redis.keys("gov-connectors:answers:*")).isNotEmpty()
                .allSatisfy(key -> assertThat(key).doesNotContain("CE123456D").doesNotContainIgnoringCase("babbage").doesNotContain("1971"));
    }

    @Test
    void refusalsAreNeverCached() {
        long before = sandbox.calls("hmrc-matching");
        match("CE123456D", "Charles", "Babbage", "1971-12-27");
        match("CE123456D", "Charles", "Babbage", "1971-12-27");
        assertThat(sandbox.calls("hmrc-matching") - before).isEqualTo(2);
        assertThat(redis.keys("gov-connectors:answers:*")).isEmpty();
    }

    @Test
    void theNonIdempotentMatchIsNeverRetried() {
        sandbox.fault("hmrc-matching", 0, 503, 1);
        long before = sandbox.calls("hmrc-matching");
        Response failed = match("AB123456C", "Ada", "Lovelace", "1985-12-10");
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(sandbox.calls("hmrc-matching") - before).as("one attempt only").isEqualTo(1);
    }

    @Test
    void idempotentReadsRetryTransientFailuresWithBackoff() {
        sandbox.fault("dvla-vehicles", 0, 503, 2);
        long before = sandbox.calls("dvla-vehicles");
        Response response = api.post("/v1/dvla/vehicles", "{\"registrationNumber\":\"AA19MOT\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(sandbox.calls("dvla-vehicles") - before).as("two failures, then the answer").isEqualTo(3);
    }

    @Test
    void theBreakerOpensFailsFastWhileOpenAndRecovers() throws InterruptedException {
        sandbox.fault("dvla-drivers", 0, 500, -1);
        long before = sandbox.calls("dvla-drivers");
        assertThat(verifyLicence().status()).as("three attempts failed").isEqualTo(502);
        assertThat(verifyLicence().status()).as("the fourth failure opens the breaker; the retry stops there").isEqualTo(503);
        assertThat(sandbox.calls("dvla-drivers") - before).isEqualTo(4);
        long callsWhenOpen = sandbox.calls("dvla-drivers");
        assertThat(guards.breakers().circuitBreaker("dvla-drivers").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        long started = System.nanoTime();
        Response refused = verifyLicence();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.retryAfter()).isEqualTo("2");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(elapsedMs).as("answered without waiting for DVLA").isLessThan(1_000);
        assertThat(sandbox.calls("dvla-drivers")).as("DVLA not called while open").isEqualTo(callsWhenOpen);
        assertThat(api.post("/v1/dvla/vehicles", "{\"registrationNumber\":\"AA19AAA\"}").status())
                .as("the vehicle API has its own breaker").isEqualTo(200);

        sandbox.resetFaults();
        Thread.sleep(2_200);
        assertThat(verifyLicence().status()).isEqualTo(200);
        assertThat(api.post("/v1/dvla/driving-licences/verify", "{\"licenceNumber\":\"LOVEL812105A99AB\",\"surname\":\"Lovelace\",\"dateOfBirth\":\"1985-12-10\"}")
                .status()).as("a second probe (the first answer is cached now)").isEqualTo(200);
        assertThat(guards.breakers().circuitBreaker("dvla-drivers").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theHmrcTokenIsReusedThenRefreshedBeforeItExpires() throws InterruptedException {
        Thread.sleep(2_100); // whatever token an earlier test left is now due for refresh: start with a fresh one
        match("CE123456D", "Charles", "Babbage", "1971-12-20");
        long issued = sandbox.hmrcTokensIssued();
        match("CE123456D", "Charles", "Babbage", "1971-12-21");
        assertThat(sandbox.hmrcTokensIssued()).as("reused while fresh").isEqualTo(issued);

        Thread.sleep(2_100);
        Response afterRefresh = match("CE123456D", "Charles", "Babbage", "1971-12-22");
        assertThat(afterRefresh.status()).as("never sent with an expired token").isEqualTo(200);
        assertThat(sandbox.hmrcTokensIssued()).as("replaced 2 s before its 4 s expiry").isEqualTo(issued + 1);
    }

    @Test
    void aCallThatOutlivesTheReadTimeoutIsA504() {
        sandbox.fault("hmrc-matching", 3_000, 0, 0);
        long started = System.nanoTime();
        Response response = match("AB123456C", "Ada", "Lovelace", "1985-12-10");
        assertThat(response.status()).isEqualTo(504);
        assertThat((System.nanoTime() - started) / 1_000_000).as("the 1 s read timeout, not the 3 s upstream").isLessThan(2_500);
    }

    @Test
    void aFullBulkheadTurnsCallsAwayAtOnce() throws Exception {
        sandbox.fault("hmrc-matching", 600, 0, 0);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String birthDate = "1971-12-0" + (i + 1);
            calls.add(() -> match("CE123456D", "Charles", "Babbage", birthDate));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : pool.invokeAll(calls, 20, TimeUnit.SECONDS)) {
                responses.add(future.get());
            }
            assertThat(responses).filteredOn(r -> r.status() == 200).as("four allowed in flight").hasSize(4);
            assertThat(responses).filteredOn(r -> r.status() == 503).hasSize(2).allSatisfy(r -> assertThat(r.retryAfter()).isEqualTo("1"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void breakerBulkheadRetryAndCacheMetricsArePublished() throws Exception {
        match("AB123456C", "Ada", "Lovelace", "1985-12-10");
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("resilience4j_circuitbreaker_state{", "name=\"hmrc\"", "name=\"dvla-drivers\"",
                "resilience4j_bulkhead_available_concurrent_calls{", "resilience4j_retry_calls_total{", "gov_connectors_cache_lookups_total{",
                "http_client_requests_seconds_count{");
    }

    private Response match(String nino, String givenName, String familyName, String birthDate) {
        return api.post("/v1/hmrc/individuals/match",
                "{\"nino\":\"%s\",\"givenName\":\"%s\",\"familyName\":\"%s\",\"dateOfBirth\":\"%s\"}".formatted(nino, givenName, familyName, birthDate));
    }

    private Response verifyLicence() {
        return api.post("/v1/dvla/driving-licences/verify", "{\"licenceNumber\":\"TCAEU610267NO9EK\",\"surname\":\"TCAEUCJ\",\"dateOfBirth\":\"1967-10-26\"}");
    }
}
