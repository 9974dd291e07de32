package uk.gov.digitalid.platformctl.gitops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.gov.digitalid.platformctl.manifests.Manifests;
import uk.gov.digitalid.platformctl.render.Kustomize;

/** This repository's GitOps tree, as the tests see it: its root, and each overlay rendered once per test run. */
final class Repository {

    static final Path ROOT = findRoot();
    static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Repository() {
    }

    static Manifests rendered(String env) {
        return RENDERED.computeIfAbsent(env, e -> Manifests.parse(renderedYaml(e)));
    }

    static String renderedYaml(String env) {
        return Kustomize.onPath().render(ROOT.resolve("gitops/overlays").resolve(env));
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("gitops"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no gitops/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
