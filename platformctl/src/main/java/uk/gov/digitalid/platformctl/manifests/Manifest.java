package uk.gov.digitalid.platformctl.manifests;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Kubernetes object as rendered: its identity (apiVersion, kind, namespace, name) and its body
 * as plain maps and lists, with small helpers for reading nested fields.
 */
public record Manifest(String apiVersion, String kind, String namespace, String name, Map<String, Object> body) {

    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** {@code Kind/namespace/name}, or {@code Kind/name} for a cluster-scoped object. */
    public String id() {
        return kind + "/" + (namespace == null ? "" : namespace + "/") + name;
    }

    public Map<String, String> labels() {
        return stringMap(path("metadata", "labels"));
    }

    /** The value at a path of map keys, if every step exists. */
    public Optional<Object> path(String... keys) {
        Object current = body;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    public Optional<String> text(String... keys) {
        return path(keys).map(String::valueOf);
    }

    public Optional<Integer> integer(String... keys) {
        return path(keys).filter(Number.class::isInstance).map(n -> ((Number) n).intValue());
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String... keys) {
        return path(keys).filter(List.class::isInstance).map(l -> (List<Map<String, Object>>) l).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> stringMap(Optional<Object> value) {
        return value.filter(Map.class::isInstance).map(m -> (Map<String, String>) m).orElse(Map.of());
    }
}
