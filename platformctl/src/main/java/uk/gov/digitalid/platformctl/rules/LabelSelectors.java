package uk.gov.digitalid.platformctl.rules;

import java.util.List;
import java.util.Map;

/** Kubernetes label selector semantics: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist), ANDed. */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /** A Service's selector: a plain map; an empty or missing one selects nothing here (it is not a pod selector). */
    public static boolean mapSelects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** A LabelSelector object (matchLabels, matchExpressions); an empty one selects everything. */
    @SuppressWarnings("unchecked")
    public static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> matchLabels = (Map<String, String>) selector.getOrDefault("matchLabels", Map.of());
        if (!labels.entrySet().containsAll(matchLabels.entrySet())) {
            return false;
        }
        for (Map<String, Object> expression : (List<Map<String, Object>>) selector.getOrDefault("matchExpressions", List.of())) {
            String key = String.valueOf(expression.get("key"));
            List<String> values = ((List<Object>) expression.getOrDefault("values", List.of())).stream().map(String::valueOf).toList();
            boolean present = labels.containsKey(key);
            boolean holds = switch (String.valueOf(expression.get("operator"))) {
                case "In" -> present && values.contains(labels.get(key));
                case "NotIn" -> !present || !values.contains(labels.get(key));
                case "Exists" -> present;
                case "DoesNotExist" -> !present;
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
