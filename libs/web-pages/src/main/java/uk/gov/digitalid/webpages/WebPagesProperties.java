package uk.gov.digitalid.webpages;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pages.*}: where the gateway is and how long to wait for it, and the cookie that carries the
 * gateway's session token (its name, lifetime and SameSite mode).
 */
@ConfigurationProperties("pages")
public record WebPagesProperties(@DefaultValue("http://gateway:8080") URI gatewayUrl,
                                 @DefaultValue("2s") Duration connectTimeout,
                                 @DefaultValue("10s") Duration readTimeout,
                                 @DefaultValue Cookie sessionCookie) {

    /** The session cookie is always HttpOnly, Secure and path /; these are what differ between applications. */
    public record Cookie(@DefaultValue("session") String name, @DefaultValue("12h") Duration maxAge, @DefaultValue("Lax") String sameSite) {
    }
}
