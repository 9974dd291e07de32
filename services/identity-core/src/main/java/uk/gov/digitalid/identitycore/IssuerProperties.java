package uk.gov.digitalid.identitycore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param host          the public host of this issuer, e.g. {@code identity.example.gov.uk} or
 *                      {@code localhost:3000}; the issuer is {@code did:web:<host>}
 * @param maxValidity   the longest validity a credential may be issued with
 * @param clockLeeway   tolerated clock difference when checking {@code nbf} and {@code exp}
 * @param statusListTtl how long a signed status list is served from cache (and may be cached by clients)
 */
@ConfigurationProperties("identity-core.issuer")
public record IssuerProperties(String host, Duration maxValidity, Duration clockLeeway, Duration statusListTtl) {

    public IssuerProperties {
        if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.-]+(:\\d+)?")) {
            throw new IllegalArgumentException("identity-core.issuer.host must be a host name with an optional port");
        }
        maxValidity = maxValidity == null ? Duration.ofDays(365) : maxValidity;
        clockLeeway = clockLeeway == null ? Duration.ofSeconds(60) : clockLeeway;
        statusListTtl = statusListTtl == null ? Duration.ofSeconds(60) : statusListTtl;
    }

    /** {@code did:web:<host>}, the port's colon percent-encoded as did:web requires. */
    public String did() {
        return "did:web:" + host.replace(":", "%3A");
    }

    public String baseUrl() {
        return (host.startsWith("localhost") || host.startsWith("127.0.0.1") ? "http://" : "https://") + host;
    }

    /** Every status list URL of this issuer starts with this; the list id follows. */
    public String statusListUrlPrefix() {
        return baseUrl() + "/v1/status-lists/";
    }

    public String statusListUrl(long listId) {
        return statusListUrlPrefix() + listId;
    }
}
