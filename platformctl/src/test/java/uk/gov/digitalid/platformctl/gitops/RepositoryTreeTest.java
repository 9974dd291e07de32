package uk.gov.digitalid.platformctl.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.gov.digitalid.platformctl.manifests.KnownKinds;
import uk.gov.digitalid.platformctl.manifests.Manifest;
import uk.gov.digitalid.platformctl.manifests.Manifests;
import uk.gov.digitalid.platformctl.render.Kustomize;

/** argocd/, policies/ and the YAML of the whole tree: paths that exist, waves in order, fixtures per policy, lint-clean. */
class RepositoryTreeTest {

    @Test
    void everyArgoCdObjectParsesAndIsAKnownKind() throws IOException {
        Manifests argocd = argocdObjects();
        assertThat(argocd.all()).extracting(Manifest::kind).contains("Application", "ApplicationSet", "AppProject");
        assertThat(argocd.all()).filteredOn(m -> !KnownKinds.isKnown(m)).extracting(Manifest::id).isEmpty();
    }

    @Test
    void everyPathAndValuesFileAnArgoCdObjectNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Manifest app : argocdObjects().all()) {
            List<Map<String, Object>> environments = app.kind().equals("ApplicationSet")
                    ? app.list("spec", "generators").get(0).entrySet().stream().findFirst()
                        .map(g -> ((Map<String, List<Map<String, Object>>>) g.getValue()).get("elements")).orElse(List.of())
                    : List.of(Map.of());
            String prefix = app.kind().equals("ApplicationSet") ? "spec.template." : "";
            for (Map<String, Object> element : environments) {
                for (String path : repositoryPaths(app, element)) {
                    if (!Files.exists(Repository.ROOT.resolve(path))) {
                        missing.add(app.id() + " " + prefix + "→ " + path);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void operatorsComeBeforeWhatUsesThemAndEveryChartIsPinned() throws IOException {
        Manifests argocd = argocdObjects();
        for (Manifest app : argocd.ofKind("Application")) {
            int wave = Integer.parseInt(Manifest.stringMap(app.path("metadata", "annotations")).getOrDefault("argocd.argoproj.io/sync-wave", "0"));
            boolean addOn = !app.name().equals("root") && !app.name().equals("cluster-config") && !app.name().equals("argocd")
                    && !app.name().equals("admission-policies");
            if (addOn) {
                assertThat(wave).as(app.id() + " syncs before cluster-config (0) and the environments (10)").isNegative();
                for (Map<String, Object> source : sources(app)) {
                    if (source.containsKey("chart")) {
                        assertThat(String.valueOf(source.get("targetRevision"))).as(app.id() + " chart version").matches("v?[0-9]+\\.[0-9]+\\.[0-9]+");
                    }
                }
            }
        }
        assertThat(argocd.ofKind("ApplicationSet")).allSatisfy(set -> assertThat(
                Manifest.stringMap(set.path("metadata", "annotations"))).containsEntry("argocd.argoproj.io/sync-wave", "10"));
    }

    @Test
    void theEnvironmentsFollowTheirSyncPolicyAndLeaveReplicasToTheHpas() throws IOException {
        Manifest environments = argocdObjects().ofKind("ApplicationSet").stream().filter(s -> s.name().equals("digital-id")).findFirst().orElseThrow();
        assertThat(environments.list("spec", "generators").get(0).toString())
                .contains("env=dev, namespace=digital-id-dev, prune=true, selfHeal=true")
                .contains("env=staging, namespace=digital-id-staging, prune=false")
                .contains("env=prod, namespace=digital-id, prune=false, selfHeal=false");
        assertThat(environments.list("spec", "template", "spec", "ignoreDifferences"))
                .anySatisfy(d -> assertThat(d).containsEntry("kind", "Rollout").containsEntry("jsonPointers", List.of("/spec/replicas")));
        assertThat(environments.path("spec", "template", "spec", "syncPolicy", "retry", "backoff")).isPresent();
        Manifest project = argocdObjects().ofKind("AppProject").stream().filter(p -> p.name().equals("digital-id")).findFirst().orElseThrow();
        assertThat(project.path("spec", "orphanedResources", "warn")).contains(true);
        assertThat(project.list("spec", "syncWindows")).singleElement().satisfies(w -> assertThat(w).containsEntry("applications", List.of("digital-id-prod")));
    }

    @Test
    void theClusterConfigurationRenders() {
        Manifests cluster = Manifests.parse(Kustomize.onPath().render(Repository.ROOT.resolve("gitops/cluster")));
        assertThat(cluster.all()).extracting(Manifest::kind).contains("ClusterIssuer", "ProxyDefaults", "Mesh", "ServiceIntentions");
        assertThat(cluster.all()).allMatch(KnownKinds::isKnown);
    }

    @Test
    void everyAdmissionPolicyHasItsBindingAndPassAndFailFixtures() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Repository.ROOT.resolve("policies"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path file : files) {
            Manifests policy = Manifests.parse(Files.readString(file));
            Manifest vap = policy.ofKind("ValidatingAdmissionPolicy").get(0);
            assertThat(policy.ofKind("ValidatingAdmissionPolicyBinding")).singleElement()
                    .satisfies(b -> assertThat(b.text("spec", "policyName")).contains(vap.name()));
            String name = file.getFileName().toString().replace(".yaml", "");
            for (String outcome : List.of("pass", "fail")) {
                Path fixtures = Repository.ROOT.resolve("policies/tests").resolve(name).resolve(outcome);
                assertThat(fixtures).as(name + " " + outcome + " fixtures").isDirectory();
                try (Stream<Path> list = Files.list(fixtures)) {
                    List<Path> cases = list.toList();
                    assertThat(cases).as(fixtures.toString()).isNotEmpty();
                    for (Path fixture : cases) {
                        Manifest object = Manifests.parse(Files.readString(fixture)).all().get(0);
                        if (outcome.equals("fail")) {
                            assertThat(Manifest.stringMap(object.path("metadata", "annotations")))
                                    .containsEntry("policies.digital-id.gov.uk/expected-policy", vap.name())
                                    .containsKey("policies.digital-id.gov.uk/expected-message");
                        }
                    }
                }
            }
        }
    }

    @Test
    void theYamlIsLintClean() throws Exception {
        Process lint = new ProcessBuilder("yamllint", "-f", "parsable", "-c", ".yamllint", "gitops", "argocd", "policies")
                .directory(Repository.ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(output).isEmpty();
        assertThat(lint.exitValue()).isZero();
    }

    private static Manifests argocdObjects() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Repository.ROOT.resolve("argocd"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().startsWith("values")
                    && !p.getFileName().toString().equals("kustomization.yaml") && !p.getFileName().toString().equals("namespace.yaml")).sorted().toList()) {
                all.append(Files.readString(file)).append("\n---\n");
            }
        }
        return Manifests.parse(all.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sources(Manifest app) {
        String[] spec = app.kind().equals("ApplicationSet") ? new String[] {"spec", "template", "spec"} : new String[] {"spec"};
        List<Map<String, Object>> sources = new ArrayList<>();
        app.path(concat(spec, "source")).ifPresent(s -> sources.add((Map<String, Object>) s));
        sources.addAll(app.list(concat(spec, "sources")));
        return sources;
    }

    /** The repository paths an Application or ApplicationSet reads from this repository, with {{.x}} filled in. */
    @SuppressWarnings("unchecked")
    private static List<String> repositoryPaths(Manifest app, Map<String, Object> element) {
        List<String> paths = new ArrayList<>();
        for (Map<String, Object> source : sources(app)) {
            if (String.valueOf(source.get("repoURL")).contains("digital-id-platform") && source.containsKey("path")) {
                paths.add(fill(String.valueOf(source.get("path")), element));
            }
            Map<String, Object> helm = (Map<String, Object>) source.getOrDefault("helm", Map.of());
            for (Object valueFile : (List<Object>) helm.getOrDefault("valueFiles", List.of())) {
                paths.add(fill(String.valueOf(valueFile).replace("$values/", ""), element));
            }
        }
        return paths;
    }

    private static String fill(String template, Map<String, Object> element) {
        String filled = template;
        for (Map.Entry<String, Object> entry : element.entrySet()) {
            filled = filled.replace("{{." + entry.getKey() + "}}", String.valueOf(entry.getValue()));
        }
        return filled;
    }

    private static String[] concat(String[] path, String last) {
        String[] full = Arrays.copyOf(path, path.length + 1);
        full[path.length] = last;
        return full;
    }
}
