package uk.gov.digitalid.platformctl.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import uk.gov.digitalid.platformctl.manifests.Manifest;
import uk.gov.digitalid.platformctl.manifests.Manifests;

/** The repository's environments (gitops/overlays/<env>) and their rendering, plain or with each object's source file. */
@SuppressWarnings("unchecked")
public final class Environments {

    private static final String SOURCE = "x-platformctl-source";

    private final Path repository;
    private final Kustomize kustomize;
    private Map<String, String> sources;

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
     * The environment's objects, each marked in memory with the repository file that defines it
     * (kind and name looked up in gitops/; kustomize's own origin annotations cost six times the
     * render).
     */
    public Manifests renderWithSources(String env) {
        Manifests rendered = Manifests.parse(render(env));
        Map<String, String> sources = sources();
        for (Manifest m : rendered.all()) {
            String source = sources.get(m.kind() + "/" + m.name());
            if (source != null) {
                ((Map<String, Object>) m.body().get("metadata")).put(SOURCE, source);
            }
        }
        return rendered;
    }

    /** The index of gitops/, read once: environments rendered side by side share it. */
    private synchronized Map<String, String> sources() {
        if (sources == null) {
            sources = sourceIndex();
        }
        return sources;
    }

    /** kind/name → the file under gitops/ that defines it. */
    private Map<String, String> sourceIndex() {
        Map<String, String> index = new HashMap<>();
        try (Stream<Path> files = Files.walk(repository.resolve("gitops"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("kustomization.yaml")).toList()) {
                try {
                    for (Manifest m : Manifests.parse(Files.readString(file)).all()) {
                        index.putIfAbsent(m.kind() + "/" + m.name(), repository.relativize(file).toString());
                    }
                } catch (IllegalArgumentException notManifests) {
                    // Intent and other data files are not Kubernetes objects.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index;
    }

    /** The file an object came from, when rendered with its sources. */
    public static String source(Manifest manifest) {
        return manifest.text("metadata", SOURCE).orElse("");
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
