package uk.gov.digitalid.platformctl.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import uk.gov.digitalid.platformctl.manifests.Manifest;
import uk.gov.digitalid.platformctl.manifests.Manifests;
import uk.gov.digitalid.platformctl.rules.Finding;

/**
 * The intended call graph (gitops/intent/call-graph.yaml) against what the rendered NetworkPolicies
 * of an environment allow: intended flows that are blocked, and allowed flows nobody intended.
 */
public final class CallGraph {

    private static final List<String> WORKLOAD_KINDS = List.of("Rollout", "Deployment", "StatefulSet");

    private final Map<String, Object> intent;

    private CallGraph(Map<String, Object> intent) {
        this.intent = intent;
    }

    public static CallGraph load(Path repository) {
        Path file = repository.resolve("gitops/intent/call-graph.yaml");
        try {
            return new CallGraph(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The flows allowed, the flows intended, and the findings from comparing them. */
    public record Result(SortedSet<Flow> allowed, SortedSet<Flow> intended, List<Finding> findings) {
    }

    public Result check(String env, String namespace, Manifests manifests) {
        List<Endpoint> endpoints = endpoints(namespace, manifests);
        Map<String, String> envLabels = manifests.ofKind("Namespace").stream().filter(n -> n.name().equals(namespace)).findFirst()
                .map(Manifest::labels).orElse(Map.of());
        Reachability reachability = new Reachability(namespace, manifests.ofKind("NetworkPolicy"),
                name -> name.equals(namespace) ? envLabels : Map.of());
        SortedSet<Flow> allowed = reachability.allowedFlows(endpoints);
        SortedSet<Flow> intended = intended(env, endpoints);
        List<Finding> findings = new ArrayList<>();
        for (Flow flow : intended) {
            if (!allowed.contains(flow)) {
                findings.add(new Finding("network-missing-flow", flow.toString(), "intended but blocked by the NetworkPolicies: the app would break"));
            }
        }
        for (Flow flow : allowed) {
            if (!intended.contains(flow)) {
                findings.add(new Finding("network-unintended-flow", flow.toString(), "allowed by the NetworkPolicies but not in gitops/intent/call-graph.yaml: a hole"));
            }
        }
        return new Result(allowed, intended, findings);
    }

    @SuppressWarnings("unchecked")
    List<Endpoint> endpoints(String namespace, Manifests manifests) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Manifest workload : manifests.matching(m -> WORKLOAD_KINDS.contains(m.kind()) && m.path("spec", "template").isPresent())) {
            Map<String, Endpoint.Port> ports = new LinkedHashMap<>();
            for (Map<String, Object> container : workload.list("spec", "template", "spec", "containers")) {
                for (Map<String, Object> port : (List<Map<String, Object>>) container.getOrDefault("ports", List.of())) {
                    String name = String.valueOf(port.getOrDefault("name", port.get("containerPort")));
                    ports.put(name, new Endpoint.Port(((Number) port.get("containerPort")).intValue(), String.valueOf(port.getOrDefault("protocol", "TCP"))));
                }
            }
            endpoints.add(new Endpoint(workload.name(), namespace, Manifest.stringMap(workload.path("spec", "template", "metadata", "labels")),
                    ports, null, true));
        }
        Map<String, Map<String, Object>> declared = (Map<String, Map<String, Object>>) intent.getOrDefault("endpoints", Map.of());
        declared.forEach((name, spec) -> {
            Map<String, Endpoint.Port> ports = new LinkedHashMap<>();
            ((Map<String, Object>) spec.getOrDefault("ports", Map.of())).forEach((portName, value) -> {
                String[] parts = String.valueOf(value).split("/");
                ports.put(portName, new Endpoint.Port(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "TCP"));
            });
            Map<String, String> labels = new LinkedHashMap<>();
            ((Map<String, Object>) spec.getOrDefault("labels", Map.of())).forEach((k, v) -> labels.put(k, String.valueOf(v)));
            endpoints.add(new Endpoint(name, String.valueOf(spec.getOrDefault("namespace", namespace)), labels, ports,
                    spec.get("ip") == null ? null : String.valueOf(spec.get("ip")), false));
        });
        return endpoints;
    }

    @SuppressWarnings("unchecked")
    private SortedSet<Flow> intended(String env, List<Endpoint> endpoints) {
        Map<String, List<String>> groups = (Map<String, List<String>>) intent.getOrDefault("groups", Map.of());
        List<String> workloads = endpoints.stream().filter(Endpoint::workload).map(Endpoint::name).toList();
        List<String> known = endpoints.stream().map(Endpoint::name).toList();
        SortedSet<Flow> flows = new TreeSet<>();
        for (Map<String, Object> flow : (List<Map<String, Object>>) intent.getOrDefault("flows", List.of())) {
            List<String> envs = (List<String>) flow.get("environments");
            if (envs != null && !envs.contains(env)) {
                continue;
            }
            for (String from : names(flow.get("from"), groups, workloads)) {
                for (String to : names(flow.get("to"), groups, workloads)) {
                    for (String port : names(flow.get("port"), Map.of(), List.of())) {
                        if (!from.equals(to) && known.contains(from) && known.contains(to)) {
                            flows.add(new Flow(from, to, port));
                        }
                    }
                }
            }
        }
        return flows;
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Object value, Map<String, List<String>> groups, List<String> workloads) {
        List<String> raw = value instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(value));
        List<String> names = new ArrayList<>();
        for (String name : raw) {
            if (name.equals("*")) {
                names.addAll(workloads);
            } else if (groups.containsKey(name)) {
                names.addAll(groups.get(name));
            } else {
                names.add(name);
            }
        }
        return names;
    }
}
