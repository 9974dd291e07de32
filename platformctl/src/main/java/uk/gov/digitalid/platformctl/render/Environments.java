package uk.gov.digitalid.platformctl.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import uk.gov.digitalid.platformctl.manifests.Manifest;
import uk.gov.digitalid.platformctl.manifests.Manifests;

/** The repository's environments (gitops/overlays/<env>) and their rendering, plain or with each object's source file. */
@SuppressWarnings("unchecked")
public final class Environments {

    public static final String ORIGIN = "config.kubernetes.io/origin";

    private final Path repository;
    private final Kustomize kustomize;

    public Environments(Path repository, Kustomize kustomize) {
        this.repository = repository;
        this.kustomize = kustomize;
    }

    public Path repository() {
        return repository;
    }

    public List<String> names() {
        try (Stream<Path> overlays = Files.list(repository.resolve("gitops/overlays"))) {
            return overlays.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted(Environments::byPromotionOrder).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path overlay(String env) {
        Path overlay = repository.resolve("gitops/overlays").resolve(env);
        if (!Files.isRegularFile(overlay.resolve("kustomization.yaml"))) {
            throw new RenderException("no environment " + env + ": gitops/overlays/" + env + "/kustomization.yaml does not exist (have: "
                    + String.join(", ", names()) + ")");
        }
        return overlay;
    }

    public String render(String env) {
        return kustomize.render(overlay(env));
    }

    /**
     * The environment's objects, each annotated in memory with the repository file it came from
     * (kustomize's origin annotations, through a throwaway kustomization under .local/).
     */
    public Manifests renderWithOrigins(String env) {
        overlay(env);
        Path wrapper = repository.resolve(".local/render").resolve(env);
        try {
            Files.createDirectories(wrapper);
            Files.writeString(wrapper.resolve("kustomization.yaml"), """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    resources:
                      - ../../../gitops/overlays/%s
                    buildMetadata: [originAnnotations]
                    """.formatted(env));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Manifests rendered = Manifests.parse(kustomize.render(wrapper));
        for (Manifest m : rendered.all()) {
            Map<String, Object> metadata = (Map<String, Object>) m.body().get("metadata");
            if (metadata.get("annotations") instanceof Map<?, ?> annotations && annotations.get(ORIGIN) instanceof String origin) {
                String path = origin.lines().filter(l -> l.startsWith("path:")).findFirst().map(l -> l.substring(5).trim()).orElse("");
                ((Map<String, Object>) annotations).remove(ORIGIN);
                if (annotations.isEmpty()) {
                    metadata.remove("annotations");
                }
                metadata.put("x-platformctl-source", repository.relativize(wrapper.resolve(path).normalize()).toString());
            }
        }
        return rendered;
    }

    /** The file an object came from, when rendered with origins. */
    public static String source(Manifest manifest) {
        return manifest.text("metadata", "x-platformctl-source").orElse("");
    }

    /** The namespace an environment renders into. */
    public static String namespace(Manifests rendered) {
        return rendered.ofKind("Namespace").stream().findFirst().map(Manifest::name).orElse("");
    }

    private static int byPromotionOrder(String a, String b) {
        List<String> order = List.of("dev", "staging", "prod");
        int ia = order.indexOf(a);
        int ib = order.indexOf(b);
        return ia >= 0 && ib >= 0 ? Integer.compare(ia, ib) : ia >= 0 ? -1 : ib >= 0 ? 1 : a.compareTo(b);
    }
}
