package uk.gov.digitalid.backing.postgres;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** How to reach a PostgreSQL server: enough for a JDBC data source. */
public record PostgresConnection(String host, int port, String database, String username, String password) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The password is left out: connection details get logged. */
    @Override
    public String toString() {
        return jdbcUrl() + " as " + username;
    }

    /**
     * Parses {@code postgresql://user:password@host:port/database} (libpq style) or
     * {@code jdbc:postgresql://host:port/database?user=...&password=...}.
     */
    public static PostgresConnection parse(String url) {
        String trimmed = url.trim();
        boolean jdbc = trimmed.startsWith("jdbc:");
        URI uri = URI.create(jdbc ? trimmed.substring("jdbc:".length()) : trimmed);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Not a PostgreSQL URL (postgresql://user:password@host:port/db)");
        }
        Map<String, String> query = query(uri.getRawQuery());
        String user = query.getOrDefault("user", "postgres");
        String password = query.getOrDefault("password", "");
        if (uri.getRawUserInfo() != null) {
            String[] userInfo = uri.getRawUserInfo().split(":", 2);
            user = decode(userInfo[0]);
            password = userInfo.length > 1 ? decode(userInfo[1]) : "";
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new PostgresConnection(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                path.isEmpty() ? "postgres" : path, user, password);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        return values;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
