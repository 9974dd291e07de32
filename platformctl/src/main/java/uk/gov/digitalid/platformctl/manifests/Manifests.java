package uk.gov.digitalid.platformctl.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A rendered set of objects: parsing multi-document YAML, and finding objects by kind and name. */
public final class Manifests {

    private final List<Manifest> all;

    public Manifests(List<Manifest> all) {
        this.all = List.copyOf(all);
    }

    /**
     * Parses multi-document YAML. Every document must be an object with apiVersion, kind and
     * metadata.name; empty documents are skipped.
     *
     * @throws IllegalArgumentException naming the first document that is not such an object
     */
    public static Manifests parse(String yaml) {
        List<Manifest> parsed = new ArrayList<>();
        int index = 0;
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            index++;
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("document " + index + " is not a YAML mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) map;
            Object metadata = body.get("metadata");
            if (!(body.get("apiVersion") instanceof String apiVersion) || !(body.get("kind") instanceof String kind)
                    || !(metadata instanceof Map<?, ?> meta) || !(meta.get("name") instanceof String name)) {
                throw new IllegalArgumentException("document " + index + " lacks apiVersion, kind or metadata.name");
            }
            Object namespace = meta.get("namespace");
            parsed.add(new Manifest(apiVersion, kind, namespace == null ? null : namespace.toString(), name, body));
        }
        return new Manifests(parsed);
    }

    public List<Manifest> all() {
        return all;
    }

    public List<Manifest> ofKind(String kind) {
        return all.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    public List<Manifest> matching(Predicate<Manifest> predicate) {
        return all.stream().filter(predicate).toList();
    }

    /** The object of a kind named {@code namespace/name}. */
    public Optional<Manifest> find(String kind, String namespacedName) {
        return all.stream().filter(m -> m.kind().equals(kind) && (m.namespace() + "/" + m.name()).equals(namespacedName)).findFirst();
    }

    public boolean has(String kind, String name) {
        return all.stream().anyMatch(m -> m.kind().equals(kind) && m.name().equals(name));
    }
}
