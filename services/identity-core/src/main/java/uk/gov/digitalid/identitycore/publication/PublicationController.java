package uk.gov.digitalid.identitycore.publication;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.identitycore.IssuerProperties;
import uk.gov.digitalid.identitycore.credentials.CredentialNotFoundException;
import uk.gov.digitalid.identitycore.keys.PublishedKey;
import uk.gov.digitalid.identitycore.keys.SigningKeys;
import uk.gov.digitalid.identitycore.statuslist.StatusListCredentials;

/**
 * What relying parties need to verify credentials offline: the public keys as a JWKS and as a
 * did:web document, and the signed revocation status lists. Public and cacheable.
 */
@RestController
class PublicationController {

    static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");
    private static final CacheControl KEYS_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final SigningKeys keys;
    private final StatusListCredentials statusLists;
    private final IssuerProperties issuer;

    PublicationController(SigningKeys keys, StatusListCredentials statusLists, IssuerProperties issuer) {
        this.keys = keys;
        this.statusLists = statusLists;
        this.issuer = issuer;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        List<Map<String, Object>> jwks = keys.published().stream().map(k -> k.publicJwk().toPublicJWK().toJSONObject()).toList();
        return ResponseEntity.ok().cacheControl(KEYS_CACHE).body(Map.of("keys", jwks));
    }

    @GetMapping(path = "/.well-known/did.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> didDocument() {
        String did = issuer.did();
        List<PublishedKey> published = keys.published();
        List<Map<String, Object>> methods = published.stream().map(k -> {
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("id", did + "#" + k.kid());
            method.put("type", "JsonWebKey2020");
            method.put("controller", did);
            method.put("publicKeyJwk", k.publicJwk().toPublicJWK().toJSONObject());
            return method;
        }).toList();
        List<String> references = published.stream().map(k -> did + "#" + k.kid()).toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"));
        document.put("id", did);
        document.put("verificationMethod", methods);
        document.put("assertionMethod", references);
        return ResponseEntity.ok().cacheControl(KEYS_CACHE).body(document);
    }

    @GetMapping("/v1/status-lists/{id}")
    ResponseEntity<String> statusList(@PathVariable long id, @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        StatusListCredentials.Signed list = statusLists.get(id).orElseThrow(CredentialNotFoundException::new);
        CacheControl cache = CacheControl.maxAge(issuer.statusListTtl()).cachePublic();
        if (list.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(304).cacheControl(cache).eTag(list.etag()).build();
        }
        return ResponseEntity.ok().cacheControl(cache).eTag(list.etag()).contentType(VC_JWT).body(list.jwt());
    }
}
