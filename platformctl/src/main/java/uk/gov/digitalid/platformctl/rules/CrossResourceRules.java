package uk.gov.digitalid.platformctl.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.digitalid.platformctl.manifests.KnownKinds;
import uk.gov.digitalid.platformctl.manifests.Manifest;
import uk.gov.digitalid.platformctl.manifests.Manifests;

/**
 * The rules that hold between the objects of one rendered environment, which no single object's
 * schema can check: every workload has its HPA, PDB, NetworkPolicy, ServiceMonitor and
 * ServiceAccount; Services select pods that exist; Rollouts name Services and AnalysisTemplates that
 * exist; HPAs scale workloads that exist, within the bounds the environment intends; no two objects
 * share a name; staging and prod run images pinned by digest; the dev-only simulator stays in dev.
 */
public final class CrossResourceRules {

    /** Environments whose images must be pinned by digest. */
    static final Set<String> DIGEST_ENVIRONMENTS = Set.of("staging", "prod");
    static final String DEV_ONLY = "gov-sandbox";

    private final Intent intent;

    public CrossResourceRules(Intent intent) {
        this.intent = intent;
    }

    public List<Finding> check(String env, Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        knownKinds(manifests, findings);
        uniqueNames(manifests, findings);
        List<Workload> workloads = manifests.all().stream().filter(Workload::is).map(Workload::new).toList();
        for (Workload workload : workloads) {
            companions(workload, manifests, findings);
            images(env, workload, findings);
            if (workload.name().equals(DEV_ONLY) && !env.equals("dev")) {
                findings.add(new Finding("dev-only", workload.manifest().id(), DEV_ONLY + " is for dev only, not " + env));
            }
        }
        services(manifests, workloads, findings);
        rollouts(manifests, findings);
        autoscalers(env, manifests, findings);
        return findings;
    }

    private static void knownKinds(Manifests manifests, List<Finding> findings) {
        manifests.all().stream().filter(m -> !KnownKinds.isKnown(m)).forEach(m -> findings.add(new Finding("known-kinds", m.id(),
                m.apiVersion() + " " + m.kind() + " is not an API version and kind this repository targets")));
    }

    private static void uniqueNames(Manifests manifests, List<Finding> findings) {
        Map<String, Integer> seen = new HashMap<>();
        manifests.all().forEach(m -> seen.merge(m.group() + "/" + m.id(), 1, Integer::sum));
        seen.forEach((id, count) -> {
            if (count > 1) {
                findings.add(new Finding("unique-names", id.substring(id.indexOf('/') + 1), "defined " + count + " times"));
            }
        });
    }

    private static void companions(Workload workload, Manifests manifests, List<Finding> findings) {
        String id = workload.manifest().id();
        Map<String, String> pods = workload.podLabels();
        if (manifests.ofKind("HorizontalPodAutoscaler").stream().noneMatch(h -> targets(h, workload.manifest()))) {
            findings.add(new Finding("workload-has-hpa", id, "no HorizontalPodAutoscaler scales it"));
        }
        if (manifests.ofKind("PodDisruptionBudget").stream().noneMatch(p -> selects(p, "spec", pods))) {
            findings.add(new Finding("workload-has-pdb", id, "no PodDisruptionBudget selects its pods"));
        }
        if (manifests.ofKind("NetworkPolicy").stream().noneMatch(n -> !podSelector(n).isEmpty() && LabelSelectors.selects(podSelector(n), pods)
                && governsIngress(n))) {
            findings.add(new Finding("workload-has-network-policy", id, "no NetworkPolicy of its own says who may reach its pods"));
        }
        boolean monitored = manifests.ofKind("ServiceMonitor").stream().anyMatch(monitor -> manifests.ofKind("Service").stream()
                .anyMatch(service -> selects(monitor, "spec", service.labels())
                        && LabelSelectors.mapSelects(Manifest.stringMap(service.path("spec", "selector")), pods)));
        if (!monitored) {
            findings.add(new Finding("workload-has-service-monitor", id, "no ServiceMonitor selects a Service of its pods"));
        }
        if (!manifests.has("ServiceAccount", workload.serviceAccount())) {
            findings.add(new Finding("workload-has-service-account", id, "its ServiceAccount " + workload.serviceAccount() + " is not defined"));
        }
    }

    private static void images(String env, Workload workload, List<Finding> findings) {
        if (!DIGEST_ENVIRONMENTS.contains(env)) {
            return;
        }
        for (Map<String, Object> container : workload.containers()) {
            String image = String.valueOf(container.get("image"));
            if (!image.matches(".+@sha256:[0-9a-f]{64}")) {
                findings.add(new Finding("images-pinned-by-digest", workload.manifest().id(),
                        "container " + container.get("name") + " runs " + image + ", not an image pinned by digest"));
            }
        }
    }

    private static void services(Manifests manifests, List<Workload> workloads, List<Finding> findings) {
        for (Manifest service : manifests.ofKind("Service")) {
            Map<String, String> selector = Manifest.stringMap(service.path("spec", "selector"));
            if (selector.isEmpty()) {
                continue;
            }
            if (workloads.stream().noneMatch(w -> LabelSelectors.mapSelects(selector, w.podLabels()))) {
                findings.add(new Finding("service-selects-pods", service.id(), "its selector " + selector + " matches no workload's pods"));
            }
        }
    }

    private static void rollouts(Manifests manifests, List<Finding> findings) {
        for (Manifest rollout : manifests.ofKind("Rollout")) {
            for (String role : List.of("activeService", "previewService")) {
                rollout.text("spec", "strategy", "blueGreen", role).filter(name -> !manifests.has("Service", name))
                        .ifPresent(name -> findings.add(new Finding("rollout-references", rollout.id(), role + " " + name + " is not defined")));
            }
            for (Map<String, Object> template : rollout.list("spec", "strategy", "blueGreen", "prePromotionAnalysis", "templates")) {
                String name = String.valueOf(template.get("templateName"));
                if (!manifests.has("AnalysisTemplate", name)) {
                    findings.add(new Finding("rollout-references", rollout.id(), "AnalysisTemplate " + name + " is not defined"));
                }
            }
        }
    }

    private void autoscalers(String env, Manifests manifests, List<Finding> findings) {
        for (Manifest hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
            String kind = hpa.text("spec", "scaleTargetRef", "kind").orElse("");
            String name = hpa.text("spec", "scaleTargetRef", "name").orElse("");
            if (!manifests.has(kind, name)) {
                findings.add(new Finding("hpa-targets-workload", hpa.id(), "it scales " + kind + " " + name + ", which is not defined"));
            }
            Intent.Bounds wanted = intent.boundsFor(env, name);
            int min = hpa.integer("spec", "minReplicas").orElse(1);
            int max = hpa.integer("spec", "maxReplicas").orElse(-1);
            if (wanted != null && (wanted.min() != min || wanted.max() != max)) {
                findings.add(new Finding("hpa-bounds", hpa.id(), "bounds " + min + "-" + max + ", but " + env + " intends "
                        + wanted.min() + "-" + wanted.max() + " (gitops/intent/hpa-bounds.yaml)"));
            }
        }
    }

    private static boolean targets(Manifest hpa, Manifest workload) {
        return hpa.text("spec", "scaleTargetRef", "kind").orElse("").equals(workload.kind())
                && hpa.text("spec", "scaleTargetRef", "name").orElse("").equals(workload.name());
    }

    @SuppressWarnings("unchecked")
    private static boolean selects(Manifest owner, String field, Map<String, String> labels) {
        return owner.path(field, "selector").filter(Map.class::isInstance)
                .map(s -> LabelSelectors.selects((Map<String, Object>) s, labels)).orElse(false);
    }

    @SuppressWarnings("unchecked")
    private static boolean governsIngress(Manifest policy) {
        return policy.path("spec", "policyTypes").map(t -> ((List<String>) t).contains("Ingress")).orElse(true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> podSelector(Manifest policy) {
        return (Map<String, Object>) policy.path("spec", "podSelector").filter(Map.class::isInstance).orElse(Map.of());
    }
}
