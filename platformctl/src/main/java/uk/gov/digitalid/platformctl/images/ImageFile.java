package uk.gov.digitalid.platformctl.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * An environment's machine-owned image file, gitops/overlays/<env>/images/kustomization.yaml: a
 * kustomize Component whose images pin each service (kustomize image name) to registry/name@digest.
 * Written whole, in one stable layout, so a change is one line per service in a diff.
 */
public final class ImageFile {

    private final Path file;
    private final String env;
    private final Map<String, ImageReference> images;

    private ImageFile(Path file, String env, Map<String, ImageReference> images) {
        this.file = file;
        this.env = env;
        this.images = images;
    }

    public static Path path(Path repository, String env) {
        return repository.resolve("gitops/overlays").resolve(env).resolve("images/kustomization.yaml");
    }

    @SuppressWarnings("unchecked")
    public static ImageFile read(Path repository, String env) {
        Path file = path(repository, env);
        try {
            Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            Map<String, ImageReference> images = new LinkedHashMap<>();
            for (Map<String, Object> image : (List<Map<String, Object>>) yaml.getOrDefault("images", List.of())) {
                images.put(String.valueOf(image.get("name")),
                        new ImageReference(String.valueOf(image.get("newName")), String.valueOf(image.get("digest"))));
            }
            return new ImageFile(file, env, images);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public Map<String, ImageReference> images() {
        return Map.copyOf(images);
    }

    /** @return the image the service ran before, if any */
    public ImageReference set(String service, ImageReference image) {
        return images.put(service, image);
    }

    public Path file() {
        return file;
    }

    public void write() {
        StringBuilder text = new StringBuilder("""
                # MACHINE-OWNED: written by `platformctl image set` and `platformctl promote`; do not edit by hand.
                # The images %s runs, pinned by digest (each service's Jib target/jib-image.digest).
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                images:
                """.formatted(env));
        images.forEach((name, image) -> text.append("  - name: ").append(name).append('\n')
                .append("    newName: ").append(image.repository()).append('\n')
                .append("    digest: ").append(image.digest()).append('\n'));
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
