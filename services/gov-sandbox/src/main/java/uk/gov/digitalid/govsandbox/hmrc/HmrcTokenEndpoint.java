package uk.gov.digitalid.govsandbox.hmrc;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth/token}: OAuth 2.0 client credentials grant for application-restricted endpoints,
 * form-encoded parameters in the body, answering {@code {access_token, token_type, expires_in, scope}}.
 */
@RestController
public class HmrcTokenEndpoint {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HmrcSandboxProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private final AtomicLong tokensIssued = new AtomicLong();

    HmrcTokenEndpoint(HmrcSandboxProperties properties) {
        this.properties = properties;
    }

    @PostMapping(path = "/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Object> token(@RequestBody MultiValueMap<String, String> form) {
        if (!"client_credentials".equals(form.getFirst("grant_type"))) {
            return HmrcErrors.error(400, "unsupported_grant_type", "grant_type must be client_credentials");
        }
        if (!same(properties.clientId(), form.getFirst("client_id")) || !same(properties.clientSecret(), form.getFirst("client_secret"))) {
            return HmrcErrors.error(401, "invalid_client", "invalid client id or secret");
        }
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        issued.put(token, clock.instant().plus(properties.tokenLifetime()));
        tokensIssued.incrementAndGet();
        String scope = form.getFirst("scope");
        return ResponseEntity.ok(Map.of("access_token", token, "token_type", "bearer",
                "expires_in", properties.tokenLifetime().toSeconds(), "scope", scope == null ? "" : scope));
    }

    /** How many tokens were issued: lets tests see that a token was reused or refreshed. */
    @GetMapping("/sandbox/hmrc/tokens-issued")
    Map<String, Long> tokensIssued() {
        return Map.of("tokensIssued", tokensIssued.get());
    }

    boolean isValid(String token) {
        Instant expiry = token == null ? null : issued.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
