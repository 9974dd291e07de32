package uk.gov.digitalid.platformctl.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import uk.gov.digitalid.platformctl.manifests.Manifest;
import uk.gov.digitalid.platformctl.manifests.Manifests;
import uk.gov.digitalid.platformctl.network.CallGraph;
import uk.gov.digitalid.platformctl.policies.AdmissionPolicies;
import uk.gov.digitalid.platformctl.render.Environments;
import uk.gov.digitalid.platformctl.rules.CrossResourceRules;
import uk.gov.digitalid.platformctl.rules.Finding;
import uk.gov.digitalid.platformctl.rules.Intent;

/**
 * {@code platformctl verify} for one environment: render it, admit every object through the
 * admission policies as the API server would, check the cross-resource rules, and compare the
 * flows its NetworkPolicies allow with the intended call graph.
 */
public final class Verifier {

    private final Environments environments;
    private final AdmissionPolicies policies;
    private final CrossResourceRules rules;
    private final CallGraph callGraph;

    public Verifier(Environments environments) {
        this.environments = environments;
        this.policies = AdmissionPolicies.load(environments.repository().resolve("policies"));
        this.rules = new CrossResourceRules(Intent.load(environments.repository()));
        this.callGraph = CallGraph.load(environments.repository());
    }

    public Verification verify(String env) {
        long start = System.nanoTime();
        Manifests rendered = environments.renderWithSources(env);
        return verify(env, rendered, since(start));
    }

    /** Renders the environments at once (kustomize runs are separate processes), then checks each. */
    public List<Verification> verifyAll(List<String> envs) {
        Map<String, CompletableFuture<Manifests>> renders = new LinkedHashMap<>();
        Map<String, Long> renderMillis = new ConcurrentHashMap<>();
        for (String env : envs) {
            renders.put(env, CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                Manifests rendered = environments.renderWithSources(env);
                renderMillis.put(env, since(start));
                return rendered;
            }, RENDERERS));
        }
        List<Verification> results = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<Manifests>> render : renders.entrySet()) {
            try {
                Manifests rendered = render.getValue().join();
                results.add(verify(render.getKey(), rendered, renderMillis.get(render.getKey())));
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return results;
    }

    private Verification verify(String env, Manifests rendered, long renderMillis) {
        Map<String, Long> millis = new LinkedHashMap<>();
        millis.put("render", renderMillis);
        long start;
        Map<String, String> sources = new LinkedHashMap<>();
        rendered.all().forEach(m -> sources.put(m.id(), Environments.source(m)));
        List<Verification.Problem> problems = new ArrayList<>();

        start = System.nanoTime();
        String namespace = Environments.namespace(rendered);
        Map<String, String> nsLabels = rendered.ofKind("Namespace").stream().findFirst().map(Manifest::labels).orElse(Map.of());
        for (Manifest object : rendered.all()) {
            for (AdmissionPolicies.Violation v : policies.admit(object, ns -> ns.equals(namespace) ? nsLabels : Map.of(),
                    (kind, name) -> rendered.find(kind, name).map(Manifest::body))) {
                problems.add(new Verification.Problem("policy", v.policy(), v.object(),
                        "ValidatingAdmissionPolicy '" + v.policy() + "' with binding '" + v.binding() + "' denied request: " + v.message(),
                        sources.getOrDefault(v.object(), v.file())));
            }
        }
        millis.put("policies", since(start));

        start = System.nanoTime();
        for (Finding f : rules.check(env, rendered)) {
            problems.add(new Verification.Problem("rule", f.rule(), f.object(), f.message(), sources.getOrDefault(f.object(), "")));
        }
        millis.put("rules", since(start));

        start = System.nanoTime();
        for (Finding f : callGraph.check(env, namespace, rendered).findings()) {
            problems.add(new Verification.Problem("network", f.rule(), f.object(), f.message(), "gitops/intent/call-graph.yaml"));
        }
        millis.put("network", since(start));
        return new Verification(env, rendered.all().size(), problems, millis);
    }

    private static final Executor RENDERERS = task -> {
        Thread thread = new Thread(task, "render");
        thread.setDaemon(true);
        thread.start();
    };

    private static long since(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
