package uk.gov.digitalid.backing.redis;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** How to reach a Redis server; {@code password} is empty when none is needed. */
public record RedisConnection(String host, int port, String password) {

    /** A {@code redis://} URL as Spring Boot's {@code spring.data.redis.url} takes it. */
    public String url() {
        String auth = password.isEmpty() ? "" : ":" + password + "@";
        return "redis://" + auth + host + ":" + port;
    }

    @Override
    public String toString() {
        return "redis://" + host + ":" + port;
    }

    /** Parses {@code redis://[[user]:password@]host[:port]}. */
    public static RedisConnection parse(String url) {
        URI uri = URI.create(url.trim());
        if (!"redis".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Not a Redis URL (redis://[:password@]host:port)");
        }
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] userInfo = uri.getRawUserInfo().split(":", 2);
            password = URLDecoder.decode(userInfo[userInfo.length - 1], StandardCharsets.UTF_8);
        }
        return new RedisConnection(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), password);
    }
}
