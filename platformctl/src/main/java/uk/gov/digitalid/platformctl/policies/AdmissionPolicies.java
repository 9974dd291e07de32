package uk.gov.digitalid.platformctl.policies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import uk.gov.digitalid.platformctl.manifests.Manifest;
import uk.gov.digitalid.platformctl.manifests.Manifests;
import uk.gov.digitalid.platformctl.rules.LabelSelectors;

/**
 * The ValidatingAdmissionPolicies and bindings of policies/, evaluated offline the way the API
 * server admits an object on CREATE: policy matchConstraints and binding matchResources (resource
 * rules, namespace and object selectors), matchConditions, params (paramKind + paramRef, with
 * parameterNotFoundAction), variables in order, and validations with message or messageExpression.
 * An expression that fails follows the policy's failurePolicy (Fail rejects, Ignore admits).
 */
public final class AdmissionPolicies {

    /** A rejection: which policy and binding, the object, the message the API server would give, and the policy's file. */
    public record Violation(String policy, String binding, String object, String message, String file) {
    }

    private record Policy(Manifest manifest, String file) {
    }

    private final List<Policy> policies;
    private final List<Manifest> bindings;
    private final KubernetesCel cel = new KubernetesCel();

    private AdmissionPolicies(List<Policy> policies, List<Manifest> bindings) {
        this.policies = policies;
        this.bindings = bindings;
    }

    /** Every *.yaml directly in the directory (not its tests/). */
    public static AdmissionPolicies load(Path directory) {
        List<Policy> policies = new ArrayList<>();
        List<Manifest> bindings = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                for (Manifest m : Manifests.parse(Files.readString(file)).all()) {
                    if (m.kind().equals("ValidatingAdmissionPolicy")) {
                        policies.add(new Policy(m, directory.getFileName() + "/" + file.getFileName()));
                    } else if (m.kind().equals("ValidatingAdmissionPolicyBinding")) {
                        bindings.add(m);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AdmissionPolicies(policies, bindings);
    }

    public int size() {
        return policies.size();
    }

    /**
     * @param namespaceLabels the labels of a namespace by name (empty if unknown)
     * @param params finds a param object: (kind, name in namespace) → its body
     */
    public List<Violation> admit(Manifest object, Function<String, Map<String, String>> namespaceLabels,
                                 BiFunction<String, String, Optional<Map<String, Object>>> params) {
        List<Violation> violations = new ArrayList<>();
        Map<String, String> nsLabels = object.namespace() == null ? Map.of() : namespaceLabels.apply(object.namespace());
        Object celObject = null;
        for (Policy policy : policies) {
            Manifest vap = policy.manifest();
            if (!matches(vap.path("spec", "matchConstraints").orElse(null), object, nsLabels, true)) {
                continue;
            }
            for (Manifest binding : bindings) {
                if (!binding.text("spec", "policyName").orElse("").equals(vap.name())
                        || !matches(binding.path("spec", "matchResources").orElse(null), object, nsLabels, false)
                        || !binding.list("spec", "validationActions").isEmpty() && !actions(binding).contains("Deny")) {
                    continue;
                }
                if (celObject == null) {
                    // Converted once per object, and only for objects some binding applies to.
                    celObject = KubernetesCel.celValue(object.body());
                }
                violations.addAll(evaluate(policy, binding, object, celObject, nsLabels, params));
            }
        }
        return violations;
    }

    @SuppressWarnings("unchecked")
    private static List<String> actions(Manifest binding) {
        return binding.path("spec", "validationActions").map(a -> (List<String>) a).orElse(List.of());
    }

    private List<Violation> evaluate(Policy policy, Manifest binding, Manifest object, Object celObject, Map<String, String> nsLabels,
                                     BiFunction<String, String, Optional<Map<String, Object>>> params) {
        Manifest vap = policy.manifest();
        boolean failOpen = vap.text("spec", "failurePolicy").orElse("Fail").equals("Ignore");
        Map<String, Object> activation = new HashMap<>();
        activation.put("object", celObject);
        activation.put("oldObject", null);
        activation.put("request", Map.of("operation", "CREATE", "namespace", object.namespace() == null ? "" : object.namespace(),
                "name", object.name(), "kind", Map.of("kind", object.kind())));
        activation.put("namespaceObject", KubernetesCel.celValue(Map.of("metadata", Map.of("name",
                object.namespace() == null ? "" : object.namespace(), "labels", nsLabels))));
        activation.put("params", null);
        activation.put("variables", Map.of());
        try {
            for (Map<String, Object> condition : vap.list("spec", "matchConditions")) {
                if (!Boolean.TRUE.equals(cel.evaluate(String.valueOf(condition.get("expression")), activation))) {
                    return List.of();
                }
            }
            if (vap.path("spec", "paramKind").isPresent()) {
                String kind = vap.text("spec", "paramKind", "kind").orElse("");
                String name = binding.text("spec", "paramRef", "name").orElse("");
                String namespace = binding.text("spec", "paramRef", "namespace").orElse(object.namespace());
                Optional<Map<String, Object>> param = params.apply(kind, namespace + "/" + name);
                if (param.isEmpty()) {
                    boolean deny = binding.text("spec", "paramRef", "parameterNotFoundAction").orElse("Deny").equals("Deny");
                    return deny ? List.of(violation(policy, binding, object, "no params found for policy binding with `Deny` parameterNotFoundAction"))
                            : List.of();
                }
                activation.put("params", KubernetesCel.celValue(param.get()));
            }
            Map<String, Object> variables = new LinkedHashMap<>();
            for (Map<String, Object> variable : vap.list("spec", "variables")) {
                activation.put("variables", Map.copyOf(variables));
                Object value = cel.evaluate(String.valueOf(variable.get("expression")), activation);
                variables.put(String.valueOf(variable.get("name")), value);
            }
            activation.put("variables", variables);
            List<Violation> violations = new ArrayList<>();
            for (Map<String, Object> validation : vap.list("spec", "validations")) {
                String expression = String.valueOf(validation.get("expression"));
                if (!Boolean.TRUE.equals(cel.evaluate(expression, activation))) {
                    violations.add(violation(policy, binding, object, message(validation, expression, activation)));
                }
            }
            return violations;
        } catch (CelExpressionException e) {
            return failOpen ? List.of() : List.of(violation(policy, binding, object, "policy expression error: " + e.getMessage()));
        }
    }

    private String message(Map<String, Object> validation, String expression, Map<String, Object> activation) {
        if (validation.get("messageExpression") instanceof String messageExpression) {
            try {
                Object message = cel.evaluate(messageExpression, activation);
                if (message instanceof String text && !text.isBlank()) {
                    return text.trim();
                }
            } catch (CelExpressionException e) {
                // The API server falls back to message, then to the expression, when messageExpression fails.
            }
        }
        if (validation.get("message") instanceof String message) {
            return message;
        }
        return "failed expression: " + expression;
    }

    private static Violation violation(Policy policy, Manifest binding, Manifest object, String message) {
        return new Violation(policy.manifest().name(), binding.name(), object.id(), message, policy.file());
    }

    /** Resource rules, namespace selector and object selector of a matchConstraints or matchResources. */
    @SuppressWarnings("unchecked")
    private static boolean matches(Object criteria, Manifest object, Map<String, String> nsLabels, boolean rulesRequired) {
        if (!(criteria instanceof Map<?, ?> raw)) {
            return !rulesRequired;
        }
        Map<String, Object> c = (Map<String, Object>) raw;
        List<Map<String, Object>> rules = (List<Map<String, Object>>) c.getOrDefault("resourceRules", List.of());
        if ((rulesRequired || !rules.isEmpty()) && rules.stream().noneMatch(rule -> ruleMatches(rule, object))) {
            return false;
        }
        List<Map<String, Object>> excluded = (List<Map<String, Object>>) c.getOrDefault("excludeResourceRules", List.of());
        if (excluded.stream().anyMatch(rule -> ruleMatches(rule, object))) {
            return false;
        }
        if (c.get("namespaceSelector") instanceof Map<?, ?> selector && object.namespace() != null
                && !LabelSelectors.selects((Map<String, Object>) selector, nsLabels)) {
            return false;
        }
        return !(c.get("objectSelector") instanceof Map<?, ?> selector) || LabelSelectors.selects((Map<String, Object>) selector, object.labels());
    }

    @SuppressWarnings("unchecked")
    private static boolean ruleMatches(Map<String, Object> rule, Manifest object) {
        List<String> groups = (List<String>) rule.getOrDefault("apiGroups", List.of("*"));
        List<String> versions = (List<String>) rule.getOrDefault("apiVersions", List.of("*"));
        List<String> operations = (List<String>) rule.getOrDefault("operations", List.of("*"));
        List<String> resources = (List<String>) rule.getOrDefault("resources", List.of("*"));
        String version = object.apiVersion().substring(object.apiVersion().indexOf('/') + 1);
        return (groups.contains("*") || groups.contains(object.group()))
                && (versions.contains("*") || versions.contains(version))
                && (operations.contains("*") || operations.contains("CREATE"))
                && (resources.contains("*") || resources.contains(resource(object.kind())));
    }

    /** The plural resource name of a kind, as resource rules name it. */
    static String resource(String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        if (lower.endsWith("y")) {
            return lower.substring(0, lower.length() - 1) + "ies";
        }
        return lower.endsWith("s") ? lower + "es" : lower + "s";
    }
}
