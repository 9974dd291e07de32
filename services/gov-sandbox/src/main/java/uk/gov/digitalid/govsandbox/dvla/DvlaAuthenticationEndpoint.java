package uk.gov.digitalid.govsandbox.dvla;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * DVLA Authentication API, {@code POST /thirdparty-access/v1/authenticate} {@code {userName, password}}
 * → {@code {"id-token": JWT}}: the first step of DVLA's secure API pattern. The token carries its
 * expiry ({@code exp}) and is checked by the driver data endpoint.
 */
@RestController
public class DvlaAuthenticationEndpoint {

    private final DvlaSandboxProperties properties;
    private final byte[] signingKey = new byte[32];
    private final AtomicLong tokensIssued = new AtomicLong();

    DvlaAuthenticationEndpoint(DvlaSandboxProperties properties) {
        this.properties = properties;
        new SecureRandom().nextBytes(signingKey);
    }

    @PostMapping("/thirdparty-access/v1/authenticate")
    ResponseEntity<Object> authenticate(@RequestBody(required = false) Map<String, Object> body) throws JOSEException {
        if (body == null || !(body.get("userName") instanceof String user) || !(body.get("password") instanceof String password)) {
            return DvlaErrors.error(400, "Bad Request", "userName and password are required");
        }
        if (!same(properties.username(), user) || !same(properties.password(), password)) {
            return DvlaErrors.error(401, "Authentication Failure", "The user name or password is not correct");
        }
        Instant now = Instant.now();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject(user).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(properties.idTokenLifetime()))).build());
        token.sign(new MACSigner(signingKey));
        tokensIssued.incrementAndGet();
        return ResponseEntity.ok(Map.of("id-token", token.serialize()));
    }

    @GetMapping("/sandbox/dvla/tokens-issued")
    Map<String, Long> tokensIssued() {
        return Map.of("tokensIssued", tokensIssued.get());
    }

    boolean isValid(String authorization) {
        if (authorization == null) {
            return false;
        }
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : authorization.trim();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            return jwt.verify(new MACVerifier(signingKey)) && jwt.getJWTClaimsSet().getExpirationTime().after(new Date());
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }

    boolean isApiKey(String apiKey) {
        return same(properties.apiKey(), apiKey);
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
