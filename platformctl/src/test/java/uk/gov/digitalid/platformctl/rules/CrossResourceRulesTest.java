package uk.gov.digitalid.platformctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.digitalid.platformctl.manifests.Manifests;

/**
 * Each rule catches the mistake it is for, on a small environment that passes every rule until one
 * thing is broken.
 */
class CrossResourceRulesTest {

    private static final String GOOD = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: api, namespace: ns}
            spec:
              selector: {matchLabels: {app.kubernetes.io/name: api}}
              strategy:
                blueGreen:
                  activeService: api
                  previewService: api-preview
                  prePromotionAnalysis: {templates: [{templateName: checks}]}
              template:
                metadata: {labels: {app.kubernetes.io/name: api}}
                spec:
                  serviceAccountName: api
                  containers:
                    - {name: api, image: "registry.example/api@sha256:%s"}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: ns}
            spec: {selector: {app.kubernetes.io/name: api}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api-preview, namespace: ns}
            spec: {selector: {app.kubernetes.io/name: api}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api-management, namespace: ns, labels: {metrics: "true"}}
            spec: {selector: {app.kubernetes.io/name: api}}
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: checks, namespace: ns}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: api, namespace: ns}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: api, namespace: ns}
            spec: {scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: api}, minReplicas: 3, maxReplicas: 10}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: api, namespace: ns}
            spec: {maxUnavailable: 1, selector: {matchLabels: {app.kubernetes.io/name: api}}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api, namespace: ns}
            spec:
              podSelector: {matchExpressions: [{key: app.kubernetes.io/name, operator: In, values: [api, web]}]}
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: api, namespace: ns}
            spec: {selector: {matchLabels: {metrics: "true"}}}
            """.formatted("a".repeat(64));

    private CrossResourceRules rules;

    @BeforeEach
    void intent(@TempDir Path repository) throws Exception {
        Files.createDirectories(repository.resolve("gitops/intent"));
        Files.writeString(repository.resolve("gitops/intent/hpa-bounds.yaml"), "prod:\n  default: {min: 3, max: 10}\n");
        rules = new CrossResourceRules(Intent.load(repository));
    }

    @Test
    void aCompleteEnvironmentPasses() {
        assertThat(rules.check("prod", Manifests.parse(GOOD))).isEmpty();
    }

    @Test
    void aWorkloadWithoutItsCompanionsIsCaught() {
        String broken = without(GOOD, "kind: HorizontalPodAutoscaler", "kind: PodDisruptionBudget", "kind: NetworkPolicy",
                "kind: ServiceMonitor", "kind: ServiceAccount");
        assertThat(rules(broken)).containsExactlyInAnyOrder("workload-has-hpa", "workload-has-pdb", "workload-has-network-policy",
                "workload-has-service-monitor", "workload-has-service-account");
    }

    @Test
    void aServiceSelectingNoPodsIsCaught() {
        assertThat(rules(GOOD.replace("metadata: {name: api-preview, namespace: ns}\nspec: {selector: {app.kubernetes.io/name: api}}",
                "metadata: {name: api-preview, namespace: ns}\nspec: {selector: {app.kubernetes.io/name: apii}}")))
                .containsExactly("service-selects-pods");
    }

    @Test
    void aRolloutNamingMissingServicesOrAnalysisIsCaught() {
        assertThat(rules(without(GOOD, "name: api-preview,", "kind: AnalysisTemplate"))).containsExactly("rollout-references", "rollout-references");
    }

    @Test
    void anHpaForNothingOrOutsideTheIntendedBoundsIsCaught() {
        assertThat(rules(GOOD.replace("kind: Rollout, name: api}, minReplicas: 3, maxReplicas: 10",
                "kind: Rollout, name: gone}, minReplicas: 3, maxReplicas: 10"))).contains("hpa-targets-workload", "workload-has-hpa");
        assertThat(rules(GOOD.replace("maxReplicas: 10", "maxReplicas: 12"))).containsExactly("hpa-bounds");
    }

    @Test
    void aTaggedImageIsCaughtInProdButNotInDev() {
        String tagged = GOOD.replace("registry.example/api@sha256:" + "a".repeat(64), "registry.example/api:1.2.3");
        assertThat(rules(tagged)).containsExactly("images-pinned-by-digest");
        assertThat(rules.check("dev", Manifests.parse(tagged))).isEmpty();
    }

    @Test
    void duplicatesUnknownKindsAndTheSimulatorOutsideDevAreCaught() {
        String duplicate = GOOD + "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api, namespace: ns}\n";
        assertThat(rules(duplicate)).containsExactly("unique-names");
        String unknown = GOOD + "---\napiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: old, namespace: ns}\n";
        assertThat(rules(unknown)).containsExactly("known-kinds");
        String simulator = GOOD.replace("name: api, namespace: ns}\nspec:\n  selector", "name: gov-sandbox, namespace: ns}\nspec:\n  selector")
                .replace("kind: Rollout, name: api}", "kind: Rollout, name: gov-sandbox}");
        assertThat(rules(simulator)).contains("dev-only");
    }

    private List<String> rules(String yaml) {
        return rules.check("prod", Manifests.parse(yaml)).stream().map(Finding::rule).toList();
    }

    /** The documents of a multi-document YAML text without those containing any of the given strings. */
    private static String without(String yaml, String... marks) {
        return String.join("---\n", Arrays.stream(yaml.split("---\n"))
                .filter(doc -> Arrays.stream(marks).noneMatch(doc::contains)).toList());
    }

    @Test
    void selectorsFollowKubernetesSemantics() {
        Map<String, String> labels = Map.of("app", "api", "tier", "web");
        assertThat(LabelSelectors.selects(Map.of("matchLabels", Map.of("app", "api")), labels)).isTrue();
        assertThat(LabelSelectors.selects(Map.of(), labels)).as("empty selects all").isTrue();
        assertThat(LabelSelectors.selects(Map.of("matchExpressions", List.of(Map.of("key", "tier", "operator", "NotIn",
                "values", List.of("web")))), labels)).isFalse();
        assertThat(LabelSelectors.selects(Map.of("matchExpressions", List.of(Map.of("key", "zone", "operator", "DoesNotExist"))), labels)).isTrue();
        assertThat(LabelSelectors.selects(Map.of("matchLabels", Map.of("app", "api"), "matchExpressions",
                List.of(Map.of("key", "tier", "operator", "Exists"))), labels)).as("ANDed").isTrue();
        assertThat(LabelSelectors.mapSelects(Map.of(), labels)).as("an empty Service selector is not a selector").isFalse();
    }
}
